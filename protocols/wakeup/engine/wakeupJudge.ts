/**
 * The wakeup protocol's step judge (engine/judge.ts): one system step of the system model, or of
 * the software runtime over a controller implementation, judged by the controller-step properties
 * on the access the step performed (with the controller model's prediction for that access, when
 * the controller's refinement is judged) and by the wakeup step properties on the system step
 * (with the system model's prediction, when systemRefinement is judged); then both ghosts move
 * past it. A step the system rejects is judged only by the properties that judge rejections
 * (refinement: the model may have accepted it). Storm runs (WakeupRun), the explorer
 * (wakeupSpace), its leads-to drains (drainFrom) and replay all step through it.
 */
import { failures, type Ownership, type StepJudge } from '../../../engine/judge.ts';
import type { Violation } from '../../../engine/property.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { driverOf } from '../../controller/designs/drive.ts';
import { accessContext, accessFailures, ghostAfter } from '../../controller/engine/judgeAccess.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { endsRun } from '../../controller/model/result.ts';
import type { ControllerState } from '../../controller/model/state.ts';
import { step as controllerStep } from '../../controller/model/step.ts';
import type { ControllerStepContext, Prediction } from '../../controller/properties/context.ts';
import type { MutableControllerGhost } from '../../controller/properties/ghost.ts';
import { initialSystem } from '../model/boot.ts';
import { enabled as modelEnabled } from '../model/enabled.ts';
import type { SystemEvent } from '../model/events.ts';
import type { SystemState } from '../model/state.ts';
import { step as systemStep } from '../model/step.ts';
import { isWakeupMutant } from '../mutants/wakeupMutants.ts';
import type { StepOutcome, SystemPrediction, WakeupStepContext } from '../properties/context.ts';
import {
  advanceWakeupGhost,
  copyWakeupGhost,
  initialWakeupGhost,
  type MutableWakeupGhost,
} from '../properties/ghost.ts';
import type { WakeupSelection } from '../properties/selection.ts';
import { SoftwareRuntime } from '../runtime/softwareRuntime.ts';
import { bootedGhost } from './bootGhost.ts';

/** The state of a wakeup run between two steps, with everything the checker keeps beside it. */
export interface WakeupNode {
  /** abs() of the system (the model's state itself when the model runs alone). */
  readonly sys: SystemState;
  /** The runtime over the implementation, owned by this node. */
  readonly rt: SoftwareRuntime | undefined;
  /** The system model beside the runtime, when systemRefinement is judged. */
  readonly shadow: SystemState | undefined;
  /** The controller model fed the runtime's accesses, when the controller's refinement is judged. */
  readonly ctrlShadow: ControllerState | undefined;
  readonly cghost: MutableControllerGhost;
  readonly ghost: MutableWakeupGhost;
}

/** What one judged wakeup step did: the system step's context, and its access's (when it made one). */
export interface WakeupJudgedStep {
  readonly ctx: WakeupStepContext;
  readonly access: ControllerStepContext | undefined;
}

/** How a node's runtime is copied when the judge must leave the node unchanged (`copy`). */
export type CopyRuntime = (rt: SoftwareRuntime) => SoftwareRuntime;

/** The judge of the wakeup system over `impl` (undefined: the system model alone) by `sel`. */
export function wakeupJudge(
  cfg: Config,
  impl: ControllerImpl | undefined,
  sel: WakeupSelection,
  copyRuntime: CopyRuntime,
): StepJudge<WakeupNode, SystemEvent, WakeupJudgedStep> {
  const refines = impl !== undefined && sel.step.some((p) => p.kind === 'refinement');
  const ctrlRefines = impl !== undefined && sel.controller.some((p) => p.kind === 'refinement');
  const trackControllerGhost = sel.controller.length > 0;
  const judgesRejected = sel.step.filter((p) => p.judgesRejected);
  const trackWakeupGhost = sel.liveness.length > 0;
  // The state just reached and the one function listing its enabled events (read by
  // noStuckSystem during the same step): one function per judge, not one closure per step.
  let afterRt: SoftwareRuntime | undefined;
  let after: SystemState | undefined;
  const enabledAfter = (): readonly SystemEvent[] => {
    if (afterRt !== undefined) return afterRt.enabled();
    return after === undefined ? [] : modelEnabled(cfg, after);
  };
  return {
    initial() {
      const rt =
        impl === undefined
          ? undefined
          : new SoftwareRuntime(
              cfg,
              impl.create(cfg),
              isWakeupMutant(impl) ? impl.runtimeMutation : undefined,
              undefined,
              driverOf(impl),
            );
      return {
        sys: rt === undefined ? initialSystem(cfg) : rt.abs(),
        rt,
        shadow: refines ? initialSystem(cfg) : undefined,
        ctrlShadow: ctrlRefines ? initialSystem(cfg).ctrl : undefined,
        cghost: bootedGhost(cfg),
        ghost: initialWakeupGhost(cfg),
      };
    },
    step(n: WakeupNode, e: SystemEvent, index: number, own: Ownership) {
      const rt = n.rt === undefined || own !== 'copy' ? n.rt : copyRuntime(n.rt);
      const before = n.sys;
      let outcome: StepOutcome;
      let sys: SystemState;
      if (rt === undefined) {
        const r = systemStep(cfg, before, e);
        outcome = r;
        sys = r.kind === 'accepted' ? r.state : before;
      } else {
        outcome = rt.apply(e);
        sys = rt.abs();
      }
      let shadow = n.shadow;
      let expected: SystemPrediction | undefined;
      if (shadow !== undefined) {
        const r = systemStep(cfg, shadow, e);
        if (r.kind === 'accepted') shadow = r.state;
        expected = { outcome: r, state: shadow };
      }
      afterRt = rt;
      after = sys;
      const ctx: WakeupStepContext = {
        cfg,
        index,
        event: e,
        outcome,
        before,
        after: sys,
        enabled: enabledAfter,
        expected,
        ghost: n.ghost,
      };
      if (outcome.kind === 'rejected') {
        const found = expected === undefined ? undefined : failures(judgesRejected, ctx, index);
        return { node: n, detail: { ctx, access: undefined }, violations: found }; // nothing changed
      }
      let ctrlShadow = n.ctrlShadow;
      let access: ControllerStepContext | undefined;
      let found: Violation[] | undefined;
      if (outcome.access !== null && outcome.obs !== null) {
        let prediction: Prediction | undefined;
        if (ctrlShadow !== undefined) {
          const r = controllerStep(cfg, ctrlShadow, outcome.access);
          prediction = { state: r.state, obs: r.obs };
          ctrlShadow = r.state;
        }
        const states = { before: before.ctrl, after: sys.ctrl };
        access = accessContext(cfg, impl, index, outcome.access, outcome.obs, states, prediction, n.cghost);
        found = accessFailures(sel.controller, access);
      }
      found = failures(sel.step, ctx, index, found);
      const detail = { ctx, access };
      if (found !== undefined) return { node: n, detail, violations: found };
      const complete = access !== undefined && !endsRun(access.obs) ? access : undefined;
      const cghost =
        complete !== undefined && trackControllerGhost ? ghostAfter(n.cghost, complete, own) : n.cghost;
      let ghost = n.ghost;
      if (trackWakeupGhost && (complete !== undefined || ghost.wokenNotRun.size > 0)) {
        if (own !== 'own') ghost = copyWakeupGhost(ghost);
        advanceWakeupGhost(ghost, ctx, complete);
      }
      return { node: { sys, rt, shadow, ctrlShadow, cghost, ghost }, detail, violations: undefined };
    },
  };
}
