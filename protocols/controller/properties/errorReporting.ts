/**
 * errorReporting (spec/controller.md §4.3, §5, §6): each error bit is set in exactly the steps §5
 * names, such a step changes nothing else (a wrong read returns 0), no step clears a bit but a
 * read of ERROR, and that read returns every bit set since the previous read.
 */

import { ERR, errorBitNames } from '../model/registers.ts';
import { changedCells, formatObservation } from '../model/stateCells.ts';
import type { ControllerStepContext, ControllerStepProperty } from './context.ts';
import { describeStep } from './explain.ts';
import { ERROR_BITS } from './ghost.ts';
import { sameExceptError } from './measures.ts';
import { stepRequiredErrors } from './requiredErrors.ts';

/** The bits of `bits` with the step since which each was owed: "BAD_ACCESS (step 3)". */
function owed(ctx: ControllerStepContext, bits: number): string {
  const parts: string[] = [];
  ERROR_BITS.forEach((bit, i) => {
    if ((bits & bit) === 0) return;
    const at = ctx.ghost.errorFirstStep[i] ?? -1;
    parts.push(at >= 0 ? `${errorBitNames(bit)} (required at step ${at})` : errorBitNames(bit));
  });
  return parts.join(', ');
}

/** A read of a per-process register (ControllerState.errorOf): p's bits since p's last read, and p's register cleared. */
function checkReadOf(ctx: ControllerStepContext, p: number, of: readonly number[]): string | null {
  const { obs, ghost } = ctx;
  const want = ghost.errorSinceReadOf[p] ?? 0;
  if (obs.kind !== 'value' || obs.value !== BigInt(want)) {
    const got = obs.kind === 'value' ? errorBitNames(Number(obs.value & 0xfn)) : formatObservation(obs);
    return `${describeStep(ctx)} returned ${got}, but the bits set in process ${p}'s register since its previous read are ${errorBitNames(want)}`;
  }
  const left = of[p] ?? 0;
  if (left !== 0) return `${describeStep(ctx)} left ${errorBitNames(left)} set (a read of ERROR clears it)`;
  return null;
}

function checkRead(ctx: ControllerStepContext): string | null {
  const { obs, after, ghost, op } = ctx;
  if (after.errorOf !== undefined && op.type === 'ErrorRead') return checkReadOf(ctx, op.p, after.errorOf);
  const want = ghost.errorSinceRead;
  if (obs.kind !== 'value' || obs.value !== BigInt(want)) {
    const got = obs.kind === 'value' ? errorBitNames(Number(obs.value & 0xfn)) : formatObservation(obs);
    const extra = obs.kind === 'value' && obs.value > 0xfn ? ` (raw ${formatObservation(obs)})` : '';
    return `${describeStep(ctx)} returned ${got}${extra}, but the bits set since the previous read are ${want === 0 ? 'none' : owed(ctx, want)}`;
  }
  if (after.error !== 0)
    return `${describeStep(ctx)} left ${errorBitNames(after.error)} set (a read of ERROR clears it)`;
  return null;
}

export const errorReporting: ControllerStepProperty = {
  id: 'errorReporting',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: false,
  spec: 'controller.md §4.3, §5, §6',
  description:
    'Each error bit is set in exactly the steps §5 names, and a read of ERROR returns every bit set since the previous read.',
  check(ctx) {
    const { cfg, op, obs, before, after } = ctx;
    if (op.type === 'ErrorRead') return checkRead(ctx);
    const req = stepRequiredErrors(ctx);
    // A design-only step may set bits of its own (none is named by §5), but clears none.
    const own = op.type === 'DesignOnly' ? after.error & ~before.error : 0;
    const want = before.error | req.bits | own;
    if (after.error !== want) {
      const missing = want & ~after.error;
      const extra = after.error & ~want;
      if ((missing & req.bits) !== 0)
        return `${describeStep(ctx)} did not set ${errorBitNames(missing & req.bits)} (${req.why})`;
      if (missing !== 0)
        return `${describeStep(ctx)} cleared ${errorBitNames(missing)} without a read of ERROR`;
      return `${describeStep(ctx)} set ${errorBitNames(extra)}, which §5 does not call for in this step`;
    }
    if (req.bits === 0) return null;
    if (op.type === 'BadAccess' && op.access === 'read' && (obs.kind !== 'value' || obs.value !== 0n)) {
      return `${describeStep(ctx)} returned ${formatObservation(obs)} (a wrong read returns 0)`;
    }
    if (sameExceptError(before, after)) return null;
    const cells = changedCells(cfg, before, after).filter(([name]) => name !== 'error');
    const shown = cells.slice(0, 3).map(([name, was, now]) => `${name}: ${was} → ${now}`);
    const more = cells.length > 3 ? ` and ${cells.length - 3} more` : '';
    const kind = req.bits === ERR.BAD_ACCESS ? 'a wrong access' : 'a refused or lost step';
    return `${describeStep(ctx)} set ${errorBitNames(req.bits)} but also changed ${shown.join('; ')}${more} (${kind} changes nothing else)`;
  },
};
