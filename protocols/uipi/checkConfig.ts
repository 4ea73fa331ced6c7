/**
 * `intcheck check --protocol uipi` on one configuration: random UIPI storms against the
 * instruction-level implementation or a UIPI mutant (on worker threads with --workers), every
 * property after every step and the liveness properties after the fair drain; on failure the
 * minimized counterexample is written as an ITF trace that `intcheck replay` re-runs.
 */
import type { ConfigReport } from '../../report/checkReport.ts';
import { configReport } from '../../report/configReport.ts';
import type { CheckArgs } from '../protocol.ts';
import type { UipiImpl } from './designs/reference/uipiImpl.ts';
import { checkUipiParallel } from './engine/checkUipiParallel.ts';
import type { UipiConfig } from './model/config.ts';
import { formatUipiEvent } from './model/events.ts';
import { uipiConfigToJson } from './model/loadUipiConfig.ts';
import { uipiTrace } from './trace/uipiTrace.ts';

/** Checks `cfg` (named `name`) against `impl` as `a` asks; the trace is written before the report is returned. */
export async function checkUipiConfig(
  name: string,
  cfg: UipiConfig,
  impl: UipiImpl,
  a: CheckArgs,
): Promise<ConfigReport> {
  const r = await checkUipiParallel(
    {
      cfg,
      impl,
      runs: a.runs,
      seed: a.seed,
      range: a.range,
      maxEvents: a.maxEvents,
      ...(a.properties ? { properties: a.properties } : {}),
      ...(a.coverage === undefined ? {} : { coverage: a.coverage }),
      onRun: a.onRun,
    },
    a.workers,
  );
  return configReport({
    protocol: 'uipi',
    implementation: impl.name,
    preset: name,
    config: uipiConfigToJson(cfg),
    result: r,
    out: a.out,
    shard: a.shard,
    note: a.note,
    seconds: a.seconds(),
    trace: (run, provenance) => uipiTrace({ cfg, ...provenance, initial: run.initial, steps: run.recorded }),
    event: formatUipiEvent,
    phase: (run) => run.phase,
  });
}
