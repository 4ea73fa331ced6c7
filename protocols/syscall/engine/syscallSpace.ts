/**
 * The syscall protocol's state space: the syscall model alone, or the product of the model and
 * the syscall runtime (impl/syscall) over a controller implementation (the reference, a
 * published design, a controller or syscall mutant). A node holds what `SyscallRun`
 * (protocols/syscall/engine/syscallRun.ts) holds between steps: the abstract state, the runtime (a
 * copy per node), the model beside it for refinement, and both ghosts; each transition is
 * judged exactly as a storm step is (controller-step properties on the access it performed, then
 * the syscall step properties), and liveness (`everyRequestAnswered`) is the §6 drain from the
 * node, every drain step judged too.
 *
 * The model alone steps only its enabled events; the product tries every candidate event, so a
 * runtime that accepts what the model refuses (or refuses what it accepts) meets refinement.
 * Key: the abstract state (model/syscall stateKey), for a product the runtime's declared hidden
 * state (SyscallRuntime.hiddenState) and the device's, then the ghosts' verdict-relevant parts.
 * The model beside a runtime is left out: while refinement holds it equals abs().
 *
 * Why that key is canonical and injective on what the properties can distinguish: the runtime's
 * fields are shown by abs() (each agent's phase, slot and request id; the rings' slots, and
 * their head and tail modulo 2R: the runtime uses them only modulo R, so its ever-growing indices
 * do not make the space infinite), declared hidden (its status bits, a half-done take, the
 * callers awaiting a reply), fixed (configuration, layout, mutation, the bus) or caches of abs().
 * Two fields are keyed only where something reads them: the requests a service dispatcher took
 * since it was dequeued (read only by `one-request-per-wake`, as "took one"; otherwise it grows
 * without bound and made the product with the reference infinite) and the order callers parked
 * in (read only by `reply-to-queue-head`). The device is its abs() plus its hidden state. With
 * the reference, the product finds exactly the model's count (manifest), and
 * test/engine/explore/productKeys.test.ts checks that states the key merges have the same futures.
 *
 * Each node owns its runtime (`copySyscallRuntime`); the last successor of a node and every drain
 * step after the first take the runtime in place.
 */

import { copySyscallRuntime } from '../../../engine/explore/copyImpl.ts';
import { EventAlphabet } from '../../../engine/explore/eventAlphabet.ts';
import { controllerGhostKey } from '../../../engine/explore/ghostKey.ts';
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
import type { ControllerStepContext } from '../../controller/properties/context.ts';
import {
  advanceGhost,
  copyControllerGhost,
  type MutableControllerGhost,
} from '../../controller/properties/ghost.ts';
import { bootedGhost } from '../../wakeup/engine/bootGhost.ts';
import { initialSyscall, syscallBootWrites } from '../model/boot.ts';
import { drainSyscallSubject } from '../model/drain.ts';
import { candidateEvents, enabled as modelEnabled } from '../model/enabled.ts';
import { formatSyscallEvent, type SyscallEvent } from '../model/events.ts';
import { layoutOf } from '../model/layout.ts';
import type { SyscallState } from '../model/state.ts';
import { stateKey } from '../model/stateKey.ts';
import { step as syscallStep } from '../model/step.ts';
import { isSyscallMutant } from '../mutants/syscallMutants.ts';
import type { SyscallLivenessContext, SyscallPrediction, SyscallStepContext } from '../properties/context.ts';
import { advanceSyscallGhost, initialSyscallGhost, type MutableSyscallGhost } from '../properties/ghost.ts';
import type { SyscallSelection } from '../properties/selection.ts';
import { SyscallRuntime } from '../runtime/syscallRuntime.ts';
import { copySyscallGhost, syscallGhostKey } from './syscallGhostKey.ts';

/** One explored state of the syscall system, with what the checker keeps beside it. */
export interface SyscallNode {
  /** abs() of the system (the model's state itself when the model is explored alone). */
  readonly sys: SyscallState;
  /** The runtime over the implementation, owned by this node. */
  readonly rt: SyscallRuntime | undefined;
  /** The syscall model beside the runtime, when syscallRefinement is judged. */
  readonly shadow: SyscallState | undefined;
  readonly cghost: MutableControllerGhost;
  readonly ghost: MutableSyscallGhost;
}

/** The syscall state space of `impl` (undefined: the model alone) judged by `sel`. */
export function syscallSpace(
  cfg: Config,
  impl: ControllerImpl | undefined,
  sel: SyscallSelection,
): StateSpace<SyscallNode, SyscallEvent> {
  const alphabet = new EventAlphabet<SyscallEvent>(formatSyscallEvent);
  const candidates = candidateEvents(cfg);
  for (const e of candidates) alphabet.indexOf(e);
  const kb = new KeyBuilder();
  const shared: ReadonlySet<object> = new Set<object>([cfg, layoutOf(cfg)]);
  const sharing: SnapshotSharing = {
    objects: shared,
    fields: new Set(['snapshot', 'shown', 'shownWaiters']),
  };
  const refines = impl !== undefined && sel.step.some((p) => p.kind === 'refinement');
  const trackGhost = sel.controller.length > 0;

  /** One judged step from `n` (never changed unless `consume`), as SyscallRun.step judges it. */
  const transition = (
    n: SyscallNode,
    e: SyscallEvent,
    index: number,
    consume: boolean,
  ): Transition<SyscallNode> & { readonly accepted?: boolean } => {
    const rt = n.rt === undefined || consume ? n.rt : copySyscallRuntime(n.rt, sharing);
    const before = n.sys;
    let outcome: SyscallStepContext['outcome'];
    let after: SyscallState;
    if (rt === undefined) {
      const r = syscallStep(cfg, before, e);
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
      phase: 'storm',
      event: e,
      outcome,
      before,
      after,
      expected,
      ghost: n.ghost,
    };
    let found: Violation[] | undefined;
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
        ghost: n.cghost,
      };
      for (const p of sel.controller) {
        const message = p.check(actx);
        if (message === null) continue;
        found ??= [];
        found.push({ property: p.id, step: index, message });
      }
    }
    for (const p of sel.step) {
      if (outcome.kind === 'rejected' && !p.judgesRejected) continue;
      const message = p.check(ctx);
      if (message === null) continue;
      found ??= [];
      found.push({ property: p.id, step: index, message });
    }
    if (found !== undefined) return { kind: 'violation', violations: found };
    if (outcome.kind === 'rejected')
      return { kind: 'next', node: shadow === n.shadow ? n : { ...n, rt, shadow }, accepted: false };
    let cghost = n.cghost;
    if (actx !== undefined && trackGhost && changesControllerGhost(actx)) {
      cghost = copyControllerGhost(cghost);
      advanceGhost(cghost, actx);
    }
    const ghost = copySyscallGhost(n.ghost);
    advanceSyscallGhost(ghost, ctx);
    return { kind: 'next', node: { sys: after, rt, shadow, cghost, ghost }, accepted: true };
  };

  const space: StateSpace<SyscallNode, SyscallEvent> = {
    alphabet: alphabet.events,
    indexOf: (e) => alphabet.indexOf(e),
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
    enabled: (n) => (n.rt === undefined ? modelEnabled(cfg, n.sys) : candidates),
    step: (n, e, index, last) => transition(n, e, index, last),
    key(n) {
      kb.reset();
      if (n.rt !== undefined) {
        hiddenKey(kb, n.rt);
        hiddenKey(kb, n.rt.device);
      }
      if (trackGhost) controllerGhostKey(kb, n.cghost);
      syscallGhostKey(kb, n.ghost);
      return `${stateKey(n.sys)}#${kb.done()}`;
    },
  };
  if (sel.liveness.length > 0) {
    space.liveness = (start) => {
      let n = start;
      let index = 0;
      let failed: readonly Violation[] | null = null;
      const drain = drainSyscallSubject(cfg, {
        state: () => n.sys,
        apply: (e) => {
          if (failed !== null) return false;
          const t = transition(n, e, index, n !== start); // after its first step the drain owns its runtime
          if (t.kind === 'violation') {
            failed = t.violations;
            return false;
          }
          if (t.accepted !== true) return false;
          index++;
          n = t.node;
          return true;
        },
      });
      if (failed !== null) return failed;
      const ctx: SyscallLivenessContext = {
        cfg,
        index: Math.max(0, index - 1),
        state: n.sys,
        drain,
        ghost: n.ghost,
      };
      const out: Violation[] = [];
      for (const p of sel.liveness) {
        const message = p.check(ctx);
        if (message !== null) out.push({ property: p.id, step: ctx.index, message });
      }
      return out.length > 0 ? out : null;
    };
  }
  return space;
}
