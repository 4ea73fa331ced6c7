/**
 * `intcheck check --protocol wakeup` on one configuration (restricted to what a published design
 * supports): random wakeup storms through the software runtime and the §6 drain (on worker
 * threads with --workers), and on failure the minimized counterexample written as an ITF trace,
 * its drain steps included, with a few lines explaining the violation.
 */
import { join } from 'node:path';
import type { ConfigReport } from '../../report/checkReport.ts';
import { traceName } from '../../traces/traceName.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
import { configToJson } from '../controller/model/config/loadConfig.ts';
import { type ConfigCheckArgs, checkOptionsOf } from '../family/configCheck.ts';
import { checkWakeupParallel } from './engine/checkWakeupParallel.ts';
import { explainWakeup } from './engine/explainWakeup.ts';
import { formatSystemEvent } from './model/events.ts';
import { wakeupTrace } from './trace/wakeupTrace.ts';

/** Checks `a.cfg` and reports it (the configuration reported is the one checked); the trace is written first. */
export async function checkWakeupConfig(a: ConfigCheckArgs): Promise<ConfigReport> {
  const { impl } = a;
  const result = await checkWakeupParallel(checkOptionsOf(a), a.workers);
  const { cfg } = result;
  const common = {
    preset: a.preset,
    config: configToJson(cfg),
    runs: result.runs,
    events: result.events,
    endedEarly: result.endedEarly,
    seconds: a.seconds(),
  };
  if (result.ok) return { ...common, ok: true };
  const { failure: run, counterexample } = result;
  const v = run.violation;
  const file = join(a.out, traceName('wakeup', impl.name, v.property, a.preset, a.shard));
  writeTrace(
    file,
    wakeupTrace({
      cfg,
      implementation: impl.name,
      property: v.property,
      message: v.message,
      failingStep: v.step,
      seed: result.seed,
      path: result.path,
      ...(a.note === undefined ? {} : { note: a.note }),
      initial: run.initial,
      steps: run.recorded,
    }),
  );
  const failure = {
    run: result.index + 1,
    property: v.property,
    step: v.step,
    phase: run.phase,
    message: v.message,
    explanation: explainWakeup(cfg, impl, counterexample, run),
    shrinks: result.shrinks,
    seed: result.seed,
    path: result.path,
    length: counterexample.length,
    counterexample: counterexample.map(formatSystemEvent),
    trace: file,
  };
  return { ...common, ok: false, failure };
}
