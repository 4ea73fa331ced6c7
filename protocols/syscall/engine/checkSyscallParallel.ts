/**
 * {@link checkSyscall} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be a registered one or a syscall mutant (workers
 * look it up by name); shrinking's last pass and the recorded rerun happen in this thread.
 * {@link syscallWorkerRuns} is the worker's side (the descriptor's `workerRuns`).
 */

import { jobCommon, runJob } from '../../../engine/check/parallel/batchCheck.ts';
import { jobImpl, jobRunOptions, type WorkerJob } from '../../../engine/check/parallel/workerJob.ts';
import { type RangeOutcome, type RunRange, rangeOf, seededRuns } from '../../../engine/check/seededRuns.ts';
import type { Coverage } from '../../../engine/coverage/coverage.ts';
import { findControllerImpl } from '../../controller/designs/registry.ts';
import type { CheckOptions } from '../../controller/engine/checkController.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { SyscallEvent } from '../model/events.ts';
import { findSyscallMutant } from '../mutants/syscallMutants.ts';
import { checkSyscall, type SyscallCheckResult, syscallResult, syscallRuns } from './checkSyscall.ts';

/** A syscall check as a worker receives it. */
interface SyscallJob extends WorkerJob {
  readonly protocol: 'syscall';
  readonly cfg: Config;
}

const isSyscallJob = (job: WorkerJob): job is SyscallJob => job.protocol === 'syscall';

/** The implementation a syscall job names: a syscall mutant first, then the controller registry. */
const syscallImplNamed = (name: string) => findSyscallMutant(name) ?? findControllerImpl(name);

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkSyscallParallel(o: CheckOptions, workers: number): Promise<SyscallCheckResult> {
  if (workers <= 1) return checkSyscall(o);
  const job: SyscallJob = { protocol: 'syscall', cfg: o.cfg, ...jobCommon(o, syscallImplNamed) };
  return syscallResult(o, await runJob<readonly SyscallEvent[]>(job, rangeOf(o), o, workers));
}

/** The worker's side: `range` of the syscall `job`, counted into `coverage` when given. */
export function syscallWorkerRuns(
  job: WorkerJob,
  range: RunRange,
  onRun?: (done: number) => void,
  coverage?: Coverage,
): RangeOutcome<unknown> {
  if (!isSyscallJob(job)) throw new Error(`syscall worker: a ${job.protocol} job`);
  return seededRuns(
    syscallRuns({
      ...jobRunOptions(job, onRun),
      range,
      cfg: job.cfg,
      impl: jobImpl(job.impl, syscallImplNamed),
      ...(coverage ? { coverage } : {}),
    }),
  );
}
