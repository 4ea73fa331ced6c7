/**
 * Seeded bugs in the packed syscall engine's successor function, for tests only: each makes some
 * successor's bytes differ from the step judge's successor encoded, so a test can show that the
 * per-transition comparison catches it, and each makes one syscall step property fail on the
 * states it leads to, so a test can show that the byte verdict for that property is needed (left
 * out, the engine's verdicts differ from the properties' own); and one in the drain's graph, to
 * show that the leads-to check over the graph can fail; and one in the controller-step memo, to
 * show that the per-transition comparison sees a memo that recalls the wrong access. The explorer
 * never passes one.
 */

/** A seeded bug of the packed syscall engine (tests only). */
export type SyscallPackedMutation = SyscallSuccessorMutation | DrainMutation | MemoMutation;

/** The seeded bugs in the successor function, one per syscall step property. */
export type SyscallSuccessorMutation =
  /** Complete leaves the dispatcher's "completed" mark at 0, so it may execute the request again (exactlyOnceReply). */
  | 'completeTwice'
  /** Signal always resumes the caller to read, even before its request is DONE (replyRouting). */
  | 'signalReadsAtOnce'
  /** Call records request id 0 in the caller's record (requestConservation). */
  | 'callForgetsRequest'
  /** Call ignores a full ring and writes over its tail slot (boundedRing). */
  | 'callOverwrites'
  /** Signal makes no IPC_SEND (noLostIpcWakeup). */
  | 'signalSendsNothing'
  /** Take also takes a slot another dispatcher holds TAKEN (singleConsumer). */
  | 'takeTakesTaken'
  /** Publish moves the caller on but leaves its slot FILLING (publishBeforeSignal). */
  | 'publishLeavesFilling'
  /** An IPC_SEND to an offline process changes nothing in the controller (offlineRetention). */
  | 'offlineSendDropped'
  /** Park performs the dispatcher's IPC_REGISTER while it still runs (syscallNoRegisterWhileRunning). */
  | 'parkRegisters';

/**
 * A seeded bug in the drain's graph, not in a successor: a hart's Fetch is never recorded as its
 * drain step, so drains stall and the leads-to check over the graph fails (everyRequestAnswered).
 */
type DrainMutation = 'drainForgetsFetch';

/**
 * A seeded bug in the controller-step memo (controllerStepMemo.ts), not in a rule: an access is
 * remembered per candidate event only, not per candidate and varying argument (a send's target, a
 * wake's caller), so a remembered result of one access is recalled for another.
 */
type MemoMutation = 'memoIgnoresArgument';

/** Every seeded successor bug, for the tests' loops. */
export const SYSCALL_PACKED_MUTATIONS: readonly SyscallSuccessorMutation[] = [
  'completeTwice',
  'signalReadsAtOnce',
  'callForgetsRequest',
  'callOverwrites',
  'signalSendsNothing',
  'takeTakesTaken',
  'publishLeavesFilling',
  'offlineSendDropped',
  'parkRegisters',
];
