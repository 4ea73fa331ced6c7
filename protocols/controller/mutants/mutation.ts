/**
 * The seeded controller bugs as data: each is one switch the reference design
 * (impl/reference) checks at one place, so that a mutant is the reference with exactly one
 * thing wrong. The names are the mutants' names (kebab-case, as on the command line).
 */
import type { Config } from '../model/config/config.ts';

/** Every controller mutation, in catalogue order. */
export const CONTROLLER_MUTATIONS = [
  'lifo-within-priority',
  'dequeue-lower-priority',
  'full-drops-silently',
  'capacity-off-by-one',
  'occupancy-leak',
  'wake-wrong-priority',
  'wake-wrong-process',
  'register-ignores-pending',
  'ipc-register-ignores-pending',
  'pending-not-decremented',
  'pending-saturates-silently',
  'pending-latch',
  'waiters-out-of-order',
  'interrupt-wakes-all',
  'error-not-cleared',
  'zero-task-accepted',
  'priority-index-wraps',
  'ipc-send-dropped',
  'send-uses-sender-page',
  'offline-drops',
  'dequeue-wrong-process',
  'empty-returns-stale',
  'read-only-write-accepted',
  'pending-drained-not-consumed',
] as const;

/** One seeded bug of the reference controller; `undefined` where one is optional means "none". */
export type ControllerMutation = (typeof CONTROLLER_MUTATIONS)[number];

/**
 * Depth of each ready ring under `mutation`: C for the reference. A mutant whose bug lets a
 * ready queue grow past C gets rings deep enough never to overflow, so that it misbehaves only
 * in the way it was seeded (and never throws inside the checker):
 * - `capacity-off-by-one` admits C + 1 tasks into one process;
 * - `wake-wrong-process` moves device wakes into process 0, whose ring then holds its own ≤ C
 *   tasks plus at most C woken away from each other process (their occupancy counters keep
 *   counting what they lost), so N·C.
 */
export function readyRingDepth(cfg: Config, mutation: ControllerMutation | undefined): number {
  if (mutation === 'capacity-off-by-one') return cfg.capacity + 1;
  if (mutation === 'wake-wrong-process') return cfg.capacity * cfg.processes;
  return cfg.capacity;
}
