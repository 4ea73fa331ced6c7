/**
 * The lockstep runner: drives a controller implementation (or the model alone) through a list of
 * events with the step judge (controllerJudge.ts: the reference model stepped beside it for the
 * prediction, the selected properties evaluated after every step), and records the steps. Used by
 * fast-check properties, replay and the CLI; it stops at the first step where a property fails,
 * or at an access that ends the run (a stall, an abort, an undefined effect): such a run says so
 * in `stopped`, and the check that ran it counts it as ended early.
 */

import type { Coverage } from '../../../engine/coverage/coverage.ts';
import type { Violation } from '../../../engine/property.ts';
import type { ControllerDevice, ControllerImpl, DesignValue } from '../designs/device.ts';
import type { Config } from '../model/config/config.ts';
import { encodableError } from '../model/decode.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { Observation } from '../model/result.ts';
import { type EndingObservation, endsRun } from '../model/result.ts';
import type { ControllerState } from '../model/state.ts';
import type { ControllerStepContext, Prediction } from '../properties/context.ts';
import { defaultControllerPropertyIds, selectControllerProperties } from '../properties/selection.ts';
import { countControllerStep } from './controllerCoverage.ts';
import { controllerJudge } from './controllerJudge.ts';

export interface RunOptions {
  /** Property ids to evaluate; every controller-step property when absent. */
  readonly properties?: readonly string[];
  /** Keep every step in `recorded` (default true); false keeps only the failing step (speed). */
  readonly record?: boolean;
  /** Counters of the event kinds and machine branches reached (only a `--report` check passes them). */
  readonly coverage?: Coverage;
}

/** One executed step: the event, what it observed, abs() after it, and the model's prediction. */
export interface RecordedStep {
  readonly event: ControllerEvent;
  readonly obs: Observation;
  readonly state: ControllerState;
  /** Present when an implementation ran beside the model. */
  readonly expected?: Prediction;
  /** The design's own state after the step, for a device that shows it (ControllerDevice.designState). */
  readonly design?: DesignValue;
}

export type RunResult =
  | {
      readonly ok: true;
      /** Steps executed: every event, unless the device stalled or aborted (see `stopped`). */
      readonly steps: number;
      readonly initial: ControllerState;
      /** The design's own state at reset, for a device that shows it. */
      readonly initialDesign?: DesignValue;
      readonly recorded: readonly RecordedStep[];
      /** Set when an access stalled or aborted while neverStalls was not selected: later events were not run. */
      readonly stopped?: EndingObservation['kind'];
    }
  | {
      readonly ok: false;
      /** The first failing property of the failing step, in registry order. */
      readonly violation: Violation;
      /** Every selected property that fails at that step. */
      readonly violations: readonly Violation[];
      /** Steps executed, the failing one included. */
      readonly steps: number;
      readonly initial: ControllerState;
      /** The design's own state at reset, for a device that shows it. */
      readonly initialDesign?: DesignValue;
      /** With `record`, every step up to and including the failing one; otherwise empty. */
      readonly recorded: readonly RecordedStep[];
      /** abs() before the failing step. */
      readonly before: ControllerState;
      /** The failing step: actual `obs` and `state` beside the model's `expected` (when an implementation ran). */
      readonly failing: RecordedStep;
    };

function recordOf(ctx: ControllerStepContext, dev: ControllerDevice | undefined): RecordedStep {
  const r = { event: ctx.event, obs: ctx.obs, state: ctx.after };
  const withModel = ctx.expected === undefined ? r : { ...r, expected: ctx.expected };
  const design = dev?.designState?.();
  return design === undefined ? withModel : { ...withModel, design };
}

/** `{ initialDesign }` for a device that shows its own state, else nothing. */
function designAtReset(dev: ControllerDevice | undefined): { initialDesign?: DesignValue } {
  const d = dev?.designState?.();
  return d === undefined ? {} : { initialDesign: d };
}

/**
 * Runs `events` from reset. `impl` undefined checks the model on its own (no prediction, so no
 * refinement). Events must be encodable for `cfg` (see encodableError); a malformed one throws.
 */
export function runController(
  cfg: Config,
  impl: ControllerImpl | undefined,
  events: readonly ControllerEvent[],
  opts: RunOptions = {},
): RunResult {
  const properties =
    opts.properties === undefined
      ? selectControllerProperties(defaultControllerPropertyIds(impl))
      : selectControllerProperties(opts.properties);
  const record = opts.record ?? true;
  const coverage = opts.coverage;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const bad = e === undefined ? null : encodableError(cfg, e);
    if (bad !== null) throw new RangeError(`event ${i}: ${bad}`);
  }
  const judge = controllerJudge(cfg, impl, properties);
  let node = judge.initial();
  const initial = node.abs;
  const atReset = record ? designAtReset(node.dev) : {};
  const recorded: RecordedStep[] = [];
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    if (event === undefined) continue;
    if (coverage?.live) countControllerStep(coverage, cfg, node.model, event);
    const before = node.abs;
    const { node: next, detail, violations } = judge.step(node, event, index, 'own');
    if (record) recorded.push(recordOf(detail, next.dev));
    const first = violations?.[0];
    if (violations !== undefined && first !== undefined) {
      const failing = recorded[recorded.length - 1] ?? recordOf(detail, next.dev);
      return {
        ok: false,
        violation: first,
        violations,
        steps: index + 1,
        initial,
        ...atReset,
        recorded,
        before,
        failing,
      };
    }
    if (endsRun(detail.obs))
      return { ok: true, steps: index + 1, initial, ...atReset, recorded, stopped: detail.obs.kind };
    node = next;
  }
  return { ok: true, steps: events.length, initial, ...atReset, recorded };
}
