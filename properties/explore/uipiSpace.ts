/**
 * The UIPI protocol's state space: the UIPI model alone, or the product of the model and the
 * instruction-level implementation (impl/uipi: the reference machine or a UIPI mutant, checked
 * against the model by `uipiRefinement` through its abstraction function absUipi). A node holds
 * what `runUipi` (properties/runUipi.ts) holds between steps: the abstract state, the machine (a
 * snapshot per node), the model beside it for refinement and the ghost data (owed masks,
 * send-minus-delivery credits, the undo-CLUI flags); each transition is judged exactly as a storm
 * step is, and liveness (uipiEventuallyDelivered, and uipiTimerRearms, UL4, on the Skyloft
 * preset) is the fair drain from the node (uipiDrainFrom.ts), every drain step judged too, with a
 * memo of earlier successful drains.
 *
 * The model alone steps its enabled events; the product steps the machine's own enabled events
 * (so a machine that can do what the model cannot meets refinement, as in a storm).
 * Key: the abstract state (model/uipi stateKey), for a product the machine's whole field state
 * (memory, registers, threads, wires), then the ghost: owed masks, undo flags, and the credits
 * capped at {@link CREDIT_CAP}. Credits only decide `uipiNoFabrication` (a delivery of v to r needs
 * a positive credit), and coalesced sends make them grow without bound; above the cap, states
 * are merged (a bound of the exploration, not of the property: the node keeps its exact credit).
 */

import { absUipi } from '../../impl/uipi/absUipi.ts';
import type { UipiImpl } from '../../impl/uipi/uipiImpl.ts';
import { UipiMachine } from '../../impl/uipi/uipiMachine.ts';
import type { UipiMutation } from '../../impl/uipi/uipiMutation.ts';
import type { UipiConfig } from '../../model/uipi/config.ts';
import { enabled as modelEnabled } from '../../model/uipi/enabled.ts';
import { formatUipiEvent, type UipiEvent } from '../../model/uipi/events.ts';
import type { UipiStepResult } from '../../model/uipi/result.ts';
import { initialUipi, type UipiState } from '../../model/uipi/state.ts';
import { stateKey } from '../../model/uipi/stateKey.ts';
import { step as uipiStep } from '../../model/uipi/step.ts';
import type { Violation } from '../property.ts';
import type { UipiLivenessProperty, UipiStepContext, UipiStepProperty } from '../uipi/context.ts';
import { initialCredit, initialOwed, nextCredit, nextOwed, nextUndoClui } from '../uipi/ghost.ts';
import { DrainMemo } from './drainMemo.ts';
import { EventAlphabet } from './eventAlphabet.ts';
import { fingerprint } from './fingerprint.ts';
import { KeyBuilder } from './keyBuilder.ts';
import { snapshot } from './snapshot.ts';
import type { StateSpace, Transition } from './stateSpace.ts';
import { uipiDrainFrom } from './uipiDrainFrom.ts';

/** Credits above this are keyed alike (see above): more than a vector can have pending (PIR, UIRR, in service). */
export const CREDIT_CAP = 3;

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
      const r = uipiStep(cfg, before, e);
      accepted = r.kind === 'accepted';
      after = r.kind === 'accepted' ? r.state : before;
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
    const ctx: UipiStepContext = {
      cfg,
      index,
      phase: 'storm',
      event: e,
      accepted,
      before,
      after,
      owedBefore: n.owed,
      owedAfter,
      creditBefore: n.credit,
      expected,
    };
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
    const node: UipiNode = {
      sys: after,
      m,
      shadow,
      owed: owedAfter,
      credit: nextCredit(cfg, n.credit, e, before, after),
      undo: nextUndoClui(n.undo, e),
    };
    return { kind: 'next', node, accepted };
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
    key(n) {
      kb.reset();
      if (n.m !== undefined) fingerprint(kb, n.m, NOTHING, shared);
      for (const o of n.owed) kb.big(o);
      for (const c of n.credit) kb.int(Math.min(c, CREDIT_CAP) + 1);
      for (const u of n.undo) kb.bool(u);
      return `${stateKey(n.sys)}#${kb.done()}`;
    },
  };
  if (sel.liveness.length > 0) {
    const memo = drainMemo ? { drains: new DrainMemo(), key: space.key } : undefined;
    space.liveness = (start) => uipiDrainFrom(cfg, sel.liveness, start, space.enabled, transition, memo);
  }
  return space;
}
