/**
 * The wakeup runner: drives the wakeup system (the pure system model, or the software runtime
 * over a controller implementation, with a wakeup mutant's runtime bug when given one) through a
 * storm of system events, then the §6 drain, evaluating the selected properties after every step
 * (controller-step properties on every access the system performs, wakeup step properties on
 * every system step) and the bounded-liveness property at the end. It stops at the first failing
 * step. Used by fast-check checks, replay and the CLI. The loop is runSystem.ts's; indices as
 * described there.
 */

import {
  runSystem,
  type SystemRunOptions,
  type SystemRunResult,
  type SystemRunSpec,
} from '../../../engine/runSystem.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { type DrainApplied, type DrainOutcome, drainSubject } from '../model/drain.ts';
import type { SystemEvent } from '../model/events.ts';
import type { SystemState } from '../model/state.ts';
import type { StepOutcome } from '../properties/context.ts';
import { selectWakeupProperties } from '../properties/selection.ts';
import { countWakeupStep } from './wakeupCoverage.ts';
import { type WakeupRecordedStep, WakeupRun } from './wakeupRun.ts';

export type { WakeupRecordedStep } from './wakeupRun.ts';

export type WakeupRunOptions = SystemRunOptions;

export type WakeupRunResult = SystemRunResult<SystemState, WakeupRecordedStep, DrainOutcome>;

const NOT_APPLIED: DrainApplied = Object.freeze({ kind: 'rejected' });

/**
 * Runs `events` from start-up, then (unless `drain: false`) the §6 drain. `impl` undefined runs
 * the system model; otherwise the software runtime over `impl.create(cfg)`, checked against the
 * model by refinement when the impl refines the reference (the reference and every mutant).
 */
export function runWakeup(
  cfg: Config,
  impl: ControllerImpl | undefined,
  events: readonly SystemEvent[],
  opts: WakeupRunOptions = {},
): WakeupRunResult {
  const sel = selectWakeupProperties(opts.properties, impl);
  const run = new WakeupRun(cfg, impl, sel, opts.record ?? true);
  const spec: SystemRunSpec<SystemState, SystemEvent, StepOutcome, WakeupRun['ghost'], DrainOutcome> = {
    name: 'runWakeup',
    liveness: sel.liveness,
    count: (cov, e, _before, o, after) => countWakeupStep(cov, e, o.kind === 'accepted', after),
    drain: (state, apply) =>
      drainSubject(cfg, {
        state,
        apply: (e) => {
          const o = apply(e);
          return o?.kind === 'accepted' ? { kind: 'accepted', obs: o.obs } : NOT_APPLIED;
        },
      }),
  };
  return runSystem(cfg, run, spec, events, opts);
}
