/**
 * What every protocol's parallel check shares: the job fields read from the check's options
 * (the implementation by registry name, refused when workers could not load it), and the run of
 * a job's range on the pool with the check's progress and coverage. Each protocol's
 * `check…Parallel` adds only its job's protocol and configuration and its own result.
 */
import type { Coverage } from '../../coverage/coverage.ts';
import type { RangeOutcome, RunRange } from '../seededRuns.ts';
import { runBatches } from './runBatches.ts';
import type { JobCommon, WorkerJob } from './workerJob.ts';

/** The options of a check that a job and the pool read. */
export interface BatchCheckOptions {
  readonly impl: { readonly name: string } | undefined;
  readonly seed: number;
  readonly properties?: readonly string[];
  readonly maxEvents?: number;
  readonly coverage?: Coverage;
  readonly onRun?: (done: number) => void;
}

/**
 * The shared job fields of `o`; throws when `o.impl` is not the implementation `find` returns for
 * its name (a worker looks it up by name, so an unregistered one cannot travel).
 */
export function jobCommon(o: BatchCheckOptions, find: (name: string) => unknown): JobCommon {
  if (o.impl !== undefined && find(o.impl.name) !== o.impl) {
    throw new Error(`check: implementation "${o.impl.name}" is not registered, so workers cannot load it`);
  }
  return {
    impl: o.impl?.name ?? null,
    seed: o.seed,
    ...(o.properties ? { properties: o.properties } : {}),
    ...(o.maxEvents !== undefined ? { maxEvents: o.maxEvents } : {}),
    ...(o.coverage ? { coverage: true } : {}),
  };
}

/**
 * Runs `range` of `job` on `workers` threads, progress to `o.onRun`, coverage into `o.coverage`;
 * `T` is the type of the job's counterexamples (the worker runs the same protocol's runs).
 */
export function runJob<T>(
  job: WorkerJob,
  range: RunRange,
  o: BatchCheckOptions,
  workers: number,
): Promise<RangeOutcome<T>> {
  return runBatches<T>(job, range, {
    workers,
    ...(o.onRun ? { onProgress: o.onRun } : {}),
    ...(o.coverage ? { coverage: o.coverage } : {}),
  });
}
