/**
 * A last shrinking pass over a DUT counterexample, after fast-check's: remove blocks of
 * accesses (halves, then quarters, … down to single accesses, last first) while the run still
 * fails the same way (failsLike: any difference for a difference, the same protocol failure at
 * the same kind of request for a crash, a hang or garbage). Each candidate is one attempt on the
 * DUT, which restarts it when the previous candidate left it unusable. Bounded in candidates,
 * since every candidate costs a round trip through the design.
 */

import {
  type DutRunOutcome,
  type FailingRun,
  type FailureSignature,
  failingStep,
  failsLike,
} from './dutRunOutcome.ts';
import type { DutAccess } from './process/requestLine.ts';

/** At most this many candidate runs. */
const MAX_RUNS = 300;

/** One candidate run on the DUT: what it showed, or why the DUT cannot take it (it could not be restarted). */
export type Attempt = (accesses: readonly DutAccess[]) => Promise<DutRunOutcome | string>;

/** The smallest counterexample found, and why the pass stopped early when it did. */
export interface ShrinkResult {
  readonly accesses: readonly DutAccess[];
  readonly run: FailingRun;
  readonly candidates: number;
  /** Candidates that still failed the same way (each a successful shrink). */
  readonly shrinks: number;
  readonly stoppedBy?: string;
}

/** `accesses` up to and including the step at which `run` failed. */
export function cutAt(accesses: readonly DutAccess[], run: FailingRun): DutAccess[] {
  return accesses.slice(0, Math.max(0, failingStep(run) + 1));
}

/** Shrinks `accesses` (whose run `run` failed as `signature` says) by removing blocks. */
export async function shrinkAccesses(
  attempt: Attempt,
  accesses: readonly DutAccess[],
  run: FailingRun,
  signature: FailureSignature,
): Promise<ShrinkResult> {
  let current = cutAt(accesses, run);
  let best = run;
  let candidates = 0;
  let shrinks = 0;
  for (let size = Math.max(1, current.length >> 1); size >= 1; size = size === 1 ? 0 : size >> 1) {
    for (let i = current.length - size; i >= 0 && candidates < MAX_RUNS; i--) {
      const candidate = [...current.slice(0, i), ...current.slice(i + size)];
      if (candidate.length === 0) continue;
      candidates++;
      const r = await attempt(candidate);
      if (typeof r === 'string') return { accesses: current, run: best, candidates, shrinks, stoppedBy: r };
      if (r.kind === 'refused') {
        const stoppedBy = `reset refused: ${r.error}`;
        return { accesses: current, run: best, candidates, shrinks, stoppedBy };
      }
      if (!failsLike(signature, r, candidate)) continue;
      current = cutAt(candidate, r);
      best = r;
      shrinks++;
      i = Math.min(i, current.length - size + 1);
    }
  }
  return { accesses: current, run: best, candidates, shrinks };
}
