/**
 * Copies of the checker's ghost data for branching (each explored node owns its ghost; a step
 * that changes it works on a copy). Hand-written rather than the generic snapshot: the ghosts
 * are small fixed shapes and are copied on most transitions.
 */
import type { MutableControllerGhost } from '../../protocols/controller/properties/ghost.ts';
import type { MutableWakeupGhost } from '../../protocols/wakeup/properties/ghost.ts';

/** A copy of the controller ghost `g` (custody maps copied, so the copy can be advanced alone). */
export function copyControllerGhost(g: MutableControllerGhost): MutableControllerGhost {
  const custody = g.custody.slice();
  for (let p = 0; p < custody.length; p++) {
    const m = custody[p];
    if (m !== undefined) custody[p] = new Map(m);
  }
  return {
    custody,
    outstanding: g.outstanding,
    errorSinceRead: g.errorSinceRead,
    errorFirstStep: g.errorFirstStep.slice(),
  };
}

/** A copy of the wakeup ghost `g`. */
export function copyWakeupGhost(g: MutableWakeupGhost): MutableWakeupGhost {
  return {
    undelivered: g.undelivered.map((q) => q.slice()),
    interrupts: g.interrupts.slice(),
    overflowed: g.overflowed.slice(),
    wokenNotRun: new Map(g.wokenNotRun),
  };
}
