/**
 * The UIPI protocol's state space: the UIPI model alone, or the product of the model and the
 * instruction-level implementation (impl/uipi: the reference machine or a UIPI mutant, checked
 * against the model by `uipiRefinement` through its abstraction function absUipi). A node is
 * the step judge's (uipiJudge.ts: the abstract state, the machine — a snapshot per node —, the
 * model beside it for refinement, the ghost: owed masks, send-minus-delivery credits, the
 * undo-CLUI flags); each transition is judged by that judge, as a storm step is, and liveness (uipiEventuallyDelivered, and uipiTimerRearms, UL4, on the Skyloft
 * preset) is the fair drain from the node (uipiDrainFrom.ts), every drain step judged too, with a
 * memo of earlier successful drains.
 *
 * The model alone steps its enabled events; the product steps the machine's own enabled events
 * (so a machine that can do what the model cannot meets refinement, as in a storm).
 * Key: the abstract state (keyUipiState.ts), for a product the machine's whole field state
 * (memory, registers, threads, wires), then the undo-CLUI flags (the fair drain reads them). The
 * owed masks and the credits are not keyed but the covering measure (uipiGhostMeasure.ts, where
 * the argument is): a node with the same key, more owed and no more credit, found before, covers
 * it (the model's measure leaves credits out, behind a check made on every step). No merge
 * bounds the exploration: the verdict is exact for the explored configuration. Without covering
 * (`--no-covering`, the model alone) the owed masks are keyed after the rest instead and there is
 * no measure: every distinct (state, owed masks) pair is a node, as Spin's uipi.pml counts them.
 *
 * By orbits (`--symmetry`, the model alone): the canonical key (canonicalUipi.ts) of the CPUs and
 * interchangeable senders renamed (uipiRenaming.ts); renamings leave the measure as it is (it is
 * per receiver and vector), so the covering set holds canonical keys; the leads-to check drains
 * every member of an orbit (orbitDrain.ts), the drain not being symmetric.
 */

import { DrainMemo } from '../../../engine/explore/drainMemo.ts';
import type { DrainStore } from '../../../engine/explore/drainStore.ts';
import { EventAlphabet } from '../../../engine/explore/eventAlphabet.ts';
import { fingerprint } from '../../../engine/explore/fingerprint.ts';
import { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import type { StateSpace, Transition } from '../../../engine/explore/stateSpace.ts';
import type { Ownership } from '../../../engine/judge.ts';
import type { UipiImpl } from '../designs/reference/uipiImpl.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiDrainPolicy } from '../model/drain.ts';
import { enabled as modelEnabled } from '../model/enabled.ts';
import { formatUipiEvent, type UipiEvent } from '../model/events.ts';
import { keyUipiState } from './keyUipiState.ts';
import { type UipiNode, uipiJudge } from './uipiJudge.ts';

export type { UipiNode };

import type { UipiSelection } from '../properties/selection.ts';
import { canonicalUipi } from './canonicalUipi.ts';
import { uipiOrbitDrain } from './orbitDrain.ts';
import { uipiDrainFrom } from './uipiDrainFrom.ts';
import { keyUipiGhost, slackFalls, uipiGhostMeasure } from './uipiGhostMeasure.ts';
import type { UipiRenaming } from './uipiRenaming.ts';

const NOTHING: ReadonlySet<string> = new Set();

/** The UIPI state space of `impl` (undefined: the model alone) judged by `sel`. */
export function uipiSpace(
  cfg: UipiConfig,
  impl: UipiImpl | undefined,
  sel: UipiSelection,
  /** Remember successful drains (default true; false only to test that the memo changes no verdict). */
  drainMemo = true,
  /**
   * Explored by orbits (`--symmetry`; the model alone): the space gets its canonical form
   * (canonicalUipi.ts), and the leads-to check drains every member of a node's orbit, since the
   * drain is not symmetric; a member other than the node failing throws OrbitDrainFails (engine/explore/orbitDrain.ts).
   */
  orbits = false,
  /**
   * false: the owed masks keyed, no covering measure (the model alone: a product's credits grow
   * without bound, so keying them would not end).
   */
  covering = true,
  /**
   * Where the drain memo keeps its positions (default this thread's own; the parallel search's
   * workers share one: engine/explore/parallel/sharedDrainStore.ts).
   */
  drainStore?: DrainStore,
): StateSpace<UipiNode, UipiEvent> {
  if (orbits && impl !== undefined)
    throw new Error('uipiSpace: orbits of the model alone only (a machine has no renaming)');
  if (!covering && impl !== undefined)
    throw new Error('uipiSpace: the owed masks keyed for the model alone only (a product keys credits too)');
  const judge = uipiJudge(cfg, impl, sel, true);
  const alphabet = new EventAlphabet<UipiEvent>(formatUipiEvent);
  const kb = new KeyBuilder();
  const shared: ReadonlySet<object> = new Set<object>([cfg]);
  /** Credits in the measure and the drain memo: for a product only (the model's slack never falls, see uipiGhostMeasure.ts). */
  const credits = impl !== undefined;
  const transition = (
    n: UipiNode,
    e: UipiEvent,
    index: number,
    own: Ownership,
  ): Transition<UipiNode> & { readonly accepted?: boolean } => {
    const r = judge.step(n, e, index, own);
    if (r.violations !== undefined) return { kind: 'violation', violations: r.violations };
    const { accepted, before, after } = r.detail;
    if (accepted && !credits && r.node.credit !== n.credit) {
      const fell = slackFalls(cfg, before, after, n.credit, r.node.credit);
      if (fell !== null)
        throw new Error(
          `explore: ${formatUipiEvent(e)} lowers the slack of vector ${fell.v} for receiver ${fell.r} (credit minus pending copies): the model's measure without credits (uipiGhostMeasure.ts) is unsound for this model`,
        );
    }
    return { kind: 'next', node: r.node, accepted };
  };

  /**
   * The node (of the model alone) whose key, and nothing after it, `kb` holds: the explorer keys
   * a new node, then drains from it, and the drain's first position starts with that same key.
   * A machine is stepped in place on its node's last use, so a product's key is always rebuilt.
   */
  let keyed: UipiNode | undefined;
  /** Starts a key with the node's keyed part: abstract state (renamed by `g`, the model alone), machine, undo flags. */
  const keyNode = (n: UipiNode, g?: UipiRenaming): KeyBuilder => {
    if (n === keyed && g === undefined) return kb;
    kb.reset();
    keyUipiState(kb, n.sys, g);
    if (n.m !== undefined) fingerprint(kb, n.m, NOTHING, shared);
    for (const u of n.undo) kb.bool(u);
    keyed = g === undefined && n.m === undefined ? n : undefined;
    return kb;
  };
  /** The node's key builder, keyed (no covering): its key then its owed masks (kb then holds more than the node's key). */
  const keyOwed = (n: UipiNode): KeyBuilder => {
    const k = keyNode(n);
    keyed = undefined;
    keyUipiGhost(k, n, false);
    return k;
  };
  const build = covering ? keyNode : keyOwed;
  const key = (n: UipiNode): string => build(n).done();
  let measuredOwed: readonly bigint[] | undefined;
  let measuredCredit: readonly number[] | undefined;
  let measured: readonly number[] = [];
  const space: StateSpace<UipiNode, UipiEvent> = {
    alphabet: alphabet.events,
    indexOf: (e) => alphabet.indexOf(e),
    initial: () => judge.initial(),
    enabled: (n) => (n.m === undefined ? modelEnabled(cfg, n.sys) : n.m.enabled()),
    step: (n, e, index, last) => transition(n, e, index, last ? 'lastUse' : 'copy'),
    key,
    keyUnits: { key, build: (n) => build(n) },
  };
  if (covering)
    space.measure = (n) => {
      // Siblings mostly share their ghost arrays (a step that leaves them copies nothing), and a
      // stored measure is never changed: the last one serves while the arrays are the same.
      if (n.owed !== measuredOwed || (credits && n.credit !== measuredCredit)) {
        measured = uipiGhostMeasure(cfg, n, credits);
        measuredOwed = n.owed;
        measuredCredit = n.credit;
      }
      return measured;
    };
  if (sel.liveness.length > 0) {
    // A drain position: the node's key, the ghost its verdicts read, the drain policy's state,
    // numbered by the memo's store from their units (no string built).
    const drains = new DrainMemo(drainStore);
    const position = (n: UipiNode, policy: UipiDrainPolicy): number => {
      const k = keyNode(n);
      keyed = undefined; // kb now holds more than the node's key
      keyUipiGhost(k, n, credits);
      for (const u of policy.undo) k.bool(u);
      for (const x of policy.entered) k.bool(x);
      return drains.idOfUnits(k.bool(policy.timerServed));
    };
    const memo = drainMemo ? { drains, position } : undefined;
    const drain = uipiDrainFrom(cfg, sel.liveness, space.enabled, transition, memo);
    space.liveness = orbits ? uipiOrbitDrain(cfg, drain, space.key) : drain;
  }
  if (orbits) {
    // renamings leave the owed masks as they are (per receiver and vector): keyed, they follow the canonical key
    const canonical = canonicalUipi(cfg, (n, g) => keyNode(n, g).done());
    space.canonical = covering ? canonical : (n) => `${canonical(n)}|${n.owed.join(',')}`;
  }
  return space;
}
