/**
 * The wakeup protocol's state space: the system model alone, or the product of the system model
 * and the software runtime over an implementation (a published design, a controller mutant, a
 * runtime mutant). A node is the step judge's (wakeupJudge.ts: the abstract state, the runtime — a copy
 * per node —, the models beside it for refinement, both protocols' ghost data); each transition
 * is judged by that judge, as a storm step is, and liveness is the §6 drain from the node
 * (protocols/wakeup/engine/drainFrom.ts).
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
 *
 * By orbits (`--symmetry`, the model alone): one node per orbit of the harts (hartRenaming.ts).
 */

import { DrainMemo } from '../../../engine/explore/drainMemo.ts';
import type { DrainStore } from '../../../engine/explore/drainStore.ts';
import { EventAlphabet } from '../../../engine/explore/eventAlphabet.ts';
import { controllerGhostKey, wakeupGhostKey } from '../../../engine/explore/ghostKey.ts';
import { hiddenKey } from '../../../engine/explore/hiddenKey.ts';
import { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import { orbitDrain } from '../../../engine/explore/orbitDrain.ts';
import type { StateSpace } from '../../../engine/explore/stateSpace.ts';
import type { SnapshotSharing } from '../../../model/snapshot.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { enabled as modelEnabled } from '../model/enabled.ts';
import { formatSystemEvent, type SystemEvent } from '../model/events.ts';
import type { WakeupSelection } from '../properties/selection.ts';
import { copyRuntime } from './copyRuntime.ts';
import { drainFrom } from './drainFrom.ts';
import { canonicalWakeup, hartRenamings, renameWakeupNode } from './hartRenaming.ts';
import { systemKey } from './systemKey.ts';
import { type WakeupNode, wakeupJudge } from './wakeupJudge.ts';

/**
 * What a runtime snapshot shares: the configuration, and the immutable views the abstraction
 * functions cache (the runtime's, its executors' and coroutines' `snapshot`, the reference
 * rings' `shown` and `shownWaiters`, the engine's last abs()), which are never modified once made.
 */
function sharingFor(cfg: Config): SnapshotSharing {
  return { objects: new Set<object>([cfg]), fields: new Set(['snapshot', 'shown', 'shownWaiters']) };
}

/** The wakeup state space of `impl` (undefined: the model alone) judged by `sel`. */
export function wakeupSpace(
  cfg: Config,
  impl: ControllerImpl | undefined,
  sel: WakeupSelection,
  /** Remember successful drains (default true; false only to test that the memo changes no verdict). */
  drainMemo = true,
  /**
   * Explored by orbits of the harts (`--symmetry`; the model alone, hartRenaming.ts): the space
   * gets its canonical form, and the leads-to check drains every member of a node's orbit, since
   * the drain is not symmetric; a member other than the node failing throws OrbitDrainFails
   * (engine/explore/orbitDrain.ts).
   */
  orbits = false,
  /**
   * Where the drain memo keeps its positions (default this thread's own; the parallel search's
   * workers share one: engine/explore/parallel/sharedDrainStore.ts).
   */
  drainStore?: DrainStore,
): StateSpace<WakeupNode, SystemEvent> {
  if (orbits && impl !== undefined)
    throw new Error('wakeupSpace: orbits of the model alone only (a runtime has no renaming)');
  const alphabet = new EventAlphabet<SystemEvent>(formatSystemEvent);
  const kb = new KeyBuilder();
  const sharing = sharingFor(cfg);
  const judge = wakeupJudge(cfg, impl, sel, (rt) => copyRuntime(rt, sharing));
  const trackGhost = sel.controller.length > 0;
  const trackWakeGhost = sel.liveness.length > 0;
  const space: StateSpace<WakeupNode, SystemEvent> = {
    alphabet: alphabet.events,
    indexOf: (e) => alphabet.indexOf(e),
    initial: () => judge.initial(),
    enabled: (n) => (n.rt === undefined ? modelEnabled(cfg, n.sys) : n.rt.enabled()),
    step(n, e, index, last) {
      const r = judge.step(n, e, index, last ? 'lastUse' : 'copy');
      return r.violations === undefined
        ? { kind: 'next', node: r.node }
        : { kind: 'violation', violations: r.violations };
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
    const memo = drainMemo ? { drains: new DrainMemo(drainStore), key: space.key } : undefined;
    const drain = (n: WakeupNode) => drainFrom(cfg, sel, n, judge, memo);
    space.liveness = orbits
      ? orbitDrain(
          hartRenamings(cfg).map((g) => (n: WakeupNode) => renameWakeupNode(n, g)),
          drain,
          space.key,
        )
      : drain;
  }
  if (orbits) space.canonical = canonicalWakeup(cfg, space.key);
  return space;
}
