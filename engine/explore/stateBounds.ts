/**
 * Optional state constraints of an exploration (TLC's CONSTRAINT): bounds on the controller's
 * pending counters and on the length of every FIFO (ready, blocked and IPC queues). A state
 * outside them is counted but not expanded, so a large configuration can be explored to a bound.
 */
import type { ControllerState } from '../../protocols/controller/model/state.ts';

export interface StateBounds {
  /** Largest pending counter (irqPending, ipcPending) expanded. */
  readonly maxPending?: number;
  /** Longest FIFO expanded. */
  readonly maxQueue?: number;
}

/** Whether `s` is within `b` (always, for an empty `b`). */
export function withinStateBounds(b: StateBounds, s: ControllerState): boolean {
  const pending = b.maxPending ?? Number.POSITIVE_INFINITY;
  const queue = b.maxQueue ?? Number.POSITIVE_INFINITY;
  for (const n of s.irqPending) if (n > pending) return false;
  for (const n of s.ipcPending) if (n > pending) return false;
  for (const q of s.ready) if (q.length > queue) return false;
  for (const q of s.irqWait) if (q.length > queue) return false;
  for (const q of s.ipcWait) if (q.length > queue) return false;
  return true;
}
