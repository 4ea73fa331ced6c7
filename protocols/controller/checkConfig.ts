/**
 * `intcheck check --protocol controller` on one configuration: random storms through the
 * lockstep runner (on worker threads with --workers), and on failure the shrunk counterexample
 * written as an ITF trace.
 */
import type { ConfigReport } from '../../report/checkReport.ts';
import { configReport } from '../../report/configReport.ts';
import { type ConfigCheckArgs, checkOptionsOf } from '../family/configCheck.ts';
import { supportedConfig } from './designs/supportedConfig.ts';
import { checkControllerParallel } from './engine/checkControllerParallel.ts';
import { configToJson } from './model/config/loadConfig.ts';
import { formatEvent } from './model/formatEvent.ts';
import { controllerTrace } from './trace/controllerTrace.ts';

/**
 * Checks `a.cfg` and reports it; the trace is written before the report is returned. A published
 * design is checked on the part of the configuration it supports (controller.md §7, as the
 * wakeup check does), and that restricted configuration is the one reported and traced.
 */
export async function checkControllerConfig(a: ConfigCheckArgs): Promise<ConfigReport> {
  const impl = a.impl;
  const cfg = supportedConfig(a.cfg, impl);
  const result = await checkControllerParallel({ ...checkOptionsOf(a), cfg }, a.workers);
  return configReport({
    protocol: 'controller',
    implementation: impl.name,
    preset: a.preset,
    config: configToJson(cfg),
    result,
    out: a.out,
    shard: a.shard,
    note: a.note,
    seconds: a.seconds(),
    trace: (run, provenance) =>
      controllerTrace({
        cfg,
        ...provenance,
        initial: run.initial,
        initialDesign: run.initialDesign,
        steps: run.recorded,
      }),
    event: formatEvent,
  });
}
