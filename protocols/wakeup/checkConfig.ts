/**
 * `intcheck check --protocol wakeup` on one configuration (restricted to what a published design
 * supports): random wakeup storms through the software runtime and the §6 drain (on worker
 * threads with --workers), and on failure the minimized counterexample written as an ITF trace,
 * its drain steps included, with a few lines explaining the violation.
 */
import type { ConfigReport } from '../../report/checkReport.ts';
import { configReport } from '../../report/configReport.ts';
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
  return configReport({
    protocol: 'wakeup',
    implementation: impl.name,
    preset: a.preset,
    config: configToJson(cfg),
    result,
    out: a.out,
    shard: a.shard,
    note: a.note,
    seconds: a.seconds(),
    trace: (run, provenance) =>
      wakeupTrace({ cfg, ...provenance, initial: run.initial, steps: run.recorded }),
    event: formatSystemEvent,
    phase: (run) => run.phase,
    explain: (run, counterexample) => explainWakeup(cfg, impl, counterexample, run),
  });
}
