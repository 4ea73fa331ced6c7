/**
 * What a wakeup (system) property is evaluated on (spec/controller.md §6 "Wakeup", "System"): one
 * system step as (abs(before), event, abs(after), the access it performed and its observation)
 * plus the ghost data kept beside the run, the events the system enables afterwards and, when an
 * implementation is checked against the model, the model's own step; or, for the bounded-liveness
 * property, the state the §6 drain ended in.
 */

import type { Property } from '../../../engine/property.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerEvent } from '../../controller/model/events.ts';
import type { Observation } from '../../controller/model/result.ts';
import type { DrainOutcome } from '../model/drain.ts';
import type { SystemEvent } from '../model/events.ts';
import type { RejectReason } from '../model/result.ts';
import type { SystemState } from '../model/state.ts';
import type { WakeupGhost } from './ghost.ts';

/** Where in a run a step happens: the storm, or the §6 drain after it. */
export type RunPhase = 'storm' | 'drain';

/** What one system step did: accepted (its controller access and what it observed), or rejected. */
export type StepOutcome =
  | {
      readonly kind: 'accepted';
      /** The controller access or interrupt performed, or null for a software step. */
      readonly access: ControllerEvent | null;
      readonly obs: Observation | null;
      /** The task the step is about (spawned, dequeued, polled, returned), or 0n. */
      readonly task: bigint;
    }
  | { readonly kind: 'rejected'; readonly reason: RejectReason };

/** The model's step for the same event from the same state (refinement). */
export interface SystemPrediction {
  readonly outcome: StepOutcome;
  /** The model's state after the step (its state before, when it rejects). */
  readonly state: SystemState;
}

/** One step of a wakeup run, as every wakeup step property sees it. */
export interface WakeupStepContext {
  readonly cfg: Config;
  /** 0-based index of the step in the run (storm events first, then the drain's steps). */
  readonly index: number;
  readonly event: SystemEvent;
  readonly outcome: StepOutcome;
  /** abs() before the step. */
  readonly before: SystemState;
  /** abs() after the step (the same state when it was rejected). */
  readonly after: SystemState;
  /** The events the system enables in `after` (computed on first call). */
  readonly enabled: () => readonly SystemEvent[];
  /** The model's prediction; present only when an implementation is checked against the model. */
  readonly expected: SystemPrediction | undefined;
  /** Ghost data as it was before this step (read-only; the runner advances it afterwards). */
  readonly ghost: WakeupGhost;
}

/** A property evaluated after every system step; `on` tells runners which context it needs. */
export interface WakeupStepProperty extends Property<WakeupStepContext> {
  readonly on: 'wakeupStep';
  /** Whether the property also judges a step the system rejected (only refinement does). */
  readonly judgesRejected: boolean;
}

/** The end of a wakeup run: the state the §6 drain left, and what the drain did. */
export interface WakeupLivenessContext {
  readonly cfg: Config;
  /** The index of the last step executed (storm and drain), where the verdict is given. */
  readonly index: number;
  /** abs() when the drain ended. */
  readonly state: SystemState;
  readonly drain: DrainOutcome;
  /** Ghost data after every step of the storm and the drain. */
  readonly ghost: WakeupGhost;
}

/** A bounded-liveness property, evaluated once, after the §6 drain. */
export interface WakeupLivenessProperty extends Property<WakeupLivenessContext> {
  readonly on: 'wakeupDrain';
}
