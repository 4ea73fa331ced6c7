/**
 * Measures of one abstract state that several properties share: how many instances it holds,
 * every process's occupancy in one pass, and whether two states differ only in the error bits.
 */
import type { Config } from '../../model/config/config.ts';
import type { ControllerState, Waiter } from '../../model/controller/state.ts';

/** Every instance held in ready and blocked queues, all processes together. */
export function heldCount(s: ControllerState): number {
  let n = 0;
  for (const q of s.ready) n += q.length;
  for (const q of s.irqWait) n += q.length;
  for (const q of s.ipcWait) n += q.length;
  return n;
}

/** `occupancy(p)` of §3 for every process, computed in one pass over the state. */
export function occupancies(cfg: Config, s: ControllerState): number[] {
  const occ = new Array<number>(cfg.processes).fill(0);
  for (let i = 0; i < s.ready.length; i++) {
    const p = Math.floor(i / cfg.priorities);
    occ[p] = (occ[p] ?? 0) + (s.ready[i]?.length ?? 0);
  }
  for (const q of s.irqWait) for (const w of q) occ[w.p] = (occ[w.p] ?? 0) + 1;
  for (let i = 0; i < s.ipcWait.length; i++) {
    const p = Math.floor(i / cfg.ipcTypes);
    occ[p] = (occ[p] ?? 0) + (s.ipcWait[i]?.length ?? 0);
  }
  return occ;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || !same(x, y)) return false;
  }
  return true;
}

function sameTable<T>(
  a: readonly (readonly T[])[],
  b: readonly (readonly T[])[],
  same: (x: T, y: T) => boolean,
): boolean {
  return sameList(a, b, (x, y) => sameList(x, y, same));
}

const eq = <T>(x: T, y: T): boolean => x === y;
const sameWaiter = (x: Waiter, y: Waiter): boolean => x.p === y.p && x.task === y.task;

/** True when `a` and `b` hold the same queues, counters and status bits (the error bits may differ). */
export function sameExceptError(a: ControllerState, b: ControllerState): boolean {
  return (
    sameTable(a.ready, b.ready, eq) &&
    sameTable(a.irqWait, b.irqWait, sameWaiter) &&
    sameList(a.irqPending, b.irqPending, eq) &&
    sameTable(a.ipcWait, b.ipcWait, eq) &&
    sameList(a.ipcPending, b.ipcPending, eq) &&
    sameList(a.online, b.online, eq)
  );
}

/** True when `a` and `b` are the same §3 state. */
export function sameState(a: ControllerState, b: ControllerState): boolean {
  return a === b || (a.error === b.error && sameExceptError(a, b));
}
