/**
 * One wakeup run in progress: a node of the step judge (wakeupJudge.ts: the system under check,
 * the models beside it, the ghosts), stepped in place, and the record of the steps taken.
 * protocols/wakeup/engine/runWakeup.ts drives it through the storm and the drain.
 */

import type { EndReason } from '../../../engine/check/endedEarly.ts';
import type { StepJudge } from '../../../engine/judge.ts';
import type { Violation } from '../../../engine/property.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { endsRun } from '../../controller/model/result.ts';
import type { SystemEvent } from '../model/events.ts';
import type { SystemState } from '../model/state.ts';
import type { RunPhase, StepOutcome, WakeupStepContext } from '../properties/context.ts';
import type { MutableWakeupGhost } from '../properties/ghost.ts';
import type { WakeupSelection } from '../properties/selection.ts';
import { type WakeupJudgedStep, type WakeupNode, wakeupJudge } from './wakeupJudge.ts';

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

export class WakeupRun {
  readonly cfg: Config;
  readonly initial: SystemState;
  readonly recorded: WakeupRecordedStep[] = [];
  /** The state before the step that failed, once one has. */
  /** How the design stopped, when one of the run's accesses stalled, aborted or had an undefined outcome. */
  endedBy: EndReason | undefined;
  failedBefore: SystemState | undefined;
  violations: readonly Violation[] | undefined;
  private readonly record: boolean;
  private readonly judge: StepJudge<WakeupNode, SystemEvent, WakeupJudgedStep>;
  private node: WakeupNode;

  constructor(cfg: Config, impl: ControllerImpl | undefined, sel: WakeupSelection, record: boolean) {
    this.cfg = cfg;
    this.record = record;
    this.judge = wakeupJudge(cfg, impl, sel, () => {
      throw new Error('WakeupRun: a storm run owns its nodes and never copies them');
    });
    this.node = this.judge.initial();
    this.initial = this.node.sys;
  }

  /** The system's state now. */
  state(): SystemState {
    return this.node.sys;
  }

  /** Ghost data after every step so far (the liveness properties read it after the drain). */
  get ghost(): MutableWakeupGhost {
    return this.node.ghost;
  }

  /** Performs `e` as step `index` and evaluates the selected properties; the outcome, and whether one failed in `violations`. */
  step(e: SystemEvent, phase: RunPhase, index: number): StepOutcome {
    const before = this.node.sys;
    const { node, detail, violations } = this.judge.step(this.node, e, index, 'own');
    const obs = detail.access?.obs;
    if (this.endedBy === undefined && obs !== undefined && endsRun(obs)) this.endedBy = obs.kind;
    const { ctx } = detail;
    if (violations !== undefined) {
      this.recordStep(ctx, phase);
      this.violations = violations;
      this.failedBefore = before;
      return ctx.outcome;
    }
    if (this.record && ctx.outcome.kind === 'accepted') this.recordStep(ctx, phase);
    this.node = node;
    return ctx.outcome;
  }

  private recordStep(ctx: WakeupStepContext, phase: RunPhase): void {
    const o = ctx.outcome; // the model's Accepted carries its state and effects too: keep only the outcome
    const outcome: StepOutcome =
      o.kind === 'accepted'
        ? { kind: 'accepted', access: o.access, obs: o.obs, task: o.task }
        : { kind: 'rejected', reason: o.reason };
    const r = { index: ctx.index, phase, event: ctx.event, outcome, state: ctx.after };
    this.recorded.push(ctx.expected === undefined ? r : { ...r, expected: ctx.expected.state });
  }
}
