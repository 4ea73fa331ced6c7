/**
 * A last shrinking pass over a DUT counterexample, after fast-check's: remove blocks of
 * accesses (halves, then quarters, … down to single accesses, last first) while the run still
 * shows a difference, each candidate replayed through the same DUT process after a reset.
 * Bounded in runs, since every candidate costs a round trip through the design.
 */

import type { Config } from '../../protocols/controller/model/config/config.ts';
import type { DutRunOutcome } from './dutRunOutcome.ts';
import type { DutProcess } from './process/dutProcess.ts';
import type { DutAccess } from './process/requestLine.ts';
import { runOnDut } from './runOnDut.ts';

/** At most this many candidate runs. */
const MAX_RUNS = 300;

type MismatchRun = Extract<DutRunOutcome, { kind: 'mismatch' }>;

/** The smallest counterexample found, and the outcome that stopped the pass early (a protocol failure). */
export interface ShrinkResult {
  readonly accesses: readonly DutAccess[];
  readonly run: MismatchRun;
  readonly candidates: number;
  /** Candidates that still showed a difference (each a successful shrink). */
  readonly shrinks: number;
  readonly stoppedBy?: Extract<DutRunOutcome, { kind: 'failure' | 'refused' }>;
}

/** Shrinks `accesses` (whose run `run` shows a difference) by removing blocks. */
export async function shrinkAccesses(
  dut: DutProcess,
  cfg: Config,
  accesses: readonly DutAccess[],
  run: MismatchRun,
  timeoutMs: number,
): Promise<ShrinkResult> {
  let current = accesses.slice(0, run.mismatch.step + 1);
  let best = run;
  let candidates = 0;
  let shrinks = 0;
  for (let size = Math.max(1, current.length >> 1); size >= 1; size = size === 1 ? 0 : size >> 1) {
    for (let i = current.length - size; i >= 0 && candidates < MAX_RUNS; i--) {
      const candidate = [...current.slice(0, i), ...current.slice(i + size)];
      if (candidate.length === 0) continue;
      candidates++;
      const r = await runOnDut(dut, cfg, candidate, timeoutMs);
      if (r.kind === 'failure' || r.kind === 'refused') {
        return { accesses: current, run: best, candidates, shrinks, stoppedBy: r };
      }
      if (r.kind !== 'mismatch') continue;
      current = candidate.slice(0, r.mismatch.step + 1);
      best = r;
      shrinks++;
      i = Math.min(i, current.length - size + 1);
    }
  }
  return { accesses: current, run: best, candidates, shrinks };
}
