/**
 * Comparisons of abstract states that several properties share: whether two states are the same
 * §3 state, or differ only in the error bits. Each short-circuits on identical arrays, and
 * {@link sameStateGiven} also on the arrays of a pair already known to be equal, so comparing
 * states that share their unchanged parts with such a pair (as successive states of the model
 * and of the reference device do) costs what changed.
 */
import type { ControllerState, Waiter } from '../model/state.ts';

/** Two lists of numbers or booleans with equal entries, given that `a0` and `b0` are equal lists. */
function sameValues<T extends number | boolean>(
  a: readonly T[],
  b: readonly T[],
  a0: readonly T[],
  b0: readonly T[],
): boolean {
  if (a === b || (a === a0 && b === b0)) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || x !== y) return false;
  }
  return true;
}

/**
 * Two tables of FIFOs with equal queues (entries compared by `same`), given that `a0` and `b0` are
 * equal tables: a queue identical in both, or identical to its counterpart in the known-equal
 * pair, is not looked into.
 */
function sameTable<T>(
  a: readonly (readonly T[])[],
  b: readonly (readonly T[])[],
  a0: readonly (readonly T[])[],
  b0: readonly (readonly T[])[],
  same: (v: T, w: T) => boolean,
): boolean {
  if (a === b || (a === a0 && b === b0)) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return false;
    if (x === y || (x === a0[i] && y === b0[i])) continue;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) {
      const v = x[j];
      const w = y[j];
      if (v === undefined || w === undefined || !same(v, w)) return false;
    }
  }
  return true;
}

/** Task ids are equal values. */
const sameTask = (v: bigint, w: bigint): boolean => v === w;

/** Waiters are equal when their process and task are. */
const sameWaiter = (v: Waiter, w: Waiter): boolean => v.p === w.p && v.task === w.task;

/** A state no caller holds: "nothing is known to be equal" for the comparisons below (and for the judged engine's encoder). */
export const NOTHING_KNOWN: ControllerState = Object.freeze({
  ready: [],
  irqWait: [],
  irqPending: [],
  ipcWait: [],
  ipcPending: [],
  online: [],
  error: 0,
});

/** {@link sameExceptError}, given that `a0` and `b0` are known to hold the same queues, counters and bits. */
function sameExceptErrorGiven(
  a: ControllerState,
  b: ControllerState,
  a0: ControllerState,
  b0: ControllerState,
): boolean {
  return (
    sameTable(a.ready, b.ready, a0.ready, b0.ready, sameTask) &&
    sameTable(a.irqWait, b.irqWait, a0.irqWait, b0.irqWait, sameWaiter) &&
    sameValues(a.irqPending, b.irqPending, a0.irqPending, b0.irqPending) &&
    sameTable(a.ipcWait, b.ipcWait, a0.ipcWait, b0.ipcWait, sameTask) &&
    sameValues(a.ipcPending, b.ipcPending, a0.ipcPending, b0.ipcPending) &&
    sameValues(a.online, b.online, a0.online, b0.online)
  );
}

/** True when `a` and `b` hold the same queues, counters and status bits (the error bits may differ). */
export function sameExceptError(a: ControllerState, b: ControllerState): boolean {
  return sameExceptErrorGiven(a, b, NOTHING_KNOWN, NOTHING_KNOWN);
}

/** True when `a` and `b` are the same §3 state. */
export function sameState(a: ControllerState, b: ControllerState): boolean {
  return a === b || (a.error === b.error && sameExceptError(a, b));
}

/**
 * {@link sameState}, given that `a0` and `b0` are the same §3 state (for instance the previous
 * step's pair, already compared): since states are never modified, only the parts of `a` and `b`
 * that are not the very arrays of `a0` and `b0` are looked into, so successive states that share
 * their unchanged parts are compared in time proportional to what changed.
 */
export function sameStateGiven(
  a: ControllerState,
  b: ControllerState,
  a0: ControllerState,
  b0: ControllerState,
): boolean {
  return a === b || (a.error === b.error && sameExceptErrorGiven(a, b, a0, b0));
}
