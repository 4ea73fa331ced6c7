/**
 * The UIPI protocol's step judge (engine/judge.ts): one step of the UIPI model, or of an
 * instruction-level machine checked against the model (uipiRefinement, through absUipi), judged
 * by the selected step properties with the ghost beside it (owed vector masks, send-minus-delivery
 * credits, the undo-CLUI flags the fair drain reads). A step the system rejects is judged only by
 * the properties that judge rejections. Storm runs (runUipi), the explorer (uipiSpace) and its
 * leads-to drains (uipiDrainFrom) step through it.
 */

import { snapshot } from '../../../engine/explore/snapshot.ts';
import { failures, type Ownership, type StepJudge } from '../../../engine/judge.ts';
import { absUipi } from '../designs/reference/absUipi.ts';
import type { UipiImpl } from '../designs/reference/uipiImpl.ts';
import { UipiMachine } from '../designs/reference/uipiMachine.ts';
import type { UipiMutation } from '../designs/reference/uipiMutation.ts';
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
  readonly m: UipiMachine | undefined;
  readonly shadow: UipiState | undefined;
  readonly owed: readonly bigint[];
  readonly credit: readonly number[];
  readonly undo: readonly boolean[];
}

/** The mutation of a UIPI implementation the checker runs as a machine, or null when it is not one. */
export function uipiMachineMutation(impl: UipiImpl): UipiMutation | undefined | null {
  if (impl.name === 'reference') return undefined;
  const m = (impl as { readonly mutation?: unknown }).mutation;
  return typeof m === 'string' ? (m as UipiMutation) : null;
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
  const mutation = impl === undefined ? undefined : uipiMachineMutation(impl);
  if (mutation === null)
    throw new Error(
      `UIPI implementation "${impl?.name}" is not an instruction-level machine the checker can run`,
    );
  const shared: ReadonlySet<object> = new Set<object>([cfg]);
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
    step(n: UipiNode, e: UipiEvent, index: number, own: Ownership) {
      const m = n.m === undefined || own !== 'copy' ? n.m : snapshot(n.m, { objects: shared });
      const before = n.sys;
      let accepted: boolean;
      let after: UipiState;
      if (m !== undefined) {
        accepted = m.apply(e);
        after = accepted ? absUipi(m) : before;
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
