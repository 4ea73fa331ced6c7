/**
 * What a worker thread is asked to check: a serialisable description of one protocol's check
 * (implementations travel by registry name), and the one place that turns it back into seeded
 * runs. A protocol joins the workers by adding its job to {@link BatchJob} and a case below.
 */
import type { ControllerImpl } from '../../../protocols/controller/designs/device.ts';
import { findControllerImpl } from '../../../protocols/controller/designs/registry.ts';
import { controllerRuns } from '../../../protocols/controller/engine/checkController.ts';
import type { Config } from '../../../protocols/controller/model/config/config.ts';
import type { ControllerEvent } from '../../../protocols/controller/model/events.ts';
import { syscallRuns } from '../../../protocols/syscall/engine/checkSyscall.ts';
import type { SyscallEvent } from '../../../protocols/syscall/model/events.ts';
import { findSyscallMutant } from '../../../protocols/syscall/mutants/syscallMutants.ts';
import type { UipiImpl } from '../../../protocols/uipi/designs/reference/uipiImpl.ts';
import { findUipiImpl } from '../../../protocols/uipi/designs/registry.ts';
import { uipiRuns } from '../../../protocols/uipi/engine/checkUipi.ts';
import type { UipiConfig } from '../../../protocols/uipi/model/config.ts';
import type { UipiEvent } from '../../../protocols/uipi/model/events.ts';
import { wakeupRuns } from '../../../protocols/wakeup/engine/checkWakeup.ts';
import type { WakeupStormKind } from '../../../protocols/wakeup/engine/wakeupStorm.ts';
import type { SystemEvent } from '../../../protocols/wakeup/model/events.ts';
import { findWakeupMutant } from '../../../protocols/wakeup/mutants/wakeupMutants.ts';
import type { Coverage } from '../../coverage/coverage.ts';
import { type RangeOutcome, type RunRange, seededRuns } from '../seededRuns.ts';

/** The fields every job has, whatever its protocol. */
export interface JobCommon {
  /** The implementation's registry name (see each job); null checks the model on its own. */
  readonly impl: string | null;
  readonly seed: number;
  readonly properties?: readonly string[];
  readonly maxEvents?: number;
  /** Count coverage (a `--report` check): the worker returns its counters with the outcome. */
  readonly coverage?: boolean;
}

/** A controller check as a worker receives it (`impl`: a controller implementation). */
export interface ControllerJob extends JobCommon {
  readonly protocol: 'controller';
  readonly cfg: Config;
  /** The implementation's storm profile (`--profile`), by name. */
  readonly profile?: string;
}

/**
 * A wakeup check as a worker receives it (the configuration as given: the worker restricts it;
 * `impl`: a wakeup mutant or a controller implementation).
 */
export interface WakeupJob extends JobCommon {
  readonly protocol: 'wakeup';
  readonly cfg: Config;
  readonly storm?: WakeupStormKind;
  readonly drain?: boolean;
}

/** A syscall check as a worker receives it (`impl`: a syscall mutant or a controller implementation). */
export interface SyscallJob extends JobCommon {
  readonly protocol: 'syscall';
  readonly cfg: Config;
}

/** A UIPI check as a worker receives it (its own configuration; `impl`: "reference" or a UIPI mutant). */
export interface UipiJob extends JobCommon {
  readonly protocol: 'uipi';
  readonly cfg: UipiConfig;
}

/** Every job a worker can run, discriminated on `protocol`. */
export type BatchJob = ControllerJob | WakeupJob | SyscallJob | UipiJob;

/** The counterexample type of each job's runs. */
export type CounterexampleOf<J extends BatchJob> = J extends ControllerJob
  ? readonly ControllerEvent[]
  : J extends WakeupJob
    ? readonly SystemEvent[]
    : J extends SyscallJob
      ? readonly SyscallEvent[]
      : J extends UipiJob
        ? readonly UipiEvent[]
        : never;

/** The implementation a wakeup job names: a wakeup mutant first, then the controller registry. */
export function wakeupImplNamed(name: string): ControllerImpl | undefined {
  return findWakeupMutant(name) ?? findControllerImpl(name);
}

/** The implementation a syscall job names: a syscall mutant first, then the controller registry. */
export function syscallImplNamed(name: string): ControllerImpl | undefined {
  return findSyscallMutant(name) ?? findControllerImpl(name);
}

/** The UIPI implementation a UIPI job names: a UIPI design or a UIPI mutant. */
export function uipiImplNamed(name: string): UipiImpl | undefined {
  return findUipiImpl(name);
}

/** The implementation `name` found by `find`, undefined for null; an unknown name throws. */
function named<I>(name: string | null, find: (name: string) => I | undefined): I | undefined {
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
    seed: job.seed,
    range,
    ...(job.properties ? { properties: job.properties } : {}),
    ...(job.maxEvents !== undefined ? { maxEvents: job.maxEvents } : {}),
    ...(onRun ? { onRun } : {}),
    ...(coverage ? { coverage } : {}),
  };
  switch (job.protocol) {
    case 'controller':
      return seededRuns(
        controllerRuns({
          ...common,
          cfg: job.cfg,
          impl: named(job.impl, findControllerImpl),
          ...(job.profile === undefined ? {} : { profile: job.profile }),
        }),
      );
    case 'wakeup':
      return seededRuns(
        wakeupRuns({
          ...common,
          cfg: job.cfg,
          impl: named(job.impl, wakeupImplNamed),
          ...(job.storm ? { storm: job.storm } : {}),
          ...(job.drain !== undefined ? { drain: job.drain } : {}),
        }),
      );
    case 'syscall':
      return seededRuns(syscallRuns({ ...common, cfg: job.cfg, impl: named(job.impl, syscallImplNamed) }));
    case 'uipi':
      return seededRuns(uipiRuns({ ...common, cfg: job.cfg, impl: named(job.impl, uipiImplNamed) }));
  }
}
