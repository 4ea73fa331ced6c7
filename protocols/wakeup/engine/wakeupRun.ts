/**
 * One wakeup run in progress: the system under check, the model stepped beside it (for
 * refinement), the ghost data of both protocols, and the evaluation of the selected properties
 * after each step: the controller-step properties on the access the step performed (with the
 * controller model's prediction for that access), then the wakeup step properties on the system
 * step. protocols/wakeup/engine/runWakeup.ts drives it through the storm and the drain.
 */

import type { Violation } from '../../../engine/property.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { toOperation } from '../../controller/model/decode.ts';
import type { ControllerEvent } from '../../controller/model/events.ts';
import type { Observation } from '../../controller/model/result.ts';
import { endsRun } from '../../controller/model/result.ts';
import type { ControllerState } from '../../controller/model/state.ts';
import { step as controllerStep } from '../../controller/model/step.ts';
import type { ControllerStepContext, Prediction } from '../../controller/properties/context.ts';
import { advanceGhost, type MutableControllerGhost } from '../../controller/properties/ghost.ts';
import { initialSystem } from '../model/boot.ts';
import type { SystemEvent } from '../model/events.ts';
import type { SystemState } from '../model/state.ts';
import { step as systemStep } from '../model/step.ts';
import type { RunPhase, StepOutcome, SystemPrediction, WakeupStepContext } from '../properties/context.ts';
import { advanceWakeupGhost, initialWakeupGhost, type MutableWakeupGhost } from '../properties/ghost.ts';
import type { WakeupSelection } from '../properties/selection.ts';
import { bootedGhost } from './bootGhost.ts';
import { modelSubject, runtimeSubject, type WakeupSubject } from './subject.ts';

/** One executed step, as a counterexample trace shows it. */
export interface WakeupRecordedStep {
  readonly index: number;
  readonly phase: RunPhase;
  readonly event: SystemEvent;
  readonly outcome: StepOutcome;
  /** abs() after the step (before it, for a rejected step). */
  readonly state: SystemState;
  /** The model's state after the same step, when an implementation ran beside the model. */
  readonly expected?: SystemState;
}

const isIncomplete = (c: ControllerStepContext): boolean => endsRun(c.obs);

export class WakeupRun {
  readonly cfg: Config;
  readonly initial: SystemState;
  readonly ghost: MutableWakeupGhost;
  readonly recorded: WakeupRecordedStep[] = [];
  /** The state before the step that failed, once one has. */
  failedBefore: SystemState | undefined;
  violations: Violation[] | undefined;
  private readonly sel: WakeupSelection;
  private readonly record: boolean;
  private readonly subject: WakeupSubject;
  private readonly cghost: MutableControllerGhost;
  /** The system model beside an implementation, when systemRefinement is evaluated. */
  private shadow: SystemState | undefined;
  /** The controller model fed the same accesses, when the controller's refinement is evaluated. */
  private ctrlShadow: ControllerState | undefined;
  private current: SystemState;
  /** The subject's enabled events (one function for every context: no closure per step). */
  private readonly enabledNow: () => readonly SystemEvent[];
  /** The violations of the step being judged (reused: no allocation on the common path). */
  private readonly found: Violation[] = [];

  constructor(cfg: Config, impl: ControllerImpl | undefined, sel: WakeupSelection, record: boolean) {
    this.cfg = cfg;
    this.sel = sel;
    this.record = record;
    const subject = impl === undefined ? modelSubject(cfg) : runtimeSubject(cfg, impl);
    this.subject = subject;
    this.enabledNow = () => subject.enabled();
    this.current = this.subject.state();
    this.initial = this.current;
    this.ghost = initialWakeupGhost(cfg);
    this.cghost = bootedGhost(cfg);
    if (impl !== undefined && sel.step.some((p) => p.kind === 'refinement')) this.shadow = initialSystem(cfg);
    if (impl !== undefined && sel.controller.some((p) => p.kind === 'refinement'))
      this.ctrlShadow = initialSystem(cfg).ctrl;
  }

  /** The system's state now. */
  state(): SystemState {
    return this.current;
  }

  /** Performs `e` as step `index` and evaluates the selected properties; the outcome, and whether one failed in `violations`. */
  step(e: SystemEvent, phase: RunPhase, index: number): StepOutcome {
    const { cfg } = this;
    const before = this.current;
    const outcome = this.subject.apply(e);
    const expected = this.predict(e);
    if (outcome.kind === 'rejected') {
      if (expected !== undefined) this.judgeRejected(e, phase, index, outcome, before, expected);
      return outcome;
    }
    const after = this.subject.state();
    const actx =
      outcome.access !== null && outcome.obs !== null
        ? this.accessContext(index, outcome.access, outcome.obs, before, after)
        : undefined;
    const ctx: WakeupStepContext = {
      cfg,
      index,
      phase,
      event: e,
      outcome,
      before,
      after,
      enabled: this.enabledNow,
      expected,
      ghost: this.ghost,
    };
    const found = this.found;
    found.length = 0;
    if (actx !== undefined) {
      const incomplete = isIncomplete(actx);
      for (const p of this.sel.controller) {
        if (incomplete && !p.judgesIncomplete) continue;
        const message = p.check(actx);
        if (message !== null) found.push({ property: p.id, step: index, message });
      }
    }
    for (const p of this.sel.step) {
      const message = p.check(ctx);
      if (message !== null) found.push({ property: p.id, step: index, message });
    }
    if (this.record || found.length > 0) this.recordStep(ctx, expected);
    if (found.length > 0) {
      this.violations = found.slice();
      this.failedBefore = before;
      return outcome;
    }
    const complete = actx !== undefined && !isIncomplete(actx) ? actx : undefined;
    if (complete !== undefined && this.sel.controller.length > 0) advanceGhost(this.cghost, complete);
    if (this.sel.liveness.length > 0) advanceWakeupGhost(this.ghost, ctx, complete);
    this.current = after;
    return outcome;
  }

  /** The model's step for `e` from its own state, when the system is checked against it. */
  private predict(e: SystemEvent): SystemPrediction | undefined {
    if (this.shadow === undefined) return undefined;
    const r = systemStep(this.cfg, this.shadow, e);
    if (r.kind === 'rejected') return { outcome: r, state: this.shadow };
    this.shadow = r.state;
    return { outcome: r, state: r.state };
  }

  /** The controller step of the access a system step performed. */
  private accessContext(
    index: number,
    access: ControllerEvent,
    obs: Observation,
    before: SystemState,
    after: SystemState,
  ): ControllerStepContext {
    let prediction: Prediction | undefined;
    if (this.ctrlShadow !== undefined) {
      const r = controllerStep(this.cfg, this.ctrlShadow, access);
      prediction = { state: r.state, obs: r.obs };
      this.ctrlShadow = r.state;
    }
    return {
      cfg: this.cfg,
      index,
      event: access,
      op: toOperation(this.cfg, access),
      before: before.ctrl,
      after: after.ctrl,
      obs,
      expected: prediction,
      ghost: this.cghost,
    };
  }

  /** A rejected step is judged only by refinement (the model may have accepted it). */
  private judgeRejected(
    e: SystemEvent,
    phase: RunPhase,
    index: number,
    outcome: StepOutcome,
    before: SystemState,
    expected: SystemPrediction,
  ): void {
    const ctx: WakeupStepContext = {
      cfg: this.cfg,
      index,
      phase,
      event: e,
      outcome,
      before,
      after: before,
      enabled: this.enabledNow,
      expected,
      ghost: this.ghost,
    };
    const violations: Violation[] = [];
    for (const p of this.sel.step) {
      if (!p.judgesRejected) continue;
      const message = p.check(ctx);
      if (message !== null) violations.push({ property: p.id, step: index, message });
    }
    if (violations.length === 0) return;
    this.recordStep(ctx, expected);
    this.violations = violations;
    this.failedBefore = before;
  }

  private recordStep(ctx: WakeupStepContext, expected: SystemPrediction | undefined): void {
    const o = ctx.outcome; // the model's Accepted carries its state and effects too: keep only the outcome
    const outcome: StepOutcome =
      o.kind === 'accepted'
        ? { kind: 'accepted', access: o.access, obs: o.obs, task: o.task }
        : { kind: 'rejected', reason: o.reason };
    const r = {
      index: ctx.index,
      phase: ctx.phase,
      event: ctx.event,
      outcome,
      state: ctx.after,
    };
    this.recorded.push(expected === undefined ? r : { ...r, expected: expected.state });
  }
}
