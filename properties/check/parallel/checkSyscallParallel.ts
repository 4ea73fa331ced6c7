/**
 * {@link checkSyscall} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be a registered one or a syscall mutant (workers
 * look it up by name); shrinking's last pass and the recorded rerun happen in this thread.
 */
import type { CheckOptions } from '../checkController.ts';
import { checkSyscall, type SyscallCheckResult, syscallResult } from '../checkSyscall.ts';
import { syscallImplNamed } from './batchJob.ts';
import { runBatches } from './runBatches.ts';

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkSyscallParallel(o: CheckOptions, workers: number): Promise<SyscallCheckResult> {
  if (workers <= 1) return checkSyscall(o);
  if (o.impl !== undefined && syscallImplNamed(o.impl.name) !== o.impl) {
    throw new Error(`check: implementation "${o.impl.name}" is not registered, so workers cannot load it`);
  }
  const outcome = await runBatches(
    {
      protocol: 'syscall',
      cfg: o.cfg,
      impl: o.impl?.name ?? null,
      seed: o.seed,
      ...(o.properties ? { properties: o.properties } : {}),
      ...(o.maxEvents !== undefined ? { maxEvents: o.maxEvents } : {}),
      ...(o.coverage ? { coverage: true } : {}),
    },
    o.range ?? { from: 0, to: o.runs },
    { workers, ...(o.onRun ? { onProgress: o.onRun } : {}), ...(o.coverage ? { coverage: o.coverage } : {}) },
  );
  return syscallResult(o, outcome);
}
