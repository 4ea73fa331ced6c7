/**
 * {@link checkUipi} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be a UIPI design or a UIPI mutant (workers look it
 * up by name); shrinking's last pass and the recorded rerun happen in this thread.
 * {@link uipiWorkerRuns} is the worker's side (the descriptor's `workerRuns`).
 */

import { jobCommon, runJob } from '../../../engine/check/parallel/batchCheck.ts';
import { jobImpl, jobRunOptions, type WorkerJob } from '../../../engine/check/parallel/workerJob.ts';
import { type RangeOutcome, type RunRange, rangeOf, seededRuns } from '../../../engine/check/seededRuns.ts';
import type { Coverage } from '../../../engine/coverage/coverage.ts';
import { findUipiImpl } from '../designs/registry.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import { checkUipi, type UipiCheckOptions, type UipiCheckResult, uipiResult, uipiRuns } from './checkUipi.ts';

/** A UIPI check as a worker receives it (its own configuration). */
interface UipiJob extends WorkerJob {
  readonly protocol: 'uipi';
  readonly cfg: UipiConfig;
}

const isUipiJob = (job: WorkerJob): job is UipiJob => job.protocol === 'uipi';

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkUipiParallel(o: UipiCheckOptions, workers: number): Promise<UipiCheckResult> {
  if (workers <= 1) return checkUipi(o);
  const job: UipiJob = { protocol: 'uipi', cfg: o.cfg, ...jobCommon(o, findUipiImpl) };
  return uipiResult(o, await runJob<readonly UipiEvent[]>(job, rangeOf(o), o, workers));
}

/** The worker's side: `range` of the UIPI `job`, counted into `coverage` when given. */
export function uipiWorkerRuns(
  job: WorkerJob,
  range: RunRange,
  onRun?: (done: number) => void,
  coverage?: Coverage,
): RangeOutcome<unknown> {
  if (!isUipiJob(job)) throw new Error(`uipi worker: a ${job.protocol} job`);
  return seededRuns(
    uipiRuns({
      ...jobRunOptions(job, onRun),
      range,
      cfg: job.cfg,
      impl: jobImpl(job.impl, findUipiImpl),
      ...(coverage ? { coverage } : {}),
    }),
  );
}
