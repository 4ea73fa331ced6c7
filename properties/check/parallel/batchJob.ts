/**
 * What a worker thread is asked to check: a serialisable description of one protocol's check
 * (implementations travel by registry name), and the one place that turns it back into seeded
 * runs. A protocol joins the workers by adding its job to {@link BatchJob} and a case below.
 */
import { findControllerImpl } from '../../../impl/registry.ts';
import type { Config } from '../../../model/config/config.ts';
import type { ControllerEvent } from '../../../model/events/events.ts';
import { controllerRuns } from '../checkController.ts';
import { type RangeOutcome, type RunRange, seededRuns } from '../seededRuns.ts';

/** A controller check as a worker receives it. */
export interface ControllerJob {
  readonly protocol: 'controller';
  readonly cfg: Config;
  /** The implementation's registry name; null checks the model on its own. */
  readonly impl: string | null;
  readonly seed: number;
  readonly properties?: readonly string[];
  readonly maxEvents?: number;
}

/** Every job a worker can run, discriminated on `protocol`. */
export type BatchJob = ControllerJob;

/** The counterexample type of each job's runs. */
export type CounterexampleOf<J extends BatchJob> = J extends ControllerJob
  ? readonly ControllerEvent[]
  : never;

/** Runs `range` of `job` in this thread (the worker's whole task). */
export function runBatchJob(
  job: BatchJob,
  range: RunRange,
  onRun?: (done: number) => void,
): RangeOutcome<CounterexampleOf<BatchJob>> {
  switch (job.protocol) {
    case 'controller': {
      const impl = job.impl === null ? undefined : findControllerImpl(job.impl);
      if (job.impl !== null && impl === undefined) throw new Error(`unknown implementation "${job.impl}"`);
      return seededRuns(
        controllerRuns({
          cfg: job.cfg,
          impl,
          seed: job.seed,
          range,
          ...(job.properties ? { properties: job.properties } : {}),
          ...(job.maxEvents !== undefined ? { maxEvents: job.maxEvents } : {}),
          ...(onRun ? { onRun } : {}),
        }),
      );
    }
  }
}
