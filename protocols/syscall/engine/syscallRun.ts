/**
 * One syscall run in progress: a node of the step judge (syscallJudge.ts: the system under
 * check, the model beside it, the ghosts), stepped in place, and the record of the steps taken.
 * protocols/syscall/engine/runSyscall.ts drives it through the storm and the drain.
 */

import type { EndReason } from '../../../engine/check/endedEarly.ts';
import type { StepJudge } from '../../../engine/judge.ts';
import type { Violation } from '../../../engine/property.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { endsRun } from '../../controller/model/result.ts';
import type { SyscallEvent } from '../model/events.ts';
import type { SyscallState } from '../model/state.ts';
import type { RunPhase, SyscallStepOutcome } from '../properties/context.ts';
import type { MutableSyscallGhost } from '../properties/ghost.ts';
import type { SyscallSelection } from '../properties/selection.ts';
import { type SyscallJudgedStep, type SyscallNode, syscallJudge } from './syscallJudge.ts';

/** One executed step, as a counterexample trace shows it. */
export interface SyscallRecordedStep {
  readonly index: number;
  readonly phase: RunPhase;
  readonly event: SyscallEvent;
  readonly outcome: SyscallStepOutcome;
  /** abs() after the step (before it, for a rejected step). */
  readonly state: SyscallState;
}

export class SyscallRun {
  readonly cfg: Config;
  readonly initial: SyscallState;
  readonly recorded: SyscallRecordedStep[] = [];
  /** How the design stopped, when one of the run's accesses stalled, aborted or had an undefined outcome. */
  endedBy: EndReason | undefined;
  failedBefore: SyscallState | undefined;
  violations: readonly Violation[] | undefined;
  private readonly record: boolean;
  private readonly judge: StepJudge<SyscallNode, SyscallEvent, SyscallJudgedStep>;
  private node: SyscallNode;

  constructor(cfg: Config, impl: ControllerImpl | undefined, sel: SyscallSelection, record: boolean) {
    this.cfg = cfg;
    this.record = record;
    this.judge = syscallJudge(cfg, impl, sel, () => {
      throw new Error('SyscallRun: a storm run owns its nodes and never copies them');
    });
    this.node = this.judge.initial();
    this.initial = this.node.sys;
  }

  state(): SyscallState {
    return this.node.sys;
  }

  /** Ghost data after every step so far (the liveness properties read it after the drain). */
  get ghost(): MutableSyscallGhost {
    return this.node.ghost;
  }

  /** Performs `e` as step `index` and evaluates the selected properties. */
  step(e: SyscallEvent, phase: RunPhase, index: number): SyscallStepOutcome {
    const before = this.node.sys;
    const { node, detail, violations } = this.judge.step(this.node, e, index, 'own');
    const obs = detail.access?.obs;
    if (this.endedBy === undefined && obs !== undefined && endsRun(obs)) this.endedBy = obs.kind;
    const { outcome, after } = detail.ctx;
    if (violations !== undefined || (this.record && outcome.kind === 'accepted')) {
      const o: SyscallStepOutcome =
        outcome.kind === 'accepted'
          ? { kind: 'accepted', access: outcome.access, obs: outcome.obs }
          : { kind: 'rejected', reason: outcome.reason };
      this.recorded.push({ index, phase, event: e, outcome: o, state: after });
    }
    if (violations !== undefined) {
      this.violations = violations;
      this.failedBefore = before;
      return outcome;
    }
    this.node = node;
    return outcome;
  }
}
