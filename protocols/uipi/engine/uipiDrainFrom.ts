/**
 * The leads-to check of the UIPI protocol from one explored state (`uipiEventuallyDelivered`, and
 * `uipiWaitWakes` and UL4 `uipiTimerRearms`, read as "from every reachable state, the drain
 * reaches the goal"): the drain `cfg.drain` names (protocols/uipi/model/drain.ts, the policy a storm's drain uses) is run
 * from the node, every drain step judged like any other step, and the liveness properties judged
 * where it ends. Nothing of the node is changed (its first step copies it; later steps step the
 * drain's own copy in place). With a {@link DrainMemo}, a drain reaching a position an earlier
 * successful drain went through stops there with the same (successful) verdict: the drain is
 * deterministic, and its position is the node key (abstract state, machine, the ghost the
 * verdicts read) with the policy's own state (its copy of the undo-CLUI flags, whether the timer
 * handler was served, which receivers the fair drain took into the kernel).
 */

import type { DrainMemo } from '../../../engine/explore/drainMemo.ts';
import type { Transition } from '../../../engine/explore/stateSpace.ts';
import type { Ownership } from '../../../engine/judge.ts';
import type { Violation } from '../../../engine/property.ts';
import type { UipiConfig } from '../model/config.ts';
import { drainUipi, type UipiDrainPolicy, type UipiDrainSubject } from '../model/drain.ts';
import type { UipiEvent } from '../model/events.ts';
import type { UipiLivenessContext, UipiLivenessProperty } from '../properties/context.ts';
import type { UipiNode } from './uipiJudge.ts';

/** One judged step from a node (uipiSpace's transition). */
export type UipiNodeStep = (
  n: UipiNode,
  e: UipiEvent,
  index: number,
  /** The drain's first step copies the node; later ones step the drain's own copy (ghosts copied on change). */
  own: Ownership,
) => Transition<UipiNode> & { readonly accepted?: boolean };

/** The memo of earlier successful drains, and the key of a drain position. */
export interface UipiDrainMemo {
  readonly drains: DrainMemo;
  /** The id of a drain position (its key numbered by the memo: DrainMemo.idOfUnits, for DrainMemo.visitAt). */
  position(n: UipiNode, policy: UipiDrainPolicy): number;
}

/**
 * The leads-to check: a function from a node to null when the drain from it reaches its goal,
 * else the violations (on a drain step, or at its end). One drain subject serves every call.
 */
export function uipiDrainFrom(
  cfg: UipiConfig,
  liveness: readonly UipiLivenessProperty[],
  enabled: (n: UipiNode) => readonly UipiEvent[],
  stepNode: UipiNodeStep,
  memo?: UipiDrainMemo,
): (start: UipiNode) => readonly Violation[] | null {
  let start: UipiNode | undefined;
  let n: UipiNode | undefined;
  let index = 0;
  let failed: readonly Violation[] | null = null;
  const node = (): UipiNode => {
    if (n === undefined) throw new Error('uipiDrainFrom: no drain in progress');
    return n;
  };
  const subject: UipiDrainSubject = {
    state: () => node().sys,
    enabled: () => enabled(node()),
    apply: (e) => {
      if (failed !== null) return false;
      const from = node();
      const t = stepNode(from, e, index, from === start ? 'copy' : 'lastUse');
      index++;
      if (t.kind === 'violation') {
        failed = t.violations;
        return false;
      }
      n = t.node;
      return t.accepted === true;
    },
    ...(memo === undefined
      ? {}
      : {
          at: (policy: UipiDrainPolicy, steps: number) =>
            memo.drains.visitAt(memo.position(node(), policy), steps, cfg.drainBound),
        }),
  };
  return (from) => {
    start = from;
    n = from;
    index = 0;
    failed = null;
    memo?.drains.begin();
    const drain = drainUipi(cfg, subject, from.undo);
    const end = node();
    start = undefined;
    n = undefined;
    if (failed !== null) return failed;
    if (memo?.drains.cut === true) {
      memo.drains.succeeded(drain.steps);
      return null;
    }
    const ctx: UipiLivenessContext = {
      cfg,
      index: Math.max(0, index - 1),
      state: end.sys,
      drain,
      owed: end.owed,
    };
    const out: Violation[] = [];
    for (const p of liveness) {
      const message = p.check(ctx);
      if (message !== null) out.push({ property: p.id, step: ctx.index, message });
    }
    if (out.length > 0) return out;
    memo?.drains.succeeded(drain.steps);
    return null;
  };
}
