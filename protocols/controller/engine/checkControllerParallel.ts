/**
 * {@link checkController} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be a registered one (workers look it up by name).
 */

import { jobCommon, runJob } from '../../../engine/check/parallel/batchCheck.ts';
import { rangeOf } from '../../../engine/check/seededRuns.ts';
import { findControllerImpl } from '../designs/registry.ts';
import { type CheckOptions, type CheckResult, checkController, controllerResult } from './checkController.ts';

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkControllerParallel(o: CheckOptions, workers: number): Promise<CheckResult> {
  if (workers <= 1) return checkController(o);
  const job = {
    protocol: 'controller',
    cfg: o.cfg,
    ...jobCommon(o, findControllerImpl),
    ...(o.profile === undefined ? {} : { profile: o.profile }),
  } as const;
  return controllerResult(o, await runJob(job, rangeOf(o), o, workers));
}
