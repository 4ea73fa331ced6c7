/**
 * The seeded software-runtime bugs as data: each is one switch the runtime (executor, kernel)
 * checks at one place, so that a wakeup mutant is the reference runtime with exactly one thing
 * wrong. The names are the mutants' names (kebab-case, as on the command line); the catalogue
 * with descriptions and the properties expected to catch each is protocols/wakeup/mutants/wakeupMutants.ts.
 */

/** Every runtime mutation, in catalogue order. */
export const RUNTIME_MUTATIONS = [
  'register-while-running',
  'double-wake',
  'skip-reregister',
  'run-offline',
  'yield-fast-path',
] as const;

/**
 * One seeded bug of the software runtime:
 * - `register-while-running`: an interrupt handler writes its IRQ_REGISTER from inside its poll,
 *   while its hart still runs it, instead of as its return action (spec §4.2 rule 3);
 * - `double-wake`: a yielding task's waker fires twice, so its return action writes ENQUEUE twice;
 * - `skip-reregister`: a handler's poll returns without the re-registration being performed;
 * - `run-offline`: the kernel puts a hart on a process without consulting the status table;
 * - `yield-fast-path`: a yielding task is polled again at once on the same hart instead of being
 *   written back to ENQUEUE and dequeued in priority order.
 */
export type RuntimeMutation = (typeof RUNTIME_MUTATIONS)[number];
