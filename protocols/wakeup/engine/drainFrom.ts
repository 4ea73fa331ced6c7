/**
 * The leads-to check of the wakeup protocol from one explored state (spec/controller.md §6
 * `noLostWakeupEventually`, read as "from every reachable state, the fair drain reaches the
 * goal"): the §6 drain (protocols/wakeup/model/drain.ts, the same round-robin policy a storm's drain uses)
 * is run from the node, every drain step judged like any other step, and the liveness properties
 * judged where it ends. Nothing of the node is changed (its first step copies it; later steps
 * step the drain's own copy in place). With a {@link DrainMemo}, a drain reaching a position an
 * earlier successful drain went through stops there with the same (successful) verdict.
 */

import { DrainMemo } from '../../../engine/explore/drainMemo.ts';
import type { StepJudge } from '../../../engine/judge.ts';
import type { Violation } from '../../../engine/property.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { type DrainApplied, drainSubject } from '../model/drain.ts';
import type { SystemEvent } from '../model/events.ts';
import type { WakeupLivenessContext } from '../properties/context.ts';
import type { WakeupSelection } from '../properties/selection.ts';
import type { WakeupJudgedStep, WakeupNode } from './wakeupJudge.ts';

const NOT_APPLIED: DrainApplied = Object.freeze({ kind: 'rejected' });

/** null when the drain from `start` reaches its goal; else the violations (on a drain step, or at its end). */
export function drainFrom(
  cfg: Config,
  sel: WakeupSelection,
  start: WakeupNode,
  judge: StepJudge<WakeupNode, SystemEvent, WakeupJudgedStep>,
  /** The memo of earlier successful drains, and the node key it is keyed by. */
  memo?: { readonly drains: DrainMemo; readonly key: (n: WakeupNode) => string },
): readonly Violation[] | null {
  let n = start;
  let index = 0;
  let failed: readonly Violation[] | null = null;
  memo?.drains.begin();
  const drain = drainSubject(cfg, {
    state: () => n.sys,
    apply: (e) => {
      if (failed !== null) return NOT_APPLIED;
      // The drain's first step copies the node; later ones step the drain's own copy in place
      // (its ghost may still be shared with explored nodes: copied on change).
      const t = judge.step(n, e, index, n === start ? 'copy' : 'lastUse');
      if (t.violations !== undefined) {
        failed = t.violations;
        return NOT_APPLIED;
      }
      const o = t.detail.ctx.outcome;
      if (o.kind === 'rejected') return NOT_APPLIED;
      index++;
      n = t.node;
      return { kind: 'accepted', obs: o.obs };
    },
    ...(memo === undefined
      ? {}
      : {
          at: (turn: number, sawEmpty: readonly boolean[], stalled: number, steps: number) =>
            memo.drains.visit(
              DrainMemo.position(memo.key(n), turn, sawEmpty, stalled),
              steps,
              cfg.drainBound,
            ),
        }),
  });
  if (failed !== null) return failed;
  if (memo?.drains.cut === true) {
    memo.drains.succeeded(drain.steps);
    return null;
  }
  const ctx: WakeupLivenessContext = {
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
  memo?.drains.succeeded(drain.steps);
  return null;
}
