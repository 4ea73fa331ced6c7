/**
 * {@link checkWakeup} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be a registered one or a wakeup mutant (workers
 * look it up by name); shrinking's last pass and the recorded rerun happen in this thread.
 */
import {
  checkWakeup,
  type WakeupCheckOptions,
  type WakeupCheckResult,
  wakeupRange,
  wakeupResult,
} from '../checkWakeup.ts';
import { wakeupImplNamed } from './batchJob.ts';
import { runBatches } from './runBatches.ts';

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkWakeupParallel(
  o: WakeupCheckOptions,
  workers: number,
): Promise<WakeupCheckResult> {
  if (workers <= 1) return checkWakeup(o);
  if (o.impl !== undefined && wakeupImplNamed(o.impl.name) !== o.impl) {
    throw new Error(`check: implementation "${o.impl.name}" is not registered, so workers cannot load it`);
  }
  const outcome = await runBatches(
    {
      protocol: 'wakeup',
      cfg: o.cfg,
      impl: o.impl?.name ?? null,
      seed: o.seed,
      ...(o.properties ? { properties: o.properties } : {}),
      ...(o.maxEvents !== undefined ? { maxEvents: o.maxEvents } : {}),
      ...(o.coverage ? { coverage: true } : {}),
      ...(o.storm ? { storm: o.storm } : {}),
      ...(o.drain !== undefined ? { drain: o.drain } : {}),
    },
    wakeupRange(o),
    { workers, ...(o.onRun ? { onProgress: o.onRun } : {}), ...(o.coverage ? { coverage: o.coverage } : {}) },
  );
  return wakeupResult(o, outcome);
}
