/**
 * The controller's state (spec/controller.md §3), compact and immutable. Per-(process, index)
 * tables are flat arrays indexed `p * width + index`; a step copies only the arrays it touches.
 */
import type { Config } from './config/config.ts';

/** A task waiting for a device: the waiter record keeps its process (§8 decision 2). */
export interface Waiter {
  readonly p: number;
  readonly task: bigint;
}

export interface ControllerState {
  /** `ready[p * P + k]`: FIFO of task ids of process p at priority k, head first. */
  readonly ready: readonly (readonly bigint[])[];
  /** `irqWait[d]`: FIFO of waiters for device d, length ≤ B. */
  readonly irqWait: readonly (readonly Waiter[])[];
  /** `irqPending[d]`: device-d interrupts that found nobody waiting, 0..Q. */
  readonly irqPending: readonly number[];
  /** `ipcWait[p * T + t]`: FIFO of handler task ids of process p for IPC type t, length ≤ B. */
  readonly ipcWait: readonly (readonly bigint[])[];
  /** `ipcPending[p * T + t]`: sends to (p, t) that found no handler, 0..Q. */
  readonly ipcPending: readonly number[];
  /** `online[p]`: the status-table bit. */
  readonly online: readonly boolean[];
  /** The four error bits (§5), one register for the whole controller. */
  readonly error: number;
  /**
   * For a design whose error register is per process (TAIC: one per global queue, taic.md *Error
   * register*): `errorOf[p]` is p's register in §5 bits, and `error` is their union. A read of
   * ERROR through page p returns and clears p's alone. Absent for the reference (§8 decision 4).
   */
  readonly errorOf?: readonly number[];
}

const EMPTY: readonly bigint[] = Object.freeze([]);
const NO_WAITERS: readonly Waiter[] = Object.freeze([]);

/** The state at reset: everything empty, only process 0 (the kernel) online. */
export function initialState(cfg: Config): ControllerState {
  const n = cfg.processes;
  // `fill` rather than `Array.from({ length }, f)`: the same arrays, built without a call per entry.
  const online = new Array<boolean>(n).fill(false);
  if (n > 0) online[0] = true;
  return {
    ready: new Array<readonly bigint[]>(n * cfg.priorities).fill(EMPTY),
    irqWait: new Array<readonly Waiter[]>(cfg.devices).fill(NO_WAITERS),
    irqPending: new Array<number>(cfg.devices).fill(0),
    ipcWait: new Array<readonly bigint[]>(n * cfg.ipcTypes).fill(EMPTY),
    ipcPending: new Array<number>(n * cfg.ipcTypes).fill(0),
    online,
    error: 0,
  };
}

/** The ready FIFO of process p at priority k. */
export function readyQueue(cfg: Config, s: ControllerState, p: number, k: number): readonly bigint[] {
  return s.ready[p * cfg.priorities + k] ?? EMPTY;
}

/** The handlers of process p waiting for IPC type t. */
export function ipcWaiters(cfg: Config, s: ControllerState, p: number, t: number): readonly bigint[] {
  return s.ipcWait[p * cfg.ipcTypes + t] ?? EMPTY;
}

/** `size(p)`: the tasks of p in its ready queues. */
export function readySize(cfg: Config, s: ControllerState, p: number): number {
  let n = 0;
  const from = p * cfg.priorities;
  for (let k = 0; k < cfg.priorities; k++) n += s.ready[from + k]?.length ?? 0;
  return n;
}

/** `occupancy(p)` (§3): ready tasks plus p's entries in every blocked queue. */
export function occupancy(cfg: Config, s: ControllerState, p: number): number {
  let n = readySize(cfg, s, p);
  for (const q of s.irqWait) for (const w of q) if (w.p === p) n++;
  const from = p * cfg.ipcTypes;
  for (let t = 0; t < cfg.ipcTypes; t++) n += s.ipcWait[from + t]?.length ?? 0;
  return n;
}

/** The lowest-numbered non-empty priority of p, or -1 when every ready queue of p is empty. */
export function topPriority(cfg: Config, s: ControllerState, p: number): number {
  const from = p * cfg.priorities;
  for (let k = 0; k < cfg.priorities; k++) if ((s.ready[from + k]?.length ?? 0) > 0) return k;
  return -1;
}
