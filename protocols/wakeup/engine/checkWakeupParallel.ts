/**
 * {@link checkWakeup} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be a registered one or a wakeup mutant (workers
 * look it up by name); shrinking's last pass and the recorded rerun happen in this thread.
 */

import { jobCommon, runJob } from '../../../engine/check/parallel/batchCheck.ts';
import { wakeupImplNamed } from '../../../engine/check/parallel/batchJob.ts';
import {
  checkWakeup,
  type WakeupCheckOptions,
  type WakeupCheckResult,
  wakeupRange,
  wakeupResult,
} from './checkWakeup.ts';

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkWakeupParallel(
  o: WakeupCheckOptions,
  workers: number,
): Promise<WakeupCheckResult> {
  if (workers <= 1) return checkWakeup(o);
  const job = {
    protocol: 'wakeup',
    cfg: o.cfg,
    ...jobCommon(o, wakeupImplNamed),
    ...(o.storm ? { storm: o.storm } : {}),
    ...(o.drain !== undefined ? { drain: o.drain } : {}),
  } as const;
  return wakeupResult(o, await runJob(job, wakeupRange(o), o, workers));
}
