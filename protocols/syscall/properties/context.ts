/**
 * What a syscall property is evaluated on (spec/controller.md §6 "IPC and system calls"): one
 * system step as (abs(before), event, abs(after), the access it performed and its observation)
 * plus the ghost data kept beside the run and, when an implementation is checked against the
 * model, the model's own step; or, for `everyRequestAnswered`, the state the §6 drain ended in.
 */

import type { Property } from '../../../engine/property.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerEvent } from '../../controller/model/events.ts';
import type { Observation } from '../../controller/model/result.ts';
import type { RunPhase } from '../../wakeup/properties/context.ts';
import type { SyscallDrainOutcome } from '../model/drain.ts';
import type { SyscallEvent } from '../model/events.ts';
import type { SyscallRejectReason } from '../model/result.ts';
import type { SyscallState } from '../model/state.ts';
import type { SyscallGhost } from './ghost.ts';

export type { RunPhase };

/** What one syscall step did: accepted (its controller access and observation), or rejected. */
export type SyscallStepOutcome =
  | {
      readonly kind: 'accepted';
      readonly access: ControllerEvent | null;
      readonly obs: Observation | null;
    }
  | { readonly kind: 'rejected'; readonly reason: SyscallRejectReason };

/** The model's step for the same event from its own state (refinement). */
export interface SyscallPrediction {
  readonly outcome: SyscallStepOutcome;
  readonly state: SyscallState;
}

export interface SyscallStepContext {
  readonly cfg: Config;
  readonly index: number;
  readonly event: SyscallEvent;
  readonly outcome: SyscallStepOutcome;
  readonly before: SyscallState;
  /** abs() after the step (the same state when it was rejected). */
  readonly after: SyscallState;
  readonly expected: SyscallPrediction | undefined;
  /** Ghost data as it was before this step. */
  readonly ghost: SyscallGhost;
}

export interface SyscallStepProperty extends Property<SyscallStepContext> {
  readonly on: 'syscallStep';
  /** Whether the property also judges a rejected step (only refinement does). */
  readonly judgesRejected: boolean;
}

export interface SyscallLivenessContext {
  readonly cfg: Config;
  readonly index: number;
  readonly state: SyscallState;
  readonly drain: SyscallDrainOutcome;
  readonly ghost: SyscallGhost;
}

export interface SyscallLivenessProperty extends Property<SyscallLivenessContext> {
  readonly on: 'syscallDrain';
}
