/**
 * Symmetry of the controller model (opt-in `--symmetry`, as TLC's symmetry sets): its processes,
 * its interrupt lines and its IPC types are each interchangeable.
 *
 * - **Processes.** Every rule of spec/controller.md §3–§5 treats each page alike, and the
 *   exploration alphabet offers every page the same operations, except the few it offers on page 0
 *   only (an IPC send, whose sender is not recorded, §8 decision 7; the global ERROR read; the wrong
 *   accesses), whose effect names no process.
 * - **Interrupt lines.** Each line d has its own waiter FIFO and pending counter
 *   (`irqWait[d]`, `irqPending[d]`, §3), and IRQ_REGISTER and the interrupt itself read and write
 *   those of the line they name only (model/step.ts: irqPendingPositive, irqWaitFull,
 *   irqHasWaiter, wakeIrqWaiter, countIrq); the error bits are one register whatever the line,
 *   no property and no ghost field is kept per line (properties/ghost.ts), and the alphabet offers
 *   every line the same events.
 * - **IPC types.** The same for `ipcWait[p * T + t]` / `ipcPending[p * T + t]`, IPC_REGISTER and
 *   IPC_SEND.
 *
 * So renaming the processes, the lines and the types, each by a permutation, commutes with every
 * step: the renamed state's step by the renamed event (the page-0-only events kept on page 0) is the
 * renamed successor, with the same verdicts (test/engine/explore/symmetry.test.ts checks this on
 * every reachable state and event of the tiny preset and of `lines`, which has two of each). The
 * reset state need not be symmetric (process 0 starts online): by that commutation, the orbit of
 * every state reachable from it is reached from the orbit's first-found member, so the explorer
 * keeps one state per orbit, keyed by the least key over every renaming, finds every reachable
 * orbit, and finds a violation as soon as the full search does (violations are closed under
 * renaming). Only the model alone: a device's hidden state has no renaming.
 *
 * Task ids are interchangeable too, but not renamed: the wrong accesses of the alphabet name task
 * ids 0 and 1, and the one-task-id exploration presets would gain nothing.
 */
import { controllerGhostKey } from '../../../engine/explore/ghostKey.ts';
import type { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import { permutations } from '../../../engine/explore/permutations.ts';
import type { Config } from '../model/config/config.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { ControllerState } from '../model/state.ts';
import type { MutableControllerGhost } from '../properties/ghost.ts';
import type { ControllerNode } from './controllerJudge.ts';
import { controllerKey } from './controllerKey.ts';

/** One renaming: process p becomes `proc[p]`, line d `line[d]`, IPC type t `ipc[t]`. */
export interface ControllerRenaming {
  readonly proc: readonly number[];
  readonly line: readonly number[];
  readonly ipc: readonly number[];
}

/** Every renaming of `cfg`'s processes, lines and IPC types, the identity first. */
export function controllerRenamings(cfg: Config): readonly ControllerRenaming[] {
  const out: ControllerRenaming[] = [];
  for (const proc of permutations(cfg.processes))
    for (const line of permutations(cfg.devices))
      for (const ipc of permutations(cfg.ipcTypes)) out.push({ proc, line, ipc });
  return out;
}

/** `s` renamed by `r` (page tables, waiter FIFOs and pending counters moved, waiters' processes renamed). */
export function renameControllerState(
  cfg: Config,
  s: ControllerState,
  r: ControllerRenaming,
): ControllerState {
  const P = cfg.priorities;
  const T = cfg.ipcTypes;
  const to = (p: number): number => r.proc[p] ?? p;
  const ready = new Array<readonly bigint[]>(s.ready.length);
  s.ready.forEach((q, i) => {
    ready[to(Math.floor(i / P)) * P + (i % P)] = q;
  });
  const ipcWait = new Array<readonly bigint[]>(s.ipcWait.length);
  const ipcPending = new Array<number>(s.ipcPending.length);
  s.ipcWait.forEach((q, i) => {
    const t = i % T;
    const j = to(Math.floor(i / T)) * T + (r.ipc[t] ?? t);
    ipcWait[j] = q;
    ipcPending[j] = s.ipcPending[i] ?? 0;
  });
  const irqWait = new Array<ControllerState['irqWait'][number]>(s.irqWait.length);
  const irqPending = new Array<number>(s.irqPending.length);
  s.irqWait.forEach((q, d) => {
    const e = r.line[d] ?? d;
    irqWait[e] = q.map((w) => ({ p: to(w.p), task: w.task }));
    irqPending[e] = s.irqPending[d] ?? 0;
  });
  const online = new Array<boolean>(s.online.length);
  s.online.forEach((b, p) => {
    online[to(p)] = b;
  });
  const renamed: ControllerState = {
    ready,
    irqWait,
    irqPending,
    ipcWait,
    ipcPending,
    online,
    error: s.error,
  };
  if (s.errorOf === undefined) return renamed;
  const errorOf = new Array<number>(s.errorOf.length);
  s.errorOf.forEach((bits, p) => {
    errorOf[to(p)] = bits;
  });
  return { ...renamed, errorOf };
}

/** The ghost `g` with its processes renamed by `r` (it keeps nothing per line or IPC type). */
export function renameControllerGhost(
  g: MutableControllerGhost,
  r: ControllerRenaming,
): MutableControllerGhost {
  const custody = new Array<Map<bigint, number> | undefined>(g.custody.length);
  g.custody.forEach((m, p) => {
    custody[r.proc[p] ?? p] = m;
  });
  const errorSinceReadOf = new Array<number>(g.errorSinceReadOf.length);
  g.errorSinceReadOf.forEach((bits, p) => {
    errorSinceReadOf[r.proc[p] ?? p] = bits;
  });
  return { ...g, custody, errorSinceReadOf };
}

/**
 * The event `e` renamed by `r`; an event of page 0 only (an IPC send, the ERROR read, a wrong
 * access) keeps its page, and an IPC send its target and type renamed. A line or type index out of
 * range (never in the alphabet) is kept as it is.
 */
export function renameControllerEvent(
  cfg: Config,
  e: ControllerEvent,
  r: ControllerRenaming,
): ControllerEvent {
  const to = (p: number): number => r.proc[p] ?? p;
  switch (e.type) {
    case 'Dequeue':
    case 'StatusRead':
    case 'StatusWrite':
      return { ...e, p: to(e.p) };
    case 'Enqueue':
      return e.task === 0n || e.prio >= cfg.priorities ? e : { ...e, p: to(e.p) }; // a wrong access stays on page 0
    case 'IrqRegister':
      return { ...e, p: to(e.p), device: r.line[e.device] ?? e.device };
    case 'IpcRegister':
      return { ...e, p: to(e.p), ipcType: r.ipc[e.ipcType] ?? e.ipcType };
    case 'IpcSend':
      return { ...e, target: to(e.target), ipcType: r.ipc[e.ipcType] ?? e.ipcType };
    case 'Irq':
      return { ...e, line: r.line[e.line] ?? e.line };
    default:
      return e;
  }
}

/** -1, 0 or 1 as `a` sorts before, with or after `b`. */
function cmp(a: number | bigint, b: number | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two task FIFOs compared by length, then entry by entry. */
function cmpTasks(a: readonly bigint[], b: readonly bigint[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const c = cmp(a[i] ?? 0n, b[i] ?? 0n);
    if (c !== 0) return c;
  }
  return 0;
}

/** The ranks of `n` indices sorted by `by` (index i becomes its rank; equal ones keep their order). */
function ranks(n: number, by: (i: number, j: number) => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => by(i, j) || i - j);
  const rank = new Array<number>(n);
  order.forEach((i, k) => {
    rank[i] = k;
  });
  return rank;
}

/**
 * The renaming `proc` extended with the renaming of lines and IPC types that sorts them by what
 * they hold once the processes are renamed by `proc`: lines by pending count, then waiter FIFO
 * (renamed process, task); types by each renamed process's pending count and handler FIFO, in
 * renamed-process order. Nothing else in a state or ghost names a line or a type, so two states
 * that differ by a renaming of lines and types alone sort to the same state.
 */
function sortingRenaming(cfg: Config, s: ControllerState, proc: readonly number[]): ControllerRenaming {
  const T = cfg.ipcTypes;
  const to = (p: number): number => proc[p] ?? p;
  const line = ranks(cfg.devices, (d, e) => {
    const c = (s.irqPending[d] ?? 0) - (s.irqPending[e] ?? 0);
    if (c !== 0) return c;
    const a = s.irqWait[d] ?? [];
    const b = s.irqWait[e] ?? [];
    if (a.length !== b.length) return a.length - b.length;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      const y = b[i];
      if (x === undefined || y === undefined) continue;
      const k = to(x.p) - to(y.p) || cmp(x.task, y.task);
      if (k !== 0) return k;
    }
    return 0;
  });
  // the process that renamed process q comes from
  const from = new Array<number>(cfg.processes);
  for (let p = 0; p < cfg.processes; p++) from[to(p)] = p;
  const ipc = ranks(T, (t, u) => {
    for (let q = 0; q < cfg.processes; q++) {
      const p = from[q] ?? q;
      const c = (s.ipcPending[p * T + t] ?? 0) - (s.ipcPending[p * T + u] ?? 0);
      if (c !== 0) return c;
      const k = cmpTasks(s.ipcWait[p * T + t] ?? [], s.ipcWait[p * T + u] ?? []);
      if (k !== 0) return k;
    }
    return 0;
  });
  return { proc, line, ipc };
}

/**
 * The canonical key of a node of the controller model (see above): over every renaming of the
 * processes, the node renamed so with its lines and IPC types sorted ({@link sortingRenaming}, one
 * renaming of the state), the least key. Renamings of processes commute with those of lines and types, and the sorted form
 * is the same for every renaming of lines and types, so this is one key per orbit with P! keys
 * built, not P!·D!·T! (test/engine/explore/symmetry.test.ts compares it with the least key over
 * every renaming).
 */
export function canonicalControllerKey(cfg: Config, kb: KeyBuilder): (n: ControllerNode) => string {
  const procs = permutations(cfg.processes);
  const keep = (k: number): number[] => Array.from({ length: k }, (_, i) => i);
  const lines = keep(cfg.devices);
  const types = keep(cfg.ipcTypes);
  const sorts = cfg.devices > 1 || cfg.ipcTypes > 1;
  return (n) => {
    let best: string | undefined;
    for (const proc of procs) {
      const r = sorts ? sortingRenaming(cfg, n.abs, proc) : { proc, line: lines, ipc: types };
      kb.reset();
      controllerKey(kb, renameControllerState(cfg, n.abs, r));
      controllerGhostKey(kb, renameControllerGhost(n.ghost, r));
      kb.int(n.ended ? 1 : 0);
      const k = kb.done();
      if (best === undefined || k < best) best = k;
    }
    return best ?? '';
  };
}
