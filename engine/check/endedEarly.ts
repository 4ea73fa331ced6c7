/**
 * Runs that ended before their last event because the design stopped (spec/controller.md §7: a
 * stall, an abort, or an undefined outcome), counted by how: such a run was judged only up to
 * that step, so a check, a kill hunt or a conformance run says how many it had instead of passing
 * them silently.
 */

/** How a run ended early: the design's outcome at its last step. */
export type EndReason = 'stall' | 'abort' | 'undefined';

/** What every run of a check tells its seeded-run driver: held to the end, failed, or ended early (and why). */
export type RunHeld = boolean | EndReason;

export interface EndedEarly {
  readonly runs: number;
  readonly stall: number;
  readonly abort: number;
  readonly undefined: number;
}

/** No run ended early. */
export const NONE_ENDED: EndedEarly = Object.freeze({ runs: 0, stall: 0, abort: 0, undefined: 0 });

/** `a` and `b` added up. */
export function addEnded(a: EndedEarly, b: EndedEarly): EndedEarly {
  if (b.runs === 0) return a;
  if (a.runs === 0) return b;
  return {
    runs: a.runs + b.runs,
    stall: a.stall + b.stall,
    abort: a.abort + b.abort,
    undefined: a.undefined + b.undefined,
  };
}

/** `e` with one more run that ended by `reason`. */
export function endedOnce(e: EndedEarly, reason: EndReason): EndedEarly {
  return { ...e, runs: e.runs + 1, [reason]: e[reason] + 1 };
}

/** "N of M storms ended early: K abort, J stall" (empty when none did). */
export function endedEarlyText(e: EndedEarly, runs: number, noun: string): string {
  if (e.runs === 0) return '';
  const parts = (['abort', 'undefined', 'stall'] as const).filter((k) => e[k] > 0).map((k) => `${e[k]} ${k}`);
  return `${e.runs} of ${runs} ${noun} ended early: ${parts.join(', ')}`;
}
