/**
 * The controller half of every step judge: the controller-step properties evaluated on one
 * access (a controller storm step, or the access a wakeup or syscall step performed), and the
 * ghost advanced past it. An access that ended the run (a stall, an abort, an undefined outcome)
 * has no effect to judge, so only the properties about the observation itself judge it
 * (`judgesIncomplete`), and the ghost does not move.
 */
import type { Ownership } from '../../../engine/judge.ts';
import type { Violation } from '../../../engine/property.ts';
import type { ControllerImpl } from '../designs/device.ts';
import { decodeFor } from '../designs/drive.ts';
import type { Config } from '../model/config/config.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { Observation } from '../model/result.ts';
import { endsRun } from '../model/result.ts';
import type { ControllerState } from '../model/state.ts';
import type { ControllerStepContext, ControllerStepProperty, Prediction } from '../properties/context.ts';
import { advanceGhost, copyControllerGhost, type MutableControllerGhost } from '../properties/ghost.ts';
import { changesControllerGhost } from './changesControllerGhost.ts';

/** The selected properties failing on the access `ctx`, appended to `into` (undefined when none fails and `into` is undefined). */
export function accessFailures(
  properties: readonly ControllerStepProperty[],
  ctx: ControllerStepContext,
  into?: Violation[],
): Violation[] | undefined {
  const ended = endsRun(ctx.obs);
  let found = into;
  for (const p of properties) {
    if (ended && !p.judgesIncomplete) continue;
    const message = p.check(ctx);
    if (message === null) continue;
    found ??= [];
    found.push({ property: p.id, step: ctx.index, message });
  }
  return found;
}

/** The ghost after the correct access `ctx` (the same object when it does not change, or when owned). */
export function ghostAfter(
  ghost: MutableControllerGhost,
  ctx: ControllerStepContext,
  own: Ownership,
): MutableControllerGhost {
  if (endsRun(ctx.obs)) return ghost;
  if (own === 'own') {
    advanceGhost(ghost, ctx);
    return ghost;
  }
  if (!changesControllerGhost(ctx)) return ghost;
  const next = copyControllerGhost(ghost);
  advanceGhost(next, ctx);
  return next;
}

/**
 * The access a system step performed (a wakeup or syscall step), as the controller-step
 * properties see it: the controller part of the system state before and after, and the
 * controller model's prediction for the access when the controller's refinement is judged.
 */
export function accessContext(
  cfg: Config,
  impl: ControllerImpl | undefined,
  index: number,
  event: ControllerEvent,
  obs: Observation,
  states: { readonly before: ControllerState; readonly after: ControllerState },
  expected: Prediction | undefined,
  ghost: MutableControllerGhost,
): ControllerStepContext {
  const { before, after } = states;
  return { cfg, index, event, op: decodeFor(impl, cfg, event), before, after, obs, expected, ghost };
}
