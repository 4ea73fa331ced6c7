/** What the coordinator of a parallel check sends a worker thread and what it gets back. */
import type { CoverageCounts } from '../../coverage/coverage.ts';
import type { RangeOutcome, RunRange } from '../seededRuns.ts';
import type { WorkerJob } from './workerJob.ts';

/** One task: the job, its range, and the shared counter of finished runs (index 0). */
export interface BatchTask {
  readonly job: WorkerJob;
  readonly range: RunRange;
  readonly progress: SharedArrayBuffer;
}

/** What a task posts back: the range's outcome, and its coverage counters when the job asked for them. */
export type BatchOutcome<C> = RangeOutcome<C> & { readonly coverage?: CoverageCounts };
