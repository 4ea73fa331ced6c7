/**
 * The coordinator of a parallel check: cuts a range of runs into contiguous batches, runs them
 * in a tinypool of worker threads (lowest batches first), and stops the pool as soon as the
 * verdict is decided — every run below the lowest known failure has passed. The outcome is the
 * one a single thread would report, whatever the number of workers or the scheduling.
 */
import Tinypool from 'tinypool';
import type { Coverage } from '../../coverage/coverage.ts';
import { workerEntry } from '../../workerEntry.ts';
import { NONE_ENDED } from '../endedEarly.ts';
import { combineOutcomes, type RangeOutcome, type RunRange, splitRange } from '../seededRuns.ts';
import type { BatchOutcome, BatchTask } from './batchTask.ts';
import type { WorkerJob } from './workerJob.ts';

/** Batches per worker: enough to balance the load and stop early, few enough that each batch's start-up jumps stay negligible. */
const BATCHES_PER_WORKER = 16;

export interface BatchOptions {
  /** Worker threads (at least 1). */
  readonly workers: number;
  /** Called about ten times a second with the number of runs finished so far. */
  readonly onProgress?: (done: number) => void;
  /**
   * Counters to add the workers' coverage to (the job must ask for it): the batches up to the
   * decisive one, so the counts are those of a single thread.
   */
  readonly coverage?: Coverage;
}

/**
 * Runs `range` of `job` on `workers` threads and returns the combined outcome; `T` is the type of
 * the job's counterexamples (its protocol's runs produce them, structured-cloned across threads).
 */
export async function runBatches<T>(
  job: WorkerJob,
  range: RunRange,
  o: BatchOptions,
): Promise<RangeOutcome<T>> {
  const batches = splitRange(range, o.workers * BATCHES_PER_WORKER);
  if (batches.length === 0)
    return { verdict: 'pass', from: range.from, to: range.to, runs: 0, events: 0, endedEarly: NONE_ENDED };
  const progress = new SharedArrayBuffer(4);
  const counter = new Int32Array(progress);
  const pool = new Tinypool({
    filename: workerEntry('batchWorker').href,
    minThreads: Math.min(o.workers, batches.length),
    maxThreads: Math.min(o.workers, batches.length),
  });
  const timer = o.onProgress ? setInterval(() => o.onProgress?.(Atomics.load(counter, 0)), 100) : undefined;
  const outcomes: (BatchOutcome<T> | undefined)[] = batches.map(() => undefined);
  try {
    return await new Promise((resolve, reject) => {
      let settled = false;
      // A worker that cannot start (its module fails to load) is reported here, not by a task.
      pool.on('error', (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(error);
      });
      batches.forEach((batch, i) => {
        const task: BatchTask = { job, range: batch, progress };
        pool.run(task).then(
          (outcome: BatchOutcome<T>) => {
            if (settled) return;
            outcomes[i] = outcome;
            const decided = combineOutcomes(outcomes);
            if (decided === undefined) return;
            settled = true;
            addCoverage(o.coverage, outcomes);
            resolve(decided);
          },
          (error: unknown) => {
            if (settled) return;
            settled = true;
            reject(error);
          },
        );
      });
    });
  } finally {
    if (timer !== undefined) clearInterval(timer);
    o.onProgress?.(Atomics.load(counter, 0));
    pool.cancelPendingTasks();
    await pool.destroy();
  }
}

/** Adds to `coverage` the counters of the batches in order up to the first that did not pass. */
function addCoverage<C>(
  coverage: Coverage | undefined,
  outcomes: readonly (BatchOutcome<C> | undefined)[],
): void {
  if (coverage === undefined) return;
  for (const part of outcomes) {
    if (part === undefined) return;
    if (part.coverage !== undefined) coverage.add(part.coverage);
    if (part.verdict !== 'pass') return;
  }
}
