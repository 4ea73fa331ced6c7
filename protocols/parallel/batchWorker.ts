/**
 * The worker-thread side of a parallel check: one task is one contiguous range of runs of a job,
 * run by the job's protocol (its descriptor's `workerRuns`); progress is counted in a shared
 * Int32Array so the coordinator (engine/check/parallel/runBatches.ts) can draw its bar without a
 * message per run.
 */
import type { BatchOutcome, BatchTask } from '../../engine/check/parallel/batchTask.ts';
import { findProtocol } from '../index.ts';

/** Runs one task; what it returns is posted back to the coordinator. */
export default function runBatchTask(task: BatchTask): BatchOutcome<unknown> {
  const protocol = findProtocol(task.job.protocol);
  if (protocol === undefined) throw new Error(`worker: no protocol "${task.job.protocol}"`);
  const counter = new Int32Array(task.progress);
  const coverage = task.job.coverage ? protocol.coverage() : undefined;
  const ran = protocol.workerRuns(
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
