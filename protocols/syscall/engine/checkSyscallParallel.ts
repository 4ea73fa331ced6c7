/**
 * {@link checkSyscall} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be a registered one or a syscall mutant (workers
 * look it up by name); shrinking's last pass and the recorded rerun happen in this thread.
 */

import { jobCommon, runJob } from '../../../engine/check/parallel/batchCheck.ts';
import { syscallImplNamed } from '../../../engine/check/parallel/batchJob.ts';
import { rangeOf } from '../../../engine/check/seededRuns.ts';
import type { CheckOptions } from '../../controller/engine/checkController.ts';
import { checkSyscall, type SyscallCheckResult, syscallResult } from './checkSyscall.ts';

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkSyscallParallel(o: CheckOptions, workers: number): Promise<SyscallCheckResult> {
  if (workers <= 1) return checkSyscall(o);
  const job = { protocol: 'syscall', cfg: o.cfg, ...jobCommon(o, syscallImplNamed) } as const;
  return syscallResult(o, await runJob(job, rangeOf(o), o, workers));
}
