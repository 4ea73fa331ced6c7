/**
 * One syscall run in progress: the system under check, the syscall model stepped beside it (for
 * refinement), the ghost data, and the evaluation of the selected properties after each step:
 * the controller-step properties on the access the step performed, then the syscall step
 * properties. protocols/syscall/engine/runSyscall.ts drives it through the storm and the drain.
 */

import type { Violation } from '../../../engine/property.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { toOperation } from '../../controller/model/decode.ts';
import type { ControllerStepContext } from '../../controller/properties/context.ts';
import { advanceGhost, type MutableControllerGhost } from '../../controller/properties/ghost.ts';
import { bootedGhost } from '../../wakeup/engine/bootGhost.ts';
import { initialSyscall, syscallBootWrites } from '../model/boot.ts';
import type { SyscallEvent } from '../model/events.ts';
import type { SyscallState } from '../model/state.ts';
import { step as syscallStep } from '../model/step.ts';
import type {
  RunPhase,
  SyscallPrediction,
  SyscallStepContext,
  SyscallStepOutcome,
} from '../properties/context.ts';
import { advanceSyscallGhost, initialSyscallGhost, type MutableSyscallGhost } from '../properties/ghost.ts';
import type { SyscallSelection } from '../properties/selection.ts';
import { type SyscallSubject, syscallModelSubject, syscallRuntimeSubject } from './subject.ts';

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
  readonly ghost: MutableSyscallGhost;
  readonly recorded: SyscallRecordedStep[] = [];
  failedBefore: SyscallState | undefined;
  violations: Violation[] | undefined;
  private readonly sel: SyscallSelection;
  private readonly record: boolean;
  private readonly subject: SyscallSubject;
  private readonly cghost: MutableControllerGhost;
  private shadow: SyscallState | undefined;
  private current: SyscallState;

  constructor(cfg: Config, impl: ControllerImpl | undefined, sel: SyscallSelection, record: boolean) {
    this.cfg = cfg;
    this.sel = sel;
    this.record = record;
    this.subject = impl === undefined ? syscallModelSubject(cfg) : syscallRuntimeSubject(cfg, impl);
    this.current = this.subject.state();
    this.initial = this.current;
    this.ghost = initialSyscallGhost(cfg, this.current);
    this.cghost = bootedGhost(cfg, syscallBootWrites(cfg));
    if (impl !== undefined && sel.step.some((p) => p.kind === 'refinement'))
      this.shadow = initialSyscall(cfg);
  }

  state(): SyscallState {
    return this.current;
  }

  /** Performs `e` as step `index` and evaluates the selected properties. */
  step(e: SyscallEvent, phase: RunPhase, index: number): SyscallStepOutcome {
    const { cfg } = this;
    const before = this.current;
    const outcome = this.subject.apply(e);
    const expected = this.predict(e);
    const after = outcome.kind === 'accepted' ? this.subject.state() : before;
    const ctx: SyscallStepContext = {
      cfg,
      index,
      phase,
      event: e,
      outcome,
      before,
      after,
      expected,
      ghost: this.ghost,
    };
    const found: Violation[] = [];
    let actx: ControllerStepContext | undefined;
    if (outcome.kind === 'accepted' && outcome.access !== null && outcome.obs !== null) {
      actx = {
        cfg,
        index,
        event: outcome.access,
        op: toOperation(cfg, outcome.access),
        before: before.ctrl,
        after: after.ctrl,
        obs: outcome.obs,
        expected: undefined,
        ghost: this.cghost,
      };
      for (const p of this.sel.controller) {
        const message = p.check(actx);
        if (message !== null) found.push({ property: p.id, step: index, message });
      }
    }
    for (const p of this.sel.step) {
      if (outcome.kind === 'rejected' && !p.judgesRejected) continue;
      const message = p.check(ctx);
      if (message !== null) found.push({ property: p.id, step: index, message });
    }
    if (this.record || found.length > 0) {
      const o: SyscallStepOutcome =
        outcome.kind === 'accepted'
          ? { kind: 'accepted', access: outcome.access, obs: outcome.obs }
          : { kind: 'rejected', reason: outcome.reason };
      if (outcome.kind === 'accepted' || found.length > 0)
        this.recorded.push({ index, phase, event: e, outcome: o, state: after });
    }
    if (found.length > 0) {
      this.violations = found;
      this.failedBefore = before;
      return outcome;
    }
    if (actx !== undefined && this.sel.controller.length > 0) advanceGhost(this.cghost, actx);
    advanceSyscallGhost(this.ghost, ctx);
    this.current = after;
    return outcome;
  }

  private predict(e: SyscallEvent): SyscallPrediction | undefined {
    if (this.shadow === undefined) return undefined;
    const r = syscallStep(this.cfg, this.shadow, e);
    if (r.kind === 'rejected') return { outcome: r, state: this.shadow };
    this.shadow = r.state;
    return { outcome: { kind: 'accepted', access: r.access, obs: r.obs }, state: r.state };
  }
}
