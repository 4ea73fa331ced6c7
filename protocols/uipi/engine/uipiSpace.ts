/**
 * The UIPI protocol's state space: the UIPI model alone, or the product of the model and the
 * instruction-level implementation (impl/uipi: the reference machine or a UIPI mutant, checked
 * against the model by `uipiRefinement` through its abstraction function absUipi). A node holds
 * what `runUipi` (protocols/uipi/engine/runUipi.ts) holds between steps: the abstract state, the machine (a
 * snapshot per node), the model beside it for refinement and the ghost data (owed masks,
 * send-minus-delivery credits, the undo-CLUI flags); each transition is judged exactly as a storm
 * step is, and liveness (uipiEventuallyDelivered, and uipiTimerRearms, UL4, on the Skyloft
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
 * bounds the exploration: the verdict is exact for the explored configuration.
 */

import { EventAlphabet } from '../../../engine/explore/eventAlphabet.ts';
import { fingerprint } from '../../../engine/explore/fingerprint.ts';
import { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import { snapshot } from '../../../engine/explore/snapshot.ts';
import type { StateSpace, Transition } from '../../../engine/explore/stateSpace.ts';
import type { Violation } from '../../../engine/property.ts';
import { DrainMemo } from '../../wakeup/engine/drainMemo.ts';
import { absUipi } from '../designs/reference/absUipi.ts';
import type { UipiImpl } from '../designs/reference/uipiImpl.ts';
import { UipiMachine } from '../designs/reference/uipiMachine.ts';
import type { UipiMutation } from '../designs/reference/uipiMutation.ts';
import type { UipiConfig } from '../model/config.ts';
import { enabled as modelEnabled } from '../model/enabled.ts';
import { formatUipiEvent, type UipiEvent } from '../model/events.ts';
import type { UipiStepResult } from '../model/result.ts';
import { initialUipi, type UipiState } from '../model/state.ts';
import { act, step as uipiStep } from '../model/step.ts';
import { nextUndoClui } from '../model/undoClui.ts';
import type { UipiLivenessProperty, UipiStepContext, UipiStepProperty } from '../properties/context.ts';
import { initialCredit, initialOwed, nextCredit, nextOwed } from '../properties/ghost.ts';
import { keyUipiState } from './keyUipiState.ts';
import { uipiDrainFrom } from './uipiDrainFrom.ts';
import { keyUipiGhost, slackFalls, uipiGhostMeasure } from './uipiGhostMeasure.ts';

/** The UIPI properties one exploration judges (runUipi's selection). */
export interface UipiSelection {
  readonly step: readonly UipiStepProperty[];
  readonly liveness: readonly UipiLivenessProperty[];
}

/** One explored UIPI state, with what the checker keeps beside it. */
export interface UipiNode {
  readonly sys: UipiState;
  readonly m: UipiMachine | undefined;
  readonly shadow: UipiState | undefined;
  readonly owed: readonly bigint[];
  readonly credit: readonly number[];
  readonly undo: readonly boolean[];
}

/** The mutation of a UIPI implementation the explorer can run as a machine, or null when it cannot. */
export function uipiMachineMutation(impl: UipiImpl): UipiMutation | undefined | null {
  if (impl.name === 'reference') return undefined;
  const m = (impl as { readonly mutation?: unknown }).mutation;
  return typeof m === 'string' ? (m as UipiMutation) : null;
}

const NOTHING: ReadonlySet<string> = new Set();

/** The UIPI state space of `impl` (undefined: the model alone) judged by `sel`. */
export function uipiSpace(
  cfg: UipiConfig,
  impl: UipiImpl | undefined,
  sel: UipiSelection,
  /** Remember successful drains (default true; false only to test that the memo changes no verdict). */
  drainMemo = true,
): StateSpace<UipiNode, UipiEvent> {
  const mutation = impl === undefined ? undefined : uipiMachineMutation(impl);
  if (mutation === null)
    throw new Error(
      `explore: UIPI implementation "${impl?.name}" is not a machine the explorer can snapshot`,
    );
  const alphabet = new EventAlphabet<UipiEvent>(formatUipiEvent);
  const kb = new KeyBuilder();
  const shared: ReadonlySet<object> = new Set<object>([cfg]);
  const refine = impl !== undefined && sel.step.some((p) => p.kind === 'refinement');
  /** Credits in the measure and the drain memo: for a product only (the model's slack never falls, see uipiGhostMeasure.ts). */
  const credits = impl !== undefined;

  /** The context every step property reads, refilled for each transition (no property keeps it). */
  const ctx: { -readonly [K in keyof UipiStepContext]: UipiStepContext[K] } = {
    cfg,
    index: 0,
    phase: 'storm',
    event: { type: 'Clui', receiver: 0 },
    accepted: false,
    before: initialUipi(cfg),
    after: initialUipi(cfg),
    owedBefore: [],
    owedAfter: [],
    creditBefore: [],
    expected: undefined,
  };
  const transition = (
    n: UipiNode,
    e: UipiEvent,
    index: number,
    consume: boolean,
  ): Transition<UipiNode> & { readonly accepted?: boolean } => {
    const m = n.m === undefined || consume ? n.m : snapshot(n.m, { objects: shared });
    const before = n.sys;
    let accepted: boolean;
    let after: UipiState;
    if (m === undefined) {
      // The model alone steps only what its `enabled` returned (the explorer's and the drain's
      // events), so the guards `enabled` checked are not checked again.
      accepted = true;
      after = act(cfg, before, e);
    } else {
      accepted = m.apply(e);
      after = accepted ? absUipi(m) : before;
    }
    let shadow = n.shadow;
    let expected: UipiStepResult | undefined;
    if (shadow !== undefined) {
      expected = uipiStep(cfg, shadow, e);
      if (expected.kind === 'accepted') shadow = expected.state;
    }
    const owedAfter = accepted ? nextOwed(cfg, n.owed, e, before, after) : n.owed;
    ctx.index = index;
    ctx.event = e;
    ctx.accepted = accepted;
    ctx.before = before;
    ctx.after = after;
    ctx.owedBefore = n.owed;
    ctx.owedAfter = owedAfter;
    ctx.creditBefore = n.credit;
    ctx.expected = expected;
    let found: Violation[] | undefined;
    for (const p of sel.step) {
      if (!accepted && !p.judgesRejected) continue;
      const message = p.check(ctx);
      if (message === null) continue;
      found ??= [];
      found.push({ property: p.id, step: index, message });
    }
    if (found !== undefined) return { kind: 'violation', violations: found };
    if (!accepted) return { kind: 'next', node: shadow === n.shadow ? n : { ...n, m, shadow }, accepted };
    const credit = nextCredit(cfg, n.credit, e, before, after);
    if (!credits && credit !== n.credit) {
      const fell = slackFalls(cfg, before, after, n.credit, credit);
      if (fell !== null)
        throw new Error(
          `explore: ${formatUipiEvent(e)} lowers the slack of vector ${fell.v} for receiver ${fell.r} (credit minus pending copies): the model's measure without credits (uipiGhostMeasure.ts) is unsound for this model`,
        );
    }
    const node: UipiNode = { sys: after, m, shadow, owed: owedAfter, credit, undo: nextUndoClui(n.undo, e) };
    return { kind: 'next', node, accepted };
  };

  /** Starts a key with the node's keyed part: abstract state, machine, undo flags. */
  const keyNode = (n: UipiNode): KeyBuilder => {
    kb.reset();
    keyUipiState(kb, n.sys);
    if (n.m !== undefined) fingerprint(kb, n.m, NOTHING, shared);
    for (const u of n.undo) kb.bool(u);
    return kb;
  };
  const space: StateSpace<UipiNode, UipiEvent> = {
    alphabet: alphabet.events,
    indexOf: (e) => alphabet.indexOf(e),
    initial() {
      const m = impl === undefined ? undefined : new UipiMachine(cfg, mutation ?? undefined);
      return {
        sys: m === undefined ? initialUipi(cfg) : absUipi(m),
        m,
        shadow: refine ? initialUipi(cfg) : undefined,
        owed: initialOwed(cfg),
        credit: initialCredit(cfg),
        undo: Array.from({ length: cfg.receivers }, () => false),
      };
    },
    enabled: (n) => (n.m === undefined ? modelEnabled(cfg, n.sys) : n.m.enabled()),
    step: (n, e, index, last) => transition(n, e, index, last),
    key: (n) => keyNode(n).done(),
    measure: (n) => uipiGhostMeasure(cfg, n, credits),
  };
  if (sel.liveness.length > 0) {
    // A drain position: the node's key, the ghost its verdicts read, the drain policy's state.
    const position = (n: UipiNode, undo: readonly boolean[], timerServed: boolean): string => {
      const k = keyNode(n);
      keyUipiGhost(k, n, credits);
      for (const u of undo) k.bool(u);
      return k.bool(timerServed).done();
    };
    const memo = drainMemo ? { drains: new DrainMemo(), position } : undefined;
    space.liveness = uipiDrainFrom(cfg, sel.liveness, space.enabled, transition, memo);
  }
  return space;
}
