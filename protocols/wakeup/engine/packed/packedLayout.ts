/**
 * The byte layout of a wakeup system state for the packed explorer: every field of
 * {@link SystemState} as one byte at a fixed offset computed from the configuration, so a state is
 * `width` bytes and two states are equal exactly when their bytes are. FIFOs are a length byte
 * followed by fixed slots, unused slots zero (canonical). The IPC tables are not stored: no wakeup
 * event touches them, so they stay empty (encode refuses a state where they are not).
 */
import {
  byteBoundsExceeded,
  type PackedControllerFields,
} from '../../../controller/engine/packed/controllerPackedLayout.ts';
import type { Config } from '../../../controller/model/config/config.ts';
import type { ControllerState, Waiter } from '../../../controller/model/state.ts';
import type { HartPhase, HartState, SystemState, TaskLife, TaskRecord } from '../../model/state.ts';

/** Hart phases by their byte code. */
const PHASES: readonly HartPhase[] = ['idle', 'fetch', 'running', 'returning', 'wedged'];
/** Task lives by their byte code. */
const LIVES: readonly TaskLife[] = ['free', 'ready', 'running', 'blocked', 'done'];
export const PH_IDLE = 0;
export const PH_FETCH = 1;
export const PH_RUNNING = 2;
export const PH_RETURNING = 3;
export const PH_WEDGED = 4;
export const LIFE_FREE = 0;
export const LIFE_READY = 1;
export const LIFE_RUNNING = 2;
export const LIFE_BLOCKED = 3;
export const LIFE_DONE = 4;
/** Bytes per hart (phase, p + 1, task) and per task record (life, p + 1, prio, handlerOf + 1, waitsOn + 1). */
export const HART_W = 3;
export const TASK_W = 5;

/** Offsets of every field of one configuration's packed state. */
export interface PackedLayout extends PackedControllerFields {
  readonly harts: number;
  readonly tasks: number;
}

/** Why `cfg` cannot be packed in bytes (a count above 254), or null when it can. */
export function unpackable(cfg: Config): string | null {
  const bounds = [
    'processes',
    'priorities',
    'capacity',
    'devices',
    'waitDepth',
    'pendingMax',
    'taskPool',
  ] as const;
  return byteBoundsExceeded(cfg, bounds, 'packed engine');
}

/**
 * Layouts already computed, per configuration object (both are immutable). Reusing one matters for
 * speed, not only for the work saved: the optimised successor function depends on the layout
 * object's shape, and a second layout built by the same object literal re-shapes it and throws
 * that code away (V8 deoptimises every packed function at the start of the next search).
 */
const LAYOUTS = new WeakMap<Config, PackedLayout>();

/** The layout of `cfg` (see {@link unpackable}), computed once per configuration object. */
export function packedLayout(cfg: Config): PackedLayout {
  const known = LAYOUTS.get(cfg);
  if (known !== undefined) return known;
  const L = computeLayout(cfg);
  LAYOUTS.set(cfg, L);
  return L;
}

function computeLayout(cfg: Config): PackedLayout {
  const why = unpackable(cfg);
  if (why !== null) throw new Error(why);
  const readyW = 1 + cfg.capacity;
  const waitW = 1 + 2 * cfg.waitDepth;
  const ready = 0;
  const irqWait = ready + cfg.processes * cfg.priorities * readyW;
  const irqPending = irqWait + cfg.devices * waitW;
  const online = irqPending + cfg.devices;
  const error = online + cfg.processes;
  const harts = error + 1;
  const tasks = harts + cfg.harts * HART_W;
  // rounded up to whole 32-bit words: the explorer hashes and compares a state word by word
  const width = Math.ceil((tasks + cfg.taskPool * TASK_W) / 4) * 4;
  return { cfg, width, ready, readyW, irqWait, waitW, irqPending, online, error, harts, tasks };
}

function byte(v: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v > 255)
    throw new Error(`packed engine: ${what} = ${v} is not a byte`);
  return v;
}

/** `s` as bytes (throws on a state the layout cannot hold, such as a FIFO longer than its slots). */
export function encodeSystem(L: PackedLayout, s: SystemState): Uint8Array {
  const { cfg } = L;
  const b = new Uint8Array(L.width);
  const c = s.ctrl;
  if (c.ipcWait.some((q) => q.length > 0) || c.ipcPending.some((n) => n !== 0))
    throw new Error('packed engine: IPC tables are not empty');
  c.ready.forEach((q, i) => {
    if (q.length > cfg.capacity) throw new Error(`packed engine: ready queue ${i} is longer than C`);
    const o = L.ready + i * L.readyW;
    b[o] = q.length;
    q.forEach((t, j) => {
      b[o + 1 + j] = byte(Number(t), 'task id');
    });
  });
  c.irqWait.forEach((q, d) => {
    if (q.length > cfg.waitDepth) throw new Error(`packed engine: irqWait ${d} is longer than B`);
    const o = L.irqWait + d * L.waitW;
    b[o] = q.length;
    q.forEach((w, j) => {
      b[o + 1 + 2 * j] = byte(w.p + 1, 'waiter process');
      b[o + 2 + 2 * j] = byte(Number(w.task), 'task id');
    });
  });
  c.irqPending.forEach((n, d) => {
    b[L.irqPending + d] = byte(n, 'irqPending');
  });
  c.online.forEach((on, p) => {
    b[L.online + p] = on ? 1 : 0;
  });
  b[L.error] = byte(c.error, 'error');
  s.harts.forEach((h, i) => {
    const o = L.harts + i * HART_W;
    b[o] = PHASES.indexOf(h.phase);
    b[o + 1] = byte(h.p + 1, 'hart process');
    b[o + 2] = byte(Number(h.task), 'hart task');
  });
  s.tasks.forEach((r, i) => {
    const o = L.tasks + i * TASK_W;
    b[o] = LIVES.indexOf(r.life);
    b[o + 1] = byte(r.p + 1, 'task process');
    b[o + 2] = byte(r.prio, 'task priority');
    b[o + 3] = byte(r.handlerOf + 1, 'handlerOf');
    b[o + 4] = byte(r.waitsOn + 1, 'waitsOn');
  });
  return b;
}

const at = (b: Uint8Array, i: number): number => b[i] ?? 0;

/** The system state the bytes of `b` at `off` stand for (inverse of {@link encodeSystem}). */
export function decodeSystem(L: PackedLayout, b: Uint8Array, off = 0): SystemState {
  const { cfg } = L;
  const fifo = <T>(o: number, w: number, item: (j: number) => T): T[] =>
    Array.from({ length: at(b, o) }, (_, j) => item(o + 1 + j * w));
  const ctrl: ControllerState = {
    ready: Array.from({ length: cfg.processes * cfg.priorities }, (_, i) =>
      fifo(off + L.ready + i * L.readyW, 1, (o) => BigInt(at(b, o))),
    ),
    irqWait: Array.from({ length: cfg.devices }, (_, d) =>
      fifo(
        off + L.irqWait + d * L.waitW,
        2,
        (o): Waiter => ({ p: at(b, o) - 1, task: BigInt(at(b, o + 1)) }),
      ),
    ),
    irqPending: Array.from({ length: cfg.devices }, (_, d) => at(b, off + L.irqPending + d)),
    ipcWait: Array.from({ length: cfg.processes * cfg.ipcTypes }, () => []),
    ipcPending: new Array<number>(cfg.processes * cfg.ipcTypes).fill(0),
    online: Array.from({ length: cfg.processes }, (_, p) => at(b, off + L.online + p) === 1),
    error: at(b, off + L.error),
  };
  const harts = Array.from({ length: cfg.harts }, (_, i): HartState => {
    const o = off + L.harts + i * HART_W;
    return { phase: PHASES[at(b, o)] ?? 'wedged', p: at(b, o + 1) - 1, task: BigInt(at(b, o + 2)) };
  });
  const tasks = Array.from({ length: cfg.taskPool }, (_, i): TaskRecord => {
    const o = off + L.tasks + i * TASK_W;
    return {
      life: LIVES[at(b, o)] ?? 'free',
      p: at(b, o + 1) - 1,
      prio: at(b, o + 2),
      handlerOf: at(b, o + 3) - 1,
      waitsOn: at(b, o + 4) - 1,
    };
  });
  return { ctrl, harts, tasks };
}
