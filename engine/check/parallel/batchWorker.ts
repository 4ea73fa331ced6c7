/**
 * The worker-thread side of a parallel check: one task is one contiguous range of runs of a
 * job; progress is counted in a shared Int32Array so the coordinator can draw its bar without
 * a message per run.
 */

import { coverageFor } from '../../../protocols/coverageFor.ts';
import type { CoverageCounts } from '../../coverage/coverage.ts';
import type { RangeOutcome, RunRange } from '../seededRuns.ts';
import { type BatchJob, type CounterexampleOf, runBatchJob } from './batchJob.ts';

/** One task: the job, its range, and the shared counter of finished runs (index 0). */
export interface BatchTask {
  readonly job: BatchJob;
  readonly range: RunRange;
  readonly progress: SharedArrayBuffer;
}

/** What a task posts back: the range's outcome, and its coverage counters when the job asked for them. */
export type BatchOutcome<C> = RangeOutcome<C> & { readonly coverage?: CoverageCounts };

/** Runs one task; what it returns is posted back to the coordinator. */
export default function runBatchTask(task: BatchTask): BatchOutcome<CounterexampleOf<BatchJob>> {
  const counter = new Int32Array(task.progress);
  const coverage = task.job.coverage ? coverageFor(task.job.protocol) : undefined;
  const ran = runBatchJob(
    task.job,
    task.range,
    () => {
      Atomics.add(counter, 0, 1);
    },
    coverage,
  );
  const outcome = coverage === undefined ? ran : { ...ran, coverage: coverage.snapshot() };
  // Only what structured clone can carry goes back: a thrown non-Error becomes an Error.
  if (outcome.verdict === 'crash' && !(outcome.error instanceof Error)) {
    return { ...outcome, error: new Error(String(outcome.error)) };
  }
  return outcome;
}
