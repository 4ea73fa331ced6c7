/**
 * The byte layout of an explored controller node for the judged controller engine
 * (controllerJudgedExplore.ts): every field of {@link ControllerState} as one byte at a fixed
 * offset computed from the configuration, then whether the run ended, then the controller ghost's
 * verdict-relevant part (controllerGhostBytes.ts). FIFOs are a length byte followed by fixed slots,
 * unused slots zero, so two nodes have equal bytes exactly when the object engine's keys
 * (controllerKey + controllerGhostKey + the ended bit, controllerSpace.ts) are equal: both count
 * the same states. A state the layout cannot hold (a FIFO longer than its bound, a count above a
 * byte, a task id outside the pool in custody) is refused with an error, never truncated.
 */
import type { Config } from '../../model/config/config.ts';
import type { ControllerState, Waiter } from '../../model/state.ts';
import type { MutableControllerGhost } from '../../properties/ghost.ts';
import { NOTHING_KNOWN } from '../../properties/measures.ts';
import {
  type ControllerGhostBytes,
  decodeControllerGhost,
  encodeControllerGhost,
  toByte,
} from './controllerGhostBytes.ts';

/** The controller fields every packed layout stores alike (this one, and wakeup's packedLayout.ts). */
export interface PackedControllerFields {
  readonly cfg: Config;
  /** Bytes of one state (a multiple of 4; the padding stays zero). */
  readonly width: number;
  /** `ready[q]` at `ready + q * readyW`: length, then C task ids. */
  readonly ready: number;
  readonly readyW: number;
  /** `irqWait[d]` at `irqWait + d * waitW`: length, then B (p + 1, task) pairs. */
  readonly irqWait: number;
  readonly waitW: number;
  readonly irqPending: number;
  readonly online: number;
  readonly error: number;
}

/** Offsets of every field of one configuration's packed controller node. */
export interface ControllerPackedLayout extends PackedControllerFields, ControllerGhostBytes {
  /** `ipcWait[i]` at `ipcWait + i * ipcW`: length, then B task ids. */
  readonly ipcWait: number;
  readonly ipcW: number;
  readonly ipcPending: number;
  /** 1 when the last access ended the run (ControllerNode.ended). */
  readonly ended: number;
}

/** The configuration's bounds a packed engine stores in bytes. */
type ByteBound = Exclude<keyof Config, 'base'>;

/** Why `engine` cannot pack `cfg` (one of `bounds` above 254), or null when it can (wakeup's packedLayout.ts asks too). */
export function byteBoundsExceeded(cfg: Config, bounds: readonly ByteBound[], engine: string): string | null {
  for (const f of bounds)
    if (cfg[f] > 254) return `${engine}: ${f} = ${cfg[f]} does not fit in a byte (at most 254)`;
  return null;
}

/** Why `cfg` cannot be packed in bytes (a bound above 254), or null when it can. */
export function controllerUnpackable(cfg: Config): string | null {
  const tables: ByteBound[] = ['processes', 'priorities', 'capacity', 'devices', 'ipcTypes'];
  return byteBoundsExceeded(cfg, [...tables, 'waitDepth', 'pendingMax', 'taskPool'], 'judged engine');
}

/** Layouts already computed, per configuration object (reused so the hot functions see one shape). */
const LAYOUTS = new WeakMap<Config, ControllerPackedLayout>();

/** The layout of `cfg` (throws when {@link controllerUnpackable}), computed once per configuration object. */
export function controllerPackedLayout(cfg: Config): ControllerPackedLayout {
  return LAYOUTS.get(cfg) ?? computeLayout(cfg);
}

/** The layout of `cfg`, remembered in {@link LAYOUTS}. */
function computeLayout(cfg: Config): ControllerPackedLayout {
  const why = controllerUnpackable(cfg);
  if (why !== null) throw new Error(why);
  const readyW = 1 + cfg.capacity;
  const waitW = 1 + 2 * cfg.waitDepth;
  const ipcW = 1 + cfg.waitDepth;
  const ready = 0;
  const irqWait = ready + cfg.processes * cfg.priorities * readyW;
  const irqPending = irqWait + cfg.devices * waitW;
  const ipcWait = irqPending + cfg.devices;
  const ipcPending = ipcWait + cfg.processes * cfg.ipcTypes * ipcW;
  const online = ipcPending + cfg.processes * cfg.ipcTypes;
  const error = online + cfg.processes;
  const ended = error + 1;
  const outstanding = ended + 1;
  const errorSinceRead = outstanding + 1;
  const custody = errorSinceRead + 1;
  // rounded up to whole 32-bit words: the store hashes and compares a node word by word
  const width = Math.ceil((custody + cfg.processes * cfg.taskPool) / 4) * 4;
  const L: ControllerPackedLayout = {
    cfg,
    processes: cfg.processes,
    taskPool: cfg.taskPool,
    width,
    ready,
    readyW,
    irqWait,
    waitW,
    irqPending,
    ipcWait,
    ipcW,
    ipcPending,
    online,
    error,
    ended,
    outstanding,
    errorSinceRead,
    custody,
  };
  LAYOUTS.set(cfg, L);
  return L;
}

/**
 * Writes the FIFOs of task ids `qs` into slots of `w` bytes from `o` (length, then ids, the rest
 * zero), skipping each that is `was`'s own array; refuses one longer than its slots.
 */
function putFifos(
  b: Uint8Array,
  o: number,
  w: number,
  qs: readonly (readonly bigint[])[],
  was: readonly (readonly bigint[])[],
  what: string,
): void {
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i] ?? [];
    if (q === was[i]) continue;
    if (q.length >= w)
      throw new Error(`judged engine: ${what} holds ${q.length} entries, more than ${w - 1}`);
    const at = o + i * w;
    b.fill(0, at, at + w);
    b[at] = q.length;
    for (let j = 0; j < q.length; j++) b[at + 1 + j] = toByte(Number(q[j] ?? 0n), 'task id');
  }
}

/** Writes the node (`s`, `ghost`, `ended`) into `b` at `off` (the whole width, padding zeroed). */
export function encodeControllerNode(
  L: ControllerPackedLayout,
  b: Uint8Array,
  off: number,
  s: ControllerState,
  ghost: MutableControllerGhost,
  ended: boolean,
): void {
  b.fill(0, off, off + L.width);
  encodeControllerStep(L, b, off, NOTHING_KNOWN, s, ended); // a state sharing no array: every table written
  encodeControllerGhost(L, b, off, ghost);
}

/**
 * Writes into `b` at `off`, which holds the encoding of `before`, the state `after` a step from
 * it: only the FIFOs and tables that are not `before`'s own arrays are written (a step copies only
 * the arrays it touches, and states are never changed once made, model/state.ts), then the error
 * register and the ended bit. The ghost bytes are left for the caller. The result is
 * {@link encodeControllerNode}'s state part (test/protocols/controller/engine/controllerJudged.test.ts).
 */
function encodeControllerStep(
  L: ControllerPackedLayout,
  b: Uint8Array,
  off: number,
  before: ControllerState,
  after: ControllerState,
  ended: boolean,
): void {
  const { cfg } = L;
  if (after.ready !== before.ready)
    putFifos(b, off + L.ready, L.readyW, after.ready, before.ready, 'a ready queue');
  if (after.irqWait !== before.irqWait)
    for (let d = 0; d < after.irqWait.length; d++) {
      const q = after.irqWait[d] ?? [];
      if (q === before.irqWait[d]) continue;
      if (q.length > cfg.waitDepth) throw new Error(`judged engine: irqWait ${d} is longer than B`);
      const o = off + L.irqWait + d * L.waitW;
      b.fill(0, o, o + L.waitW);
      b[o] = q.length;
      for (let j = 0; j < q.length; j++) {
        const w = q[j];
        b[o + 1 + 2 * j] = toByte((w?.p ?? -1) + 1, 'waiter process');
        b[o + 2 + 2 * j] = toByte(Number(w?.task ?? 0n), 'task id');
      }
    }
  if (after.irqPending !== before.irqPending)
    for (let d = 0; d < after.irqPending.length; d++)
      b[off + L.irqPending + d] = toByte(after.irqPending[d] ?? 0, 'irqPending');
  if (after.ipcWait !== before.ipcWait)
    putFifos(b, off + L.ipcWait, L.ipcW, after.ipcWait, before.ipcWait, 'an ipcWait queue');
  if (after.ipcPending !== before.ipcPending)
    for (let i = 0; i < after.ipcPending.length; i++)
      b[off + L.ipcPending + i] = toByte(after.ipcPending[i] ?? 0, 'ipcPending');
  if (after.online !== before.online)
    for (let p = 0; p < after.online.length; p++) b[off + L.online + p] = after.online[p] === true ? 1 : 0;
  b[off + L.error] = toByte(after.error, 'error');
  if (after.errorOf !== undefined)
    throw new Error('judged engine: a per-process error register (the model has one)');
  b[off + L.ended] = ended ? 1 : 0;
}

const at = (b: Uint8Array, i: number): number => b[i] ?? 0;

/** The FIFO of task ids at `o`. */
function idsAt(b: Uint8Array, o: number): bigint[] {
  const n = at(b, o);
  const q = new Array<bigint>(n);
  for (let j = 0; j < n; j++) q[j] = BigInt(at(b, o + 1 + j));
  return q;
}

/** The node the bytes of `b` at `off` stand for (inverse of {@link encodeControllerNode}). */
export function decodeControllerNode(
  L: ControllerPackedLayout,
  b: Uint8Array,
  off: number,
): { state: ControllerState; ghost: MutableControllerGhost; ended: boolean } {
  const { cfg } = L;
  const NQ = cfg.processes * cfg.priorities;
  const NI = cfg.processes * cfg.ipcTypes;
  const ready = new Array<bigint[]>(NQ);
  for (let q = 0; q < NQ; q++) ready[q] = idsAt(b, off + L.ready + q * L.readyW);
  const irqWait = new Array<Waiter[]>(cfg.devices);
  const irqPending = new Array<number>(cfg.devices);
  for (let d = 0; d < cfg.devices; d++) {
    const o = off + L.irqWait + d * L.waitW;
    const n = at(b, o);
    const q = new Array<Waiter>(n);
    for (let j = 0; j < n; j++) q[j] = { p: at(b, o + 1 + 2 * j) - 1, task: BigInt(at(b, o + 2 + 2 * j)) };
    irqWait[d] = q;
    irqPending[d] = at(b, off + L.irqPending + d);
  }
  const ipcWait = new Array<bigint[]>(NI);
  const ipcPending = new Array<number>(NI);
  for (let i = 0; i < NI; i++) {
    ipcWait[i] = idsAt(b, off + L.ipcWait + i * L.ipcW);
    ipcPending[i] = at(b, off + L.ipcPending + i);
  }
  const online = new Array<boolean>(cfg.processes);
  for (let p = 0; p < cfg.processes; p++) online[p] = at(b, off + L.online + p) === 1;
  const state: ControllerState = {
    ready,
    irqWait,
    irqPending,
    ipcWait,
    ipcPending,
    online,
    error: at(b, off + L.error),
  };
  return { state, ghost: decodeControllerGhost(L, b, off), ended: at(b, off + L.ended) === 1 };
}
