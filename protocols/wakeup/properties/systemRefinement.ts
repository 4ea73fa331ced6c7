/**
 * systemRefinement (spec/controller.md §6 "what a property is evaluated on"): when an executable
 * runtime over an implementation is checked against the system model, every event is accepted or
 * rejected alike, an accepted one performs the same access with the same observation, and abs()
 * after it equals the model's state. The system-level counterpart of the controller's
 * `refinement`; only the reference design and its mutants are held to it (§7).
 */

import { outcomeDiffs, sameOutcome, sameSystemGiven, stateDiffs } from '../engine/systemDiff.ts';
import type { SystemState } from '../model/state.ts';
import type { WakeupStepProperty } from './context.ts';
import { describeEvent } from './words.ts';

const SHOWN = 4;

/**
 * The last (model, implementation) pair of states found equal. States are never modified, so the
 * pair stays equal; comparing the next pair given it looks only at what changed since.
 */
let knownModel: SystemState | undefined;
let knownImpl: SystemState | undefined;

/** Whether the model's state `e` and the implementation's `a` are the same (remembering the pair when they are). */
function sameAsModel(e: SystemState, a: SystemState): boolean {
  // With no pair known yet, (e, e) serves: a state is trivially the same as itself.
  const same = sameSystemGiven(e, a, knownModel ?? e, knownImpl ?? e);
  if (same) {
    knownModel = e;
    knownImpl = a;
  }
  return same;
}

export const systemRefinement: WakeupStepProperty = {
  id: 'systemRefinement',
  protocol: 'wakeup',
  kind: 'refinement',
  on: 'wakeupStep',
  judgesRejected: true,
  spec: 'controller.md §6',
  description:
    'The runtime over an implementation accepts, accesses, observes and abstracts every step exactly as the system model does.',
  check(ctx) {
    const { expected } = ctx;
    if (expected === undefined) return null;
    if (sameOutcome(expected.outcome, ctx.outcome) && sameAsModel(expected.state, ctx.after)) return null;
    const diffs = outcomeDiffs(expected.outcome, ctx.outcome);
    if (diffs.length === 0 && sameAsModel(expected.state, ctx.after)) return null;
    if (diffs.length === 0) diffs.push(...stateDiffs(ctx.cfg, expected.state, ctx.after));
    const shown = diffs.slice(0, SHOWN);
    if (diffs.length > SHOWN) shown.push(`and ${diffs.length - SHOWN} more`);
    return `${describeEvent(ctx.event)} departs from the system model: ${shown.join('; ')}`;
  },
};
