/**
 * {@link checkUipi} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be the UIPI reference or a UIPI mutant (workers
 * look it up by name); shrinking's last pass and the recorded rerun happen in this thread.
 */
import {
  checkUipi,
  type UipiCheckOptions,
  type UipiCheckResult,
  uipiRange,
  uipiResult,
} from '../checkUipi.ts';
import { uipiImplNamed } from './batchJob.ts';
import { runBatches } from './runBatches.ts';

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkUipiParallel(o: UipiCheckOptions, workers: number): Promise<UipiCheckResult> {
  if (workers <= 1) return checkUipi(o);
  if (o.impl !== undefined && uipiImplNamed(o.impl.name) !== o.impl) {
    throw new Error(
      `check: UIPI implementation "${o.impl.name}" is not registered, so workers cannot load it`,
    );
  }
  const outcome = await runBatches(
    {
      protocol: 'uipi',
      cfg: o.cfg,
      impl: o.impl?.name ?? null,
      seed: o.seed,
      ...(o.properties ? { properties: o.properties } : {}),
      ...(o.maxEvents !== undefined ? { maxEvents: o.maxEvents } : {}),
      ...(o.coverage ? { coverage: true } : {}),
    },
    uipiRange(o),
    { workers, ...(o.onRun ? { onProgress: o.onRun } : {}), ...(o.coverage ? { coverage: o.coverage } : {}) },
  );
  return uipiResult(o, outcome);
}
