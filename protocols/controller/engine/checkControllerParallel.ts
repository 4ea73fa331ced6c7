/**
 * {@link checkController} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be a registered one (workers look it up by name);
 * {@link controllerWorkerRuns} is the worker's side (the descriptor's `workerRuns`).
 */

import { jobCommon, runJob } from '../../../engine/check/parallel/batchCheck.ts';
import { jobImpl, jobRunOptions, type WorkerJob } from '../../../engine/check/parallel/workerJob.ts';
import { type RangeOutcome, type RunRange, rangeOf, seededRuns } from '../../../engine/check/seededRuns.ts';
import type { Coverage } from '../../../engine/coverage/coverage.ts';
import { findControllerImpl } from '../designs/registry.ts';
import type { Config } from '../model/config/config.ts';
import type { ControllerEvent } from '../model/events.ts';
import {
  type CheckOptions,
  type CheckResult,
  checkController,
  controllerResult,
  controllerRuns,
} from './checkController.ts';

/** A controller check as a worker receives it. */
interface ControllerJob extends WorkerJob {
  readonly protocol: 'controller';
  readonly cfg: Config;
  /** The implementation's storm profile (`--profile`), by name. */
  readonly profile?: string;
}

const isControllerJob = (job: WorkerJob): job is ControllerJob => job.protocol === 'controller';

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkControllerParallel(o: CheckOptions, workers: number): Promise<CheckResult> {
  if (workers <= 1) return checkController(o);
  const job: ControllerJob = {
    protocol: 'controller',
    cfg: o.cfg,
    ...jobCommon(o, findControllerImpl),
    ...(o.profile === undefined ? {} : { profile: o.profile }),
  };
  return controllerResult(o, await runJob<readonly ControllerEvent[]>(job, rangeOf(o), o, workers));
}

/** The worker's side: `range` of the controller `job`, counted into `coverage` when given. */
export function controllerWorkerRuns(
  job: WorkerJob,
  range: RunRange,
  onRun?: (done: number) => void,
  coverage?: Coverage,
): RangeOutcome<unknown> {
  if (!isControllerJob(job)) throw new Error(`controller worker: a ${job.protocol} job`);
  return seededRuns(
    controllerRuns({
      ...jobRunOptions(job, onRun),
      range,
      cfg: job.cfg,
      impl: jobImpl(job.impl, findControllerImpl),
      ...(job.profile === undefined ? {} : { profile: job.profile }),
      ...(coverage ? { coverage } : {}),
    }),
  );
}
