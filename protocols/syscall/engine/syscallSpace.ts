/**
 * The syscall protocol's state space: the syscall model alone, or the product of the model and
 * the syscall runtime (impl/syscall) over a controller implementation (the reference, a
 * published design, a controller or syscall mutant). A node is the step
 * judge's (syscallJudge.ts: the abstract state, the runtime — a copy per node —, the model beside
 * it for refinement, both ghosts); each transition is judged by that judge, as a storm step is,
 * and liveness (`everyRequestAnswered`) is the §6 drain from the
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

import { DrainMemo } from '../../../engine/explore/drainMemo.ts';
import type { DrainStore } from '../../../engine/explore/drainStore.ts';
import { EventAlphabet } from '../../../engine/explore/eventAlphabet.ts';
import { controllerGhostKey } from '../../../engine/explore/ghostKey.ts';
import { hiddenKey } from '../../../engine/explore/hiddenKey.ts';
import { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import type { StateSpace } from '../../../engine/explore/stateSpace.ts';
import type { Violation } from '../../../engine/property.ts';
import type { SnapshotSharing } from '../../../model/snapshot.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { drainSyscallSubject } from '../model/drain.ts';
import { candidateEvents, enabled as modelEnabled } from '../model/enabled.ts';
import { formatSyscallEvent, type SyscallEvent } from '../model/events.ts';
import { layoutOf } from '../model/layout.ts';
import { stateKey } from '../model/stateKey.ts';
import type { SyscallLivenessContext } from '../properties/context.ts';
import type { SyscallSelection } from '../properties/selection.ts';
import { copySyscallRuntime } from './copySyscallRuntime.ts';
import { syscallGhostKey } from './syscallGhostKey.ts';
import { type SyscallNode, syscallJudge } from './syscallJudge.ts';

/** The syscall state space of `impl` (undefined: the model alone) judged by `sel`. */
export function syscallSpace(
  cfg: Config,
  impl: ControllerImpl | undefined,
  sel: SyscallSelection,
  /**
   * Where the drain memo keeps its positions (default this thread's own; the parallel search's
   * workers share one: engine/explore/parallel/sharedDrainStore.ts).
   */
  drainStore?: DrainStore,
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
  const trackGhost = sel.controller.length > 0;
  const judge = syscallJudge(cfg, impl, sel, (rt) => copySyscallRuntime(rt, sharing));

  const space: StateSpace<SyscallNode, SyscallEvent> = {
    alphabet: alphabet.events,
    indexOf: (e) => alphabet.indexOf(e),
    initial: () => judge.initial(),
    enabled: (n) => (n.rt === undefined ? modelEnabled(cfg, n.sys) : candidates),
    step(n, e, index, last) {
      const r = judge.step(n, e, index, last ? 'lastUse' : 'copy');
      return r.violations === undefined
        ? { kind: 'next', node: r.node }
        : { kind: 'violation', violations: r.violations };
    },
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
    const memo = new DrainMemo(drainStore);
    space.liveness = (start) => {
      let n = start;
      let index = 0;
      let failed: readonly Violation[] | null = null;
      memo.begin();
      const drain = drainSyscallSubject(cfg, {
        state: () => n.sys,
        apply: (e) => {
          if (failed !== null) return false;
          // after its first step the drain owns its runtime (its ghosts may still be shared)
          const t = judge.step(n, e, index, n === start ? 'copy' : 'lastUse');
          if (t.violations !== undefined) {
            failed = t.violations;
            return false;
          }
          if (t.detail.ctx.outcome.kind !== 'accepted') return false;
          index++;
          n = t.node;
          return true;
        },
        at: (turn, steps) => memo.visit(DrainMemo.position(space.key(n), turn, [], 0), steps, cfg.drainBound),
      });
      if (failed !== null) return failed;
      if (memo.cut) {
        memo.succeeded(drain.steps);
        return null;
      }
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
      if (out.length > 0) return out;
      memo.succeeded(drain.steps);
      return null;
    };
  }
  return space;
}
