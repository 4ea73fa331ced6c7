/**
 * What a worker thread is asked to check: a serialisable description of one protocol's check
 * (implementations travel by registry name), and the one place that turns it back into seeded
 * runs. A protocol joins the workers by adding its job to {@link BatchJob} and a case below.
 */
import type { ControllerImpl } from '../../../impl/device.ts';
import { findWakeupMutant } from '../../../impl/mutants/wakeupMutants.ts';
import { findControllerImpl } from '../../../impl/registry.ts';
import type { Config } from '../../../model/config/config.ts';
import type { ControllerEvent } from '../../../model/events/events.ts';
import type { SystemEvent } from '../../../model/wakeup/events.ts';
import type { Coverage } from '../../coverage/coverage.ts';
import type { WakeupStormKind } from '../../storms/wakeupStorm.ts';
import { controllerRuns } from '../checkController.ts';
import { wakeupRuns } from '../checkWakeup.ts';
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
  /** Count coverage (a `--report` check): the worker returns its counters with the outcome. */
  readonly coverage?: boolean;
}

/** A wakeup check as a worker receives it (the configuration as given: the worker restricts it). */
export interface WakeupJob {
  readonly protocol: 'wakeup';
  readonly cfg: Config;
  /** A wakeup mutant's or a controller implementation's registry name; null checks the system model. */
  readonly impl: string | null;
  readonly seed: number;
  readonly properties?: readonly string[];
  readonly maxEvents?: number;
  readonly storm?: WakeupStormKind;
  readonly drain?: boolean;
  /** Count coverage (a `--report` check): the worker returns its counters with the outcome. */
  readonly coverage?: boolean;
}

/** Every job a worker can run, discriminated on `protocol`. */
export type BatchJob = ControllerJob | WakeupJob;

/** The counterexample type of each job's runs. */
export type CounterexampleOf<J extends BatchJob> = J extends ControllerJob
  ? readonly ControllerEvent[]
  : J extends WakeupJob
    ? readonly SystemEvent[]
    : never;

/** The implementation a wakeup job names: a wakeup mutant first, then the controller registry. */
export function wakeupImplNamed(name: string): ControllerImpl | undefined {
  return findWakeupMutant(name) ?? findControllerImpl(name);
}

/** The implementation `name` found by `find`, undefined for null; an unknown name throws. */
function named(
  name: string | null,
  find: (name: string) => ControllerImpl | undefined,
): ControllerImpl | undefined {
  if (name === null) return undefined;
  const impl = find(name);
  if (impl === undefined) throw new Error(`unknown implementation "${name}"`);
  return impl;
}

/** Runs `range` of `job` in this thread (the worker's whole task), counting into `coverage` when given. */
export function runBatchJob(
  job: BatchJob,
  range: RunRange,
  onRun?: (done: number) => void,
  coverage?: Coverage,
): RangeOutcome<CounterexampleOf<BatchJob>> {
  const common = {
    cfg: job.cfg,
    seed: job.seed,
    range,
    ...(job.properties ? { properties: job.properties } : {}),
    ...(job.maxEvents !== undefined ? { maxEvents: job.maxEvents } : {}),
    ...(onRun ? { onRun } : {}),
    ...(coverage ? { coverage } : {}),
  };
  switch (job.protocol) {
    case 'controller':
      return seededRuns(controllerRuns({ ...common, impl: named(job.impl, findControllerImpl) }));
    case 'wakeup':
      return seededRuns(
        wakeupRuns({
          ...common,
          impl: named(job.impl, wakeupImplNamed),
          ...(job.storm ? { storm: job.storm } : {}),
          ...(job.drain !== undefined ? { drain: job.drain } : {}),
        }),
      );
  }
}
