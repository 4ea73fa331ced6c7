/**
 * What a UIPI property is evaluated on: one step as (abs(before), event, abs(after)) with the
 * ghost owed-vector masks before and after it, the model's prediction when an implementation is
 * checked against the model; or, for a bounded-liveness property, the state the fair drain left.
 */

import type { Property } from '../../../engine/property.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiDrainOutcome } from '../model/drain.ts';
import type { UipiEvent } from '../model/events.ts';
import type { UipiStepResult } from '../model/result.ts';
import type { UipiState } from '../model/state.ts';

/** Where in a run a step happens. */
export type UipiRunPhase = 'storm' | 'drain';

/** One accepted (or, for refinement, rejected) step of a UIPI run. */
export interface UipiStepContext {
  readonly cfg: UipiConfig;
  readonly index: number;
  readonly event: UipiEvent;
  /** Whether the system under check accepted the event. */
  readonly accepted: boolean;
  readonly before: UipiState;
  /** The same as `before` when rejected. */
  readonly after: UipiState;
  /** Ghost `owed[r]` (research §4.1): vectors sent to r and not delivered since, before and after the step. */
  readonly owedBefore: readonly bigint[];
  readonly owedAfter: readonly bigint[];
  /** Ghost sends minus deliveries per (receiver r, vector v) at index r·V + v, before the step. */
  readonly creditBefore: readonly number[];
  /** The model's step from its own state, when an implementation runs beside it. */
  readonly expected: UipiStepResult | undefined;
}

/** A property judged after every step. */
export interface UipiStepProperty extends Property<UipiStepContext> {
  readonly on: 'uipiStep';
  /** Whether it also judges a rejected step (only refinement does). */
  readonly judgesRejected: boolean;
}

/** The end of a run: the state after the fair drain, what the drain did, and the ghost. */
export interface UipiLivenessContext {
  readonly cfg: UipiConfig;
  readonly index: number;
  readonly state: UipiState;
  readonly drain: UipiDrainOutcome;
  readonly owed: readonly bigint[];
}

/** A bounded-liveness property, judged once after the drain. */
export interface UipiLivenessProperty extends Property<UipiLivenessContext> {
  readonly on: 'uipiDrain';
}
