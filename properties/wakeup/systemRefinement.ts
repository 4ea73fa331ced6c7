/**
 * systemRefinement (spec/controller.md §6 "what a property is evaluated on"): when an executable
 * runtime over an implementation is checked against the system model, every event is accepted or
 * rejected alike, an accepted one performs the same access with the same observation, and abs()
 * after it equals the model's state. The system-level counterpart of the controller's
 * `refinement`; only the reference design and its mutants are held to it (§7).
 */
import type { WakeupStepProperty } from './context.ts';
import { outcomeDiffs, sameSystem, stateDiffs } from './systemDiff.ts';
import { describeEvent } from './words.ts';

const SHOWN = 4;

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
    const diffs = outcomeDiffs(expected.outcome, ctx.outcome);
    if (diffs.length === 0 && sameSystem(expected.state, ctx.after)) return null;
    if (diffs.length === 0) diffs.push(...stateDiffs(ctx.cfg, expected.state, ctx.after));
    const shown = diffs.slice(0, SHOWN);
    if (diffs.length > SHOWN) shown.push(`and ${diffs.length - SHOWN} more`);
    return `${describeEvent(ctx.event)} departs from the system model: ${shown.join('; ')}`;
  },
};
