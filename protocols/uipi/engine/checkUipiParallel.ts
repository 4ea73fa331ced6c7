/**
 * {@link checkUipi} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be the UIPI reference or a UIPI mutant (workers
 * look it up by name); shrinking's last pass and the recorded rerun happen in this thread.
 */

import { jobCommon, runJob } from '../../../engine/check/parallel/batchCheck.ts';
import { uipiImplNamed } from '../../../engine/check/parallel/batchJob.ts';
import { rangeOf } from '../../../engine/check/seededRuns.ts';
import { checkUipi, type UipiCheckOptions, type UipiCheckResult, uipiResult } from './checkUipi.ts';

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkUipiParallel(o: UipiCheckOptions, workers: number): Promise<UipiCheckResult> {
  if (workers <= 1) return checkUipi(o);
  const job = { protocol: 'uipi', cfg: o.cfg, ...jobCommon(o, uipiImplNamed) } as const;
  return uipiResult(o, await runJob(job, rangeOf(o), o, workers));
}
