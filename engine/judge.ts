/**
 * The one step judge's shape, shared by every protocol. A protocol's judge takes one event from a
 * node (the subject's state, the models stepped beside it, the ghost data) and decides whether
 * the step is correct: it evaluates the selected properties, advances the ghost and handles a
 * step that ends the run (a stall, an abort, an undefined outcome). Storm runs, the explorer,
 * replay and DUT conformance all step through it, so the code that decides soundness exists once
 * per protocol.
 */
import type { Violation } from './property.ts';

/**
 * What the judge may do with the node it steps from:
 * - `own`: the caller owns the node and everything in it and never uses it again (a storm run,
 *   a replay): step the subject and the ghost in place;
 * - `lastUse`: the node is never used again but its ghost may be shared with sibling nodes (the
 *   explorer's last successor of a node): step the subject in place, copy the ghost on change;
 * - `copy`: the node stays in use (the explorer's other successors): copy what changes.
 */
export type Ownership = 'own' | 'lastUse' | 'copy';

/** One judged step: the successor, what the step did (for records and traces), and what failed. */
export interface Judged<N, D> {
  readonly node: N;
  /** The protocol's record of the step (the property context it was judged on). */
  readonly detail: D;
  /** The selected properties that fail on this step, in registry order; undefined when none does. */
  readonly violations: readonly Violation[] | undefined;
}

export interface StepJudge<N, E, D> {
  /** The node at reset (after start-up). */
  initial(): N;
  /** Takes `e` from `n` as step `index` and judges it (see {@link Ownership}). */
  step(n: N, e: E, index: number, own: Ownership): Judged<N, D>;
}

/** Collects the messages of `checks` that fail into violations of step `index` (undefined when none does). */
export function failures<C>(
  properties: readonly { readonly id: string; readonly check: (ctx: C) => string | null }[],
  ctx: C,
  index: number,
  into?: Violation[],
): Violation[] | undefined {
  let found = into;
  for (const p of properties) {
    const message = p.check(ctx);
    if (message === null) continue;
    found ??= [];
    found.push({ property: p.id, step: index, message });
  }
  return found;
}
