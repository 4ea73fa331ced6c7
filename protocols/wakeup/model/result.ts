/**
 * What one system step produces. A step either happens (`accepted`: the next state, the
 * controller access it performed with the observation and the controller's effects, as data) or
 * is not possible in the current state (`rejected` with a reason; the state is unchanged).
 */

import type { ControllerEvent } from '../../controller/model/events.ts';
import type { ControllerEffect, Observation } from '../../controller/model/result.ts';
import type { SystemState } from './state.ts';

/** Why `step` refused an event: the event is not enabled in this state. */
export type RejectReason =
  /** A hart, process, priority, device or line index outside the configuration. */
  | 'outOfRange'
  /** StatusWrite data other than 0 or 1, or a write that would not change the bit. */
  | 'statusUnchanged'
  /** StatusWrite 0 while some hart is on the process: the kernel first moves its harts away. */
  | 'hartOnProcess'
  /** Spawn with no free id left in the pool. */
  | 'poolExhausted'
  /** Spawn into a process whose live tasks already fill its capacity C. */
  | 'processFull'
  /** HartSwitch to an offline process, or to the process the hart is already on. */
  | 'targetNotRunnable'
  /** A hart event in a phase that does not allow it (e.g. HartPoll on a hart holding no task). */
  | 'wrongPhase'
  /** HartPoll with an outcome the running task cannot have (a handler only `handled`s; an
   * ordinary task does not, and blocks only on a device whose blocked queue has room). */
  | 'outcomeNotAllowed';

export interface Accepted {
  readonly kind: 'accepted';
  readonly state: SystemState;
  /** The controller access or interrupt this step performed (operation level), or null for a software step. */
  readonly access: ControllerEvent | null;
  /** What the access observed (a read's value, an ack), or null for a software step. */
  readonly obs: Observation | null;
  /** The controller step's effects (wakes, error bits); empty for a software step. */
  readonly effects: readonly ControllerEffect[];
  /** The task the step is about (spawned, dequeued, polled, returned), or 0n. */
  readonly task: bigint;
}

export interface Rejected {
  readonly kind: 'rejected';
  readonly reason: RejectReason;
}

/** The result of {@link step}: one discriminated union, never an exception. */
export type SystemStepResult = Accepted | Rejected;

/** A frozen rejection: rejections are shared constants, never allocated per step. */
const no = (reason: RejectReason): Rejected => Object.freeze({ kind: 'rejected', reason });

const REJECTED: Readonly<Record<RejectReason, Rejected>> = {
  outOfRange: no('outOfRange'),
  statusUnchanged: no('statusUnchanged'),
  hartOnProcess: no('hartOnProcess'),
  poolExhausted: no('poolExhausted'),
  processFull: no('processFull'),
  targetNotRunnable: no('targetNotRunnable'),
  wrongPhase: no('wrongPhase'),
  outcomeNotAllowed: no('outcomeNotAllowed'),
};

/** The (shared, immutable) rejection for `reason`. */
export function rejected(reason: RejectReason): Rejected {
  return REJECTED[reason];
}
