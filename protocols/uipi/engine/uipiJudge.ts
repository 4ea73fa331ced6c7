/**
 * The UIPI protocol's step judge (engine/judge.ts): one step of the UIPI model, or of an
 * instruction-level machine (any {@link UipiDevice} a design creates: the reference, a mutant,
 * linux-rfc-v1), checked against the model when the design refines it (uipiRefinement, through
 * the machine's abstraction), judged
 * by the selected step properties with the ghost beside it (owed vector masks, send-minus-delivery
 * credits, the undo-CLUI flags the fair drain reads). A step the system rejects is judged only by
 * the properties that judge rejections. Storm runs (runUipi), the explorer (uipiSpace) and its
 * leads-to drains (uipiDrainFrom) step through it.
 */

import { failures, type Ownership, type StepJudge } from '../../../engine/judge.ts';
import type { UipiDevice, UipiImpl } from '../designs/reference/uipiImpl.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import type { UipiStepResult } from '../model/result.ts';
import { initialUipi, type UipiState } from '../model/state.ts';
import { act, step as uipiStep } from '../model/step.ts';
import { nextUndoClui } from '../model/undoClui.ts';
import type { UipiStepContext } from '../properties/context.ts';
import { initialCredit, initialOwed, nextCredit, nextOwed } from '../properties/ghost.ts';
import type { UipiSelection } from '../properties/selection.ts';

/** The state of a UIPI run between two steps, with what the checker keeps beside it. */
export interface UipiNode {
  readonly sys: UipiState;
  /** The machine under check, owned by this node; undefined for the model alone. */
  readonly m: UipiDevice | undefined;
  readonly shadow: UipiState | undefined;
  readonly owed: readonly bigint[];
  readonly credit: readonly number[];
  readonly undo: readonly boolean[];
}

/**
 * The judge of `impl` (undefined: the model alone) by `sel`. With `enabledOnly`, the caller steps
 * only events the model enables (the explorer, its drains): the model alone then skips the guards
 * `enabled` already checked. The step's context is refilled for every step (read it before the
 * next one).
 */
export function uipiJudge(
  cfg: UipiConfig,
  impl: UipiImpl | undefined,
  sel: UipiSelection,
  enabledOnly: boolean,
): StepJudge<UipiNode, UipiEvent, UipiStepContext> {
  const refine = impl !== undefined && sel.step.some((p) => p.kind === 'refinement');
  const judgesRejected = sel.step.filter((p) => p.judgesRejected);
  const ctx: { -readonly [K in keyof UipiStepContext]: UipiStepContext[K] } = {
    cfg,
    index: 0,
    event: { type: 'Clui', receiver: 0 },
    accepted: false,
    before: initialUipi(cfg),
    after: initialUipi(cfg),
    owedBefore: [],
    owedAfter: [],
    creditBefore: [],
    expected: undefined,
  };
  return {
    initial() {
      const m = impl?.create(cfg);
      return {
        sys: m === undefined ? initialUipi(cfg) : m.abs(),
        m,
        shadow: refine ? initialUipi(cfg) : undefined,
        owed: initialOwed(cfg),
        credit: initialCredit(cfg),
        undo: Array.from({ length: cfg.receivers }, () => false),
      };
    },
    step(n: UipiNode, e: UipiEvent, index: number, own: Ownership) {
      const m = n.m === undefined || own !== 'copy' ? n.m : n.m.copy();
      const before = n.sys;
      let accepted: boolean;
      let after: UipiState;
      if (m !== undefined) {
        accepted = m.apply(e);
        after = accepted ? m.abs() : before;
      } else if (enabledOnly) {
        accepted = true;
        after = act(cfg, before, e);
      } else {
        const r = uipiStep(cfg, before, e);
        accepted = r.kind === 'accepted';
        after = r.kind === 'accepted' ? r.state : before;
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
      const violations = failures(accepted ? sel.step : judgesRejected, ctx, index);
      if (violations !== undefined) return { node: n, detail: ctx, violations };
      if (!accepted) {
        const node = shadow === n.shadow ? n : { ...n, shadow }; // the machine changed nothing
        return { node, detail: ctx, violations: undefined };
      }
      const credit = nextCredit(cfg, n.credit, e, before, after);
      const node: UipiNode = {
        sys: after,
        m,
        shadow,
        owed: owedAfter,
        credit,
        undo: nextUndoClui(n.undo, e),
      };
      return { node, detail: ctx, violations: undefined };
    },
  };
}
