/**
 * What one syscall step produces: accepted (the next state, the controller access it performed
 * with its observation and effects) or rejected with a reason (the state is unchanged).
 */

import type { ControllerEvent } from '../../controller/model/events.ts';
import type { ControllerEffect, Observation } from '../../controller/model/result.ts';
import type { SyscallState } from './state.ts';

export type SyscallRejectReason =
  /** An agent, process or target index outside the configuration, or an event of another role. */
  | 'outOfRange'
  /** STATUS data other than 0/1, or a write that would not change the bit. */
  | 'statusUnchanged'
  /** STATUS 0 while a coroutine of the process is on a hart. */
  | 'processBusy'
  /** A call or a fetch on an offline process. */
  | 'offline'
  /** The agent is not in the phase the event needs. */
  | 'wrongPhase'
  /** The ring is full: the caller waits (rule 5). */
  | 'ringFull'
  /** Take with no SUBMITTED slot for the dispatcher's process. */
  | 'nothingToTake'
  /** Wake with no awaiting caller whose request is DONE. */
  | 'nothingToWake'
  /** Park while work is left (a SUBMITTED slot to take, a caller to wake). */
  | 'workLeft';

export interface SyscallAccepted {
  readonly kind: 'accepted';
  readonly state: SyscallState;
  readonly access: ControllerEvent | null;
  readonly obs: Observation | null;
  readonly effects: readonly ControllerEffect[];
}

export interface SyscallRejected {
  readonly kind: 'rejected';
  readonly reason: SyscallRejectReason;
}

export type SyscallStepResult = SyscallAccepted | SyscallRejected;

const REJECTED = new Map<SyscallRejectReason, SyscallRejected>();

/** The (shared, frozen) rejection for `reason`. */
export function syscallRejected(reason: SyscallRejectReason): SyscallRejected {
  let r = REJECTED.get(reason);
  if (r === undefined) {
    r = Object.freeze({ kind: 'rejected', reason });
    REJECTED.set(reason, r);
  }
  return r;
}
