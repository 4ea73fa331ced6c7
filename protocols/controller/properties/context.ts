/**
 * What a controller property is evaluated on (spec/controller.md §6): the abstract state before
 * and after one step, the event and the operation it decodes to, what the access observed, the
 * ghost data kept beside the run, and, when an implementation is checked, the model's prediction.
 */

import type { Property } from '../../../engine/property.ts';
import type { Config } from '../model/config/config.ts';
import type { JudgedOp } from '../model/decode.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { Observation } from '../model/result.ts';
import type { ControllerState } from '../model/state.ts';
import type { ControllerGhost } from './ghost.ts';

/** The reference model's state and observation for the same step. */
export interface Prediction {
  readonly state: ControllerState;
  readonly obs: Observation;
}

/** One step of a controller run, as every controller property sees it. */
export interface ControllerStepContext {
  readonly cfg: Config;
  /** 0-based index of the step in the run. */
  readonly index: number;
  readonly event: ControllerEvent;
  /**
   * What the step does: `toOperation(cfg, event)`, or the design's own decoding (ControllerImpl
   * `decode`), which may name a kind the reference map has no register for (DequeueVia, DesignOnly).
   */
  readonly op: JudgedOp;
  /** abs() before the step. */
  readonly before: ControllerState;
  /** abs() after the step. */
  readonly after: ControllerState;
  readonly obs: Observation;
  /** The model's prediction; present only when an implementation is checked against the model. */
  readonly expected: Prediction | undefined;
  /** Ghost data as it was before this step (read-only; the runner advances it afterwards). */
  readonly ghost: ControllerGhost;
}

/** A property evaluated after every controller step; `on` tells runners which context it needs. */
export interface ControllerStepProperty extends Property<ControllerStepContext> {
  readonly on: 'controllerStep';
  /**
   * Whether the property also judges an access that did not complete (a stall or an abort).
   * Such an access has no effect to judge, so only properties about the observation itself do.
   */
  readonly judgesIncomplete: boolean;
}
