/**
 * refinement (spec/controller.md §6): when an implementation is checked against the reference
 * model, its observation and its abstract state after every step equal the model's. The only
 * property that consults the model; an external design (DUT) is judged by this one alone.
 */

import type { ControllerState } from '../model/state.ts';
import { changedCells, formatObservation } from '../model/stateCells.ts';
import type { ControllerStepProperty } from './context.ts';
import { describeOp } from './explain.ts';
import { sameState, sameStateGiven } from './measures.ts';

const SHOWN = 4;

/**
 * The last (model, implementation) pair of states found equal, from any run: states are never
 * modified, so the next comparison only looks into what differs from this pair (the model and
 * the reference device share every unchanged part of a state with the state before it).
 */
let knownModel: ControllerState | undefined;
let knownImpl: ControllerState | undefined;

/** Whether the implementation's state equals the model's, remembering the pair when it does. */
function sameAsModel(model: ControllerState, impl: ControllerState): boolean {
  const same =
    knownModel === undefined || knownImpl === undefined
      ? sameState(model, impl)
      : sameStateGiven(model, impl, knownModel, knownImpl);
  if (same) {
    knownModel = model;
    knownImpl = impl;
  }
  return same;
}

export const refinement: ControllerStepProperty = {
  id: 'refinement',
  protocol: 'controller',
  kind: 'refinement',
  on: 'controllerStep',
  judgesIncomplete: true,
  spec: 'controller.md §6',
  description:
    "The implementation's observation and abstract state equal the reference model's after every step.",
  check(ctx) {
    const { expected, obs, after } = ctx;
    if (expected === undefined) return null;
    const e = expected.obs;
    const sameObs =
      e.kind === obs.kind && (e.kind !== 'value' || (obs.kind === 'value' && e.value === obs.value));
    if (sameObs && sameAsModel(expected.state, after)) return null;
    const diffs: string[] = [];
    if (!sameObs) diffs.push(`returned: expected ${formatObservation(e)}, actual ${formatObservation(obs)}`);
    const cells = changedCells(ctx.cfg, expected.state, after);
    for (const [name, exp, act] of cells.slice(0, SHOWN))
      diffs.push(`${name}: expected ${exp}, actual ${act}`);
    if (cells.length > SHOWN) diffs.push(`and ${cells.length - SHOWN} more cells`);
    return `${describeOp(ctx.event, ctx.op)} departs from the reference model: ${diffs.join('; ')}`;
  },
};
