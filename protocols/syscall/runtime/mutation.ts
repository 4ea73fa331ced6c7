/**
 * The seeded bugs of the syscall runtime as data (research/uintr-syscall.md §5, N1–N13): each is
 * one switch the runtime (protocols/syscall/runtime/syscallRuntime.ts) checks at one place. The catalogue with
 * descriptions and expected properties is protocols/syscall/mutants/syscallMutants.ts.
 */

/** Every syscall runtime mutation, in catalogue order. */
export const SYSCALL_RUNTIME_MUTATIONS = [
  'publish-after-signal',
  'park-without-register',
  'overwrite-slot',
  'reply-to-queue-head',
  'kernel-frees-slot',
  'take-without-cas',
  'ring-no-wraparound',
  'one-request-per-wake',
] as const;

/**
 * One seeded bug of the syscall runtime:
 * - `publish-after-signal` (N1/N3): the caller sends the IPC before marking its slot SUBMITTED;
 * - `park-without-register` (N2): a dispatcher's return action does not write IPC_REGISTER;
 * - `overwrite-slot` (N4): the producer writes the tail slot without checking the ring is not full;
 * - `reply-to-queue-head` (N7): the reply dispatcher wakes the longest-awaiting caller, not the one whose request is DONE;
 * - `kernel-frees-slot` (N8): the dispatcher frees the slot (DONE → FREE) when it replies, before the caller read it;
 * - `take-without-cas` (N9): a dispatcher reads a SUBMITTED slot in one step and writes TAKEN in the next, unconditionally;
 * - `ring-no-wraparound` (N12): occupancy computed as `tail mod R − head mod R` (a full ring looks empty);
 * - `one-request-per-wake` (N13): a dispatcher takes one request per wake, then parks.
 */
export type SyscallRuntimeMutation = (typeof SYSCALL_RUNTIME_MUTATIONS)[number];
