/**
 * The wakeup protocol's state space: the system model alone, or the product of the system model
 * and the software runtime over an implementation (a published design, a controller mutant, a
 * runtime mutant). A node holds what one step of `WakeupRun` (protocols/wakeup/engine/wakeupRun.ts)
 * holds between steps: the abstract state, the runtime (a copy per node), the models beside it
 * for refinement, and both protocols' ghost data; each transition is judged exactly as a storm
 * step is (controller-step properties on the access, wakeup step properties on the system step),
 * and liveness is the §6 drain from the node (protocols/wakeup/engine/drainFrom.ts).
 *
 * A product node's key is the abstract system state, the runtime's declared hidden state
 * (SoftwareRuntime.hiddenState) and the device's (ControllerDevice.hiddenState), then the ghosts'
 * verdict-relevant parts; the models beside the runtime for refinement are left out: while
 * refinement holds they equal abs().
 *
 * Why that key is canonical and injective on everything the properties can distinguish: every
 * verdict of a later step is a function of the runtime's and the device's future behaviour, the
 * abstract states and the ghosts. The runtime's fields are either shown by abs() (each coroutine's
 * life, process, priority, handler line and line waited on, in the task table; each executor's
 * phase, process and task, in the hart table), declared in its hidden state (the kernel's status
 * bits, each executor's return action owed, its `double-wake` flag, an idle hart's process and
 * task, a task that is not the kernel's coroutine of its id), fixed for the exploration (the
 * configuration, the mutation, a hart's index, the bus to the device) or caches of abs() that
 * change no value. The device is its abs() plus its hidden state by the ControllerDevice contract.
 * So equal keys mean equal futures. Storage layout (the reference's ring positions) is in none of
 * them, so equal states reached by different paths get equal keys. test/engine/explore/copyImpl.test.ts
 * checks from the reachable states of every implementation and mutant that this key partitions
 * them exactly as the earlier reflective fingerprint of all the runtime's fields did, and the
 * reference's product finds the model's count (manifest).
 *
 * Each node owns its runtime: a step copies it first (`copyRuntime`: the runtime's and the
 * device's own `copy`, or the generic snapshot for a device without one), except for the last
 * successor of a node, which takes the node's runtime itself.
 */

import { copyRuntime } from '../../../engine/explore/copyImpl.ts';
import { EventAlphabet } from '../../../engine/explore/eventAlphabet.ts';
import { controllerGhostKey, wakeupGhostKey } from '../../../engine/explore/ghostKey.ts';
import { hiddenKey } from '../../../engine/explore/hiddenKey.ts';
import { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import type { SnapshotSharing } from '../../../engine/explore/snapshot.ts';
import type { StateSpace, Transition } from '../../../engine/explore/stateSpace.ts';
import type { Violation } from '../../../engine/property.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { driverOf } from '../../controller/designs/drive.ts';
import { changesControllerGhost } from '../../controller/engine/changesControllerGhost.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { toOperation } from '../../controller/model/decode.ts';
import { endsRun } from '../../controller/model/result.ts';
import type { ControllerState } from '../../controller/model/state.ts';
import { step as controllerStep } from '../../controller/model/step.ts';
import type { ControllerStepContext, Prediction } from '../../controller/properties/context.ts';
import {
  advanceGhost,
  copyControllerGhost,
  type MutableControllerGhost,
} from '../../controller/properties/ghost.ts';
import { initialSystem } from '../model/boot.ts';
import { enabled as modelEnabled } from '../model/enabled.ts';
import { formatSystemEvent, type SystemEvent } from '../model/events.ts';
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
import { drainFrom } from './drainFrom.ts';
import { DrainMemo } from './drainMemo.ts';
import { systemKey } from './systemKey.ts';

/** One explored state of the wakeup system, with everything the checker keeps beside it. */
export interface WakeupNode {
  /** abs() of the system (the model's state itself when the model is explored alone). */
  readonly sys: SystemState;
  /** The runtime over the implementation, owned by this node (never stepped in place). */
  readonly rt: SoftwareRuntime | undefined;
  /** The system model beside the runtime, when systemRefinement is judged. */
  readonly shadow: SystemState | undefined;
  /** The controller model fed the runtime's accesses, when the controller's refinement is judged. */
  readonly ctrlShadow: ControllerState | undefined;
  readonly cghost: MutableControllerGhost;
  readonly ghost: MutableWakeupGhost;
}

/**
 * What a runtime snapshot shares: the configuration, and the immutable views the abstraction
 * functions cache (the runtime's, its executors' and coroutines' `snapshot`, the reference
 * rings' `shown` and `shownWaiters`, the engine's last abs()), which are never modified once made.
 */
function sharingFor(cfg: Config): SnapshotSharing {
  return { objects: new Set<object>([cfg]), fields: new Set(['snapshot', 'shown', 'shownWaiters']) };
}

/**
 * What every transition of one space shares: the configuration, the selection, what snapshots
 * share, and the state just reached with the one function that lists its enabled events (read by
 * noStuckSystem during the same transition; one function per space, not one closure per step).
 */
export interface StepEnv {
  readonly cfg: Config;
  readonly sel: WakeupSelection;
  readonly sharing: SnapshotSharing;
  readonly trackGhost: boolean;
  afterRt: SoftwareRuntime | undefined;
  after: SystemState | undefined;
  readonly enabledAfter: () => readonly SystemEvent[];
}

function stepEnv(cfg: Config, sel: WakeupSelection): StepEnv {
  const env: StepEnv = {
    cfg,
    sel,
    sharing: sharingFor(cfg),
    trackGhost: sel.controller.length > 0,
    afterRt: undefined,
    after: undefined,
    enabledAfter: () => {
      if (env.afterRt !== undefined) return env.afterRt.enabled();
      return env.after === undefined ? [] : modelEnabled(cfg, env.after);
    },
  };
  return env;
}

const incomplete = (c: ControllerStepContext): boolean => endsRun(c.obs);

/** The wakeup state space of `impl` (undefined: the model alone) judged by `sel`. */
export function wakeupSpace(
  cfg: Config,
  impl: ControllerImpl | undefined,
  sel: WakeupSelection,
  /** Remember successful drains (default true; false only to test that the memo changes no verdict). */
  drainMemo = true,
): StateSpace<WakeupNode, SystemEvent> {
  const alphabet = new EventAlphabet<SystemEvent>(formatSystemEvent);
  const kb = new KeyBuilder();
  const env = stepEnv(cfg, sel);
  const refines = impl !== undefined && sel.step.some((p) => p.kind === 'refinement');
  const ctrlRefines = impl !== undefined && sel.controller.some((p) => p.kind === 'refinement');
  const trackGhost = env.trackGhost;
  const trackWakeGhost = sel.liveness.length > 0;

  const enabledOf = (n: WakeupNode): readonly SystemEvent[] =>
    n.rt === undefined ? modelEnabled(cfg, n.sys) : n.rt.enabled();

  const space: StateSpace<WakeupNode, SystemEvent> = {
    alphabet: alphabet.events,
    indexOf: (e) => alphabet.indexOf(e),
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
      const sys = rt === undefined ? initialSystem(cfg) : rt.abs();
      return {
        sys,
        rt,
        shadow: refines ? initialSystem(cfg) : undefined,
        ctrlShadow: ctrlRefines ? initialSystem(cfg).ctrl : undefined,
        cghost: bootedGhost(cfg),
        ghost: initialWakeupGhost(cfg),
      };
    },
    enabled: enabledOf,
    step(n, e, index, last) {
      return wakeupTransition(env, n, e, index, trackWakeGhost, last);
    },
    key(n) {
      kb.reset();
      systemKey(kb, n.sys);
      if (n.rt !== undefined) {
        hiddenKey(kb, n.rt);
        hiddenKey(kb, n.rt.device);
      }
      if (trackGhost) controllerGhostKey(kb, n.cghost);
      if (trackWakeGhost) wakeupGhostKey(kb, n.ghost);
      return kb.done();
    },
  };
  if (sel.liveness.length > 0) {
    const memo = drainMemo ? { drains: new DrainMemo(), key: space.key } : undefined;
    space.liveness = (n) =>
      drainFrom(cfg, sel, n, (m, e, i, consume) => wakeupTransition(env, m, e, i, true, consume), memo);
  }
  return space;
}

/** One step of the wakeup system from `n` (copied, never changed), judged as a storm step is. */
export function wakeupTransition(
  env: StepEnv,
  n: WakeupNode,
  e: SystemEvent,
  index: number,
  trackWakeGhost: boolean,
  /** `n` is never used again: step its runtime in place (the explorer's last successor of a node). */
  consume = false,
): Transition<WakeupNode> & { readonly outcome?: StepOutcome } {
  const { cfg, sel, sharing, trackGhost } = env;
  const rt = n.rt === undefined || consume ? n.rt : copyRuntime(n.rt, sharing);
  const before = n.sys;
  let outcome: StepOutcome;
  let after: SystemState;
  if (rt === undefined) {
    const r = systemStep(cfg, before, e);
    outcome = r;
    after = r.kind === 'accepted' ? r.state : before;
  } else {
    outcome = rt.apply(e);
    after = rt.abs();
  }
  let shadow = n.shadow;
  let expected: SystemPrediction | undefined;
  if (shadow !== undefined) {
    const r = systemStep(cfg, shadow, e);
    if (r.kind === 'accepted') shadow = r.state;
    expected = { outcome: r, state: shadow };
  }
  env.afterRt = rt;
  env.after = after;
  const ctx: WakeupStepContext = {
    cfg,
    index,
    phase: 'storm',
    event: e,
    outcome,
    before,
    after,
    enabled: env.enabledAfter,
    expected,
    ghost: n.ghost,
  };
  const found: Violation[] = [];
  if (outcome.kind === 'rejected') {
    for (const p of sel.step) {
      if (!p.judgesRejected || expected === undefined) continue;
      const message = p.check(ctx);
      if (message !== null) found.push({ property: p.id, step: index, message });
    }
    return found.length > 0 ? { kind: 'violation', violations: found } : { kind: 'next', node: n };
  }
  let ctrlShadow = n.ctrlShadow;
  let actx: ControllerStepContext | undefined;
  if (outcome.access !== null && outcome.obs !== null) {
    let prediction: Prediction | undefined;
    if (ctrlShadow !== undefined) {
      const r = controllerStep(cfg, ctrlShadow, outcome.access);
      prediction = { state: r.state, obs: r.obs };
      ctrlShadow = r.state;
    }
    actx = {
      cfg,
      index,
      event: outcome.access,
      op: toOperation(cfg, outcome.access),
      before: before.ctrl,
      after: after.ctrl,
      obs: outcome.obs,
      expected: prediction,
      ghost: n.cghost,
    };
    const inc = incomplete(actx);
    for (const p of sel.controller) {
      if (inc && !p.judgesIncomplete) continue;
      const message = p.check(actx);
      if (message !== null) found.push({ property: p.id, step: index, message });
    }
  }
  for (const p of sel.step) {
    const message = p.check(ctx);
    if (message !== null) found.push({ property: p.id, step: index, message });
  }
  if (found.length > 0) return { kind: 'violation', violations: found };
  const complete = actx !== undefined && !incomplete(actx) ? actx : undefined;
  let cghost = n.cghost;
  if (complete !== undefined && trackGhost) {
    if (changesControllerGhost(complete)) {
      cghost = copyControllerGhost(cghost);
      advanceGhost(cghost, complete);
    }
  }
  let ghost = n.ghost;
  if (trackWakeGhost && (complete !== undefined || ghost.wokenNotRun.size > 0)) {
    ghost = copyWakeupGhost(ghost);
    advanceWakeupGhost(ghost, ctx, complete);
  }
  return { kind: 'next', node: { sys: after, rt, shadow, ctrlShadow, cghost, ghost }, outcome };
}
