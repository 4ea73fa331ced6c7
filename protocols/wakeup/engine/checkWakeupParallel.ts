/**
 * {@link checkWakeup} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be a registered one or a wakeup mutant (workers
 * look it up by name); shrinking's last pass and the recorded rerun happen in this thread.
 * {@link wakeupWorkerRuns} is the worker's side (the descriptor's `workerRuns`).
 */

import { jobCommon, runJob } from '../../../engine/check/parallel/batchCheck.ts';
import { jobImpl, jobRunOptions, type WorkerJob } from '../../../engine/check/parallel/workerJob.ts';
import { type RangeOutcome, type RunRange, seededRuns } from '../../../engine/check/seededRuns.ts';
import type { Coverage } from '../../../engine/coverage/coverage.ts';
import { findControllerImpl } from '../../controller/designs/registry.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { SystemEvent } from '../model/events.ts';
import { findWakeupMutant } from '../mutants/wakeupMutants.ts';
import {
  checkWakeup,
  type WakeupCheckOptions,
  type WakeupCheckResult,
  wakeupRange,
  wakeupResult,
  wakeupRuns,
} from './checkWakeup.ts';
import type { WakeupStormKind } from './wakeupStorm.ts';

/** A wakeup check as a worker receives it (the configuration as given: the worker restricts it). */
interface WakeupJob extends WorkerJob {
  readonly protocol: 'wakeup';
  readonly cfg: Config;
  readonly storm?: WakeupStormKind;
  readonly drain?: boolean;
}

const isWakeupJob = (job: WorkerJob): job is WakeupJob => job.protocol === 'wakeup';

/** The implementation a wakeup job names: a wakeup mutant first, then the controller registry. */
const wakeupImplNamed = (name: string) => findWakeupMutant(name) ?? findControllerImpl(name);

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkWakeupParallel(
  o: WakeupCheckOptions,
  workers: number,
): Promise<WakeupCheckResult> {
  if (workers <= 1) return checkWakeup(o);
  const job: WakeupJob = {
    protocol: 'wakeup',
    cfg: o.cfg,
    ...jobCommon(o, wakeupImplNamed),
    ...(o.storm ? { storm: o.storm } : {}),
    ...(o.drain !== undefined ? { drain: o.drain } : {}),
  };
  return wakeupResult(o, await runJob<readonly SystemEvent[]>(job, wakeupRange(o), o, workers));
}

/** The worker's side: `range` of the wakeup `job`, counted into `coverage` when given. */
export function wakeupWorkerRuns(
  job: WorkerJob,
  range: RunRange,
  onRun?: (done: number) => void,
  coverage?: Coverage,
): RangeOutcome<unknown> {
  if (!isWakeupJob(job)) throw new Error(`wakeup worker: a ${job.protocol} job`);
  return seededRuns(
    wakeupRuns({
      ...jobRunOptions(job, onRun),
      range,
      cfg: job.cfg,
      impl: jobImpl(job.impl, wakeupImplNamed),
      ...(job.storm ? { storm: job.storm } : {}),
      ...(job.drain !== undefined ? { drain: job.drain } : {}),
      ...(coverage ? { coverage } : {}),
    }),
  );
}
