/**
 * {@link checkController} on worker threads: the same runs, the same verdict, counterexample and
 * counts, only sooner. The implementation must be a registered one (workers look it up by name).
 */
import { findControllerImpl } from '../../../impl/registry.ts';
import {
  type CheckOptions,
  type CheckResult,
  checkController,
  controllerResult,
  rangeOf,
} from '../checkController.ts';
import { runBatches } from './runBatches.ts';

/** Runs the check on `workers` threads (in this thread, without a pool, when `workers` is 1). */
export async function checkControllerParallel(o: CheckOptions, workers: number): Promise<CheckResult> {
  if (workers <= 1) return checkController(o);
  if (o.impl !== undefined && findControllerImpl(o.impl.name) !== o.impl) {
    throw new Error(`check: implementation "${o.impl.name}" is not registered, so workers cannot load it`);
  }
  const outcome = await runBatches(
    {
      protocol: 'controller',
      cfg: o.cfg,
      impl: o.impl?.name ?? null,
      seed: o.seed,
      ...(o.properties ? { properties: o.properties } : {}),
      ...(o.maxEvents !== undefined ? { maxEvents: o.maxEvents } : {}),
      ...(o.coverage ? { coverage: true } : {}),
    },
    rangeOf(o),
    { workers, ...(o.onRun ? { onProgress: o.onRun } : {}), ...(o.coverage ? { coverage: o.coverage } : {}) },
  );
  return controllerResult(o, outcome);
}
