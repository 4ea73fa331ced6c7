/**
 * The syscall protocol's step judge (engine/judge.ts): one step of the syscall model, or of the
 * syscall runtime over a controller implementation, judged by the controller-step properties on
 * the access the step performed and by the syscall step properties on the system step (with the
 * model's prediction when syscallRefinement is judged); then both ghosts move past it. A step
 * the system rejects is judged only by the properties that judge rejections. Storm runs
 * (SyscallRun), the explorer (syscallSpace) and its leads-to drains step through it.
 */
import { failures, type Judged, type Ownership, type StepJudge } from '../../../engine/judge.ts';
import type { Violation } from '../../../engine/property.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { driverOf } from '../../controller/designs/drive.ts';
import { accessContext, accessFailures, ghostAfter } from '../../controller/engine/judgeAccess.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { endsRun } from '../../controller/model/result.ts';
import type { ControllerStepContext } from '../../controller/properties/context.ts';
import type { MutableControllerGhost } from '../../controller/properties/ghost.ts';
import { bootedGhost } from '../../wakeup/engine/bootGhost.ts';
import { initialSyscall, syscallBootWrites } from '../model/boot.ts';
import type { SyscallEvent } from '../model/events.ts';
import type { SyscallStepResult } from '../model/result.ts';
import type { SyscallState } from '../model/state.ts';
import { step as syscallStep } from '../model/step.ts';
import { isSyscallMutant } from '../mutants/syscallMutants.ts';
import type { SyscallPrediction, SyscallStepContext } from '../properties/context.ts';
import { advanceSyscallGhost, initialSyscallGhost, type MutableSyscallGhost } from '../properties/ghost.ts';
import type { SyscallSelection } from '../properties/selection.ts';
import { SyscallRuntime } from '../runtime/syscallRuntime.ts';
import { copySyscallGhost } from './syscallGhostKey.ts';

/** The state of a syscall run between two steps, with what the checker keeps beside it. */
export interface SyscallNode {
  /** abs() of the system (the model's state itself when the model runs alone). */
  readonly sys: SyscallState;
  /** The runtime over the implementation, owned by this node. */
  readonly rt: SyscallRuntime | undefined;
  /** The syscall model beside the runtime, when syscallRefinement is judged. */
  readonly shadow: SyscallState | undefined;
  readonly cghost: MutableControllerGhost;
  readonly ghost: MutableSyscallGhost;
}

/** What one judged syscall step did: the system step's context, and its access's (when it made one). */
export interface SyscallJudgedStep {
  readonly ctx: SyscallStepContext;
  readonly access: ControllerStepContext | undefined;
}

/** How a node's runtime is copied when the judge must leave the node unchanged (`copy`). */
export type CopySyscallRuntime = (rt: SyscallRuntime) => SyscallRuntime;

/** The syscall step judge; `stepModel` judges a step of the model alone whose result is known. */
export interface SyscallStepJudge extends StepJudge<SyscallNode, SyscallEvent, SyscallJudgedStep> {
  /** {@link StepJudge.step} of the model alone (no runtime), given `syscallStep(cfg, n.sys, e)`. */
  stepModel(
    n: SyscallNode,
    e: SyscallEvent,
    r: SyscallStepResult,
    index: number,
    own: Ownership,
  ): Judged<SyscallNode, SyscallJudgedStep>;
}

/** The judge of the syscall system over `impl` (undefined: the syscall model alone) by `sel`. */
export function syscallJudge(
  cfg: Config,
  impl: ControllerImpl | undefined,
  sel: SyscallSelection,
  copyRuntime: CopySyscallRuntime,
): SyscallStepJudge {
  const refines = impl !== undefined && sel.step.some((p) => p.kind === 'refinement');
  const trackControllerGhost = sel.controller.length > 0;
  const judgesRejected = sel.step.filter((p) => p.judgesRejected);
  return {
    initial() {
      const rt =
        impl === undefined
          ? undefined
          : new SyscallRuntime(
              cfg,
              impl.create(cfg),
              isSyscallMutant(impl) ? impl.syscallMutation : undefined,
              undefined,
              driverOf(impl),
            );
      const sys = rt === undefined ? initialSyscall(cfg) : rt.abs();
      return {
        sys,
        rt,
        shadow: refines ? initialSyscall(cfg) : undefined,
        cghost: bootedGhost(cfg, syscallBootWrites(cfg)),
        ghost: initialSyscallGhost(cfg, sys),
      };
    },
    step(n: SyscallNode, e: SyscallEvent, index: number, own: Ownership) {
      return judged(n, e, index, own, n.rt === undefined ? syscallStep(cfg, n.sys, e) : undefined);
    },
    stepModel(n, e, r, index, own) {
      if (n.rt !== undefined) throw new Error('syscall judge: stepModel with a runtime');
      return judged(n, e, index, own, r);
    },
  };

  /** One judged step; `model` is the model's own result when the model runs alone. */
  function judged(
    n: SyscallNode,
    e: SyscallEvent,
    index: number,
    own: Ownership,
    model: SyscallStepResult | undefined,
  ): Judged<SyscallNode, SyscallJudgedStep> {
    const rt = n.rt === undefined || own !== 'copy' ? n.rt : copyRuntime(n.rt);
    const before = n.sys;
    let outcome: SyscallStepContext['outcome'];
    let after: SyscallState;
    if (rt === undefined || model !== undefined) {
      const r = model ?? syscallStep(cfg, before, e);
      outcome = r.kind === 'accepted' ? { kind: 'accepted', access: r.access, obs: r.obs } : r;
      after = r.kind === 'accepted' ? r.state : before;
    } else {
      outcome = rt.apply(e);
      after = outcome.kind === 'accepted' ? rt.abs() : before;
    }
    let shadow = n.shadow;
    let expected: SyscallPrediction | undefined;
    if (shadow !== undefined) {
      const r = syscallStep(cfg, shadow, e);
      if (r.kind === 'rejected') expected = { outcome: r, state: shadow };
      else {
        shadow = r.state;
        expected = { outcome: { kind: 'accepted', access: r.access, obs: r.obs }, state: r.state };
      }
    }
    const ctx: SyscallStepContext = {
      cfg,
      index,
      event: e,
      outcome,
      before,
      after,
      expected,
      ghost: n.ghost,
    };
    let found: Violation[] | undefined;
    let access: ControllerStepContext | undefined;
    if (outcome.kind === 'accepted' && outcome.access !== null && outcome.obs !== null) {
      const states = { before: before.ctrl, after: after.ctrl };
      access = accessContext(cfg, impl, index, outcome.access, outcome.obs, states, undefined, n.cghost);
      found = accessFailures(sel.controller, access);
    }
    found = failures(outcome.kind === 'rejected' ? judgesRejected : sel.step, ctx, index, found);
    const detail = { ctx, access };
    if (found !== undefined) return { node: n, detail, violations: found };
    if (outcome.kind === 'rejected') {
      const node = shadow === n.shadow ? n : { ...n, shadow }; // the runtime changed nothing
      return { node, detail, violations: undefined };
    }
    const complete = access !== undefined && !endsRun(access.obs) ? access : undefined;
    const cghost =
      complete !== undefined && trackControllerGhost ? ghostAfter(n.cghost, complete, own) : n.cghost;
    const ghost = own === 'own' ? n.ghost : copySyscallGhost(n.ghost);
    advanceSyscallGhost(ghost, ctx);
    return { node: { sys: after, rt, shadow, cghost, ghost }, detail, violations: undefined };
  }
}
