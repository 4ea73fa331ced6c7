/**
 * The copy-on-write step of the reference's incremental abstraction function: a table of the
 * previous abstract state, copied once, with only the entries a {@link ChangedIndices} log lists
 * replaced by their current value. Every other entry stays the previous state's own (the same
 * array), and the log is cleared for the next step.
 */
import type { Waiter } from '../../model/state.ts';
import type { ChangedIndices } from './changedIndices.ts';
import { NO_TASKS, type TaskFifo } from './taskFifo.ts';
import { NO_WAITERS, type WaiterFifo } from './waiterFifo.ts';

/** `prev` with the changed rings of `rings` replaced by their current views. */
export function patchTasks(
  prev: readonly (readonly bigint[])[],
  rings: readonly (TaskFifo | undefined)[],
  changed: ChangedIndices,
): (readonly bigint[])[] {
  const next = prev.slice();
  for (let j = 0; j < changed.size; j++) {
    const i = changed.at(j);
    next[i] = rings[i]?.view() ?? NO_TASKS;
  }
  changed.clear();
  return next;
}

/** `prev` with the changed device rings replaced by their current views. */
export function patchWaiters(
  prev: readonly (readonly Waiter[])[],
  rings: readonly WaiterFifo[],
  changed: ChangedIndices,
): (readonly Waiter[])[] {
  const next = prev.slice();
  for (let j = 0; j < changed.size; j++) {
    const d = changed.at(j);
    next[d] = rings[d]?.waiters() ?? NO_WAITERS;
  }
  changed.clear();
  return next;
}

/** `prev` with the changed counters replaced by their current values in `counts`. */
export function patchCounts(prev: readonly number[], counts: Int32Array, changed: ChangedIndices): number[] {
  const next = prev.slice();
  for (let j = 0; j < changed.size; j++) {
    const i = changed.at(j);
    next[i] = counts[i] ?? 0;
  }
  changed.clear();
  return next;
}

/** `prev` with the changed bits replaced by their current values in `bits` (1 is true). */
export function patchBits(prev: readonly boolean[], bits: Uint8Array, changed: ChangedIndices): boolean[] {
  const next = prev.slice();
  for (let j = 0; j < changed.size; j++) {
    const i = changed.at(j);
    next[i] = bits[i] === 1;
  }
  changed.clear();
  return next;
}
