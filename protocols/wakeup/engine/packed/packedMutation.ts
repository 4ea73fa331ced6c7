/**
 * Seeded bugs in the packed successor function, for tests only: each breaks one of the state
 * invariants the packed engine judges, so a test can show that the packed check fails and that the
 * object property fails on the same (decoded) states. The explorer never passes one.
 */
export type PackedMutation =
  /** A device interrupt copies the head waiter into the ready queue instead of moving it (taskInOnePlace). */
  | 'wakeCopies'
  /** A hart with nothing ready on its process takes a task of an offline process and runs it (onlyOnlineRun). */
  | 'stealsOffline'
  /** A finishing task leaves its hart fetching for the next process, online or not (onlyOnlineRun's fetch part). */
  | 'finishWanders'
  /** A poll that would leave the hart owing a return action wedges it holding the task instead (noStuckSystem). */
  | 'wedges';
