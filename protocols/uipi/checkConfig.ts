/**
 * `intcheck check --protocol uipi` on one configuration: random UIPI storms against the
 * instruction-level implementation or a UIPI mutant (on worker threads with --workers), every
 * property after every step and the liveness properties after the fair drain; on failure the
 * minimized counterexample is written as an ITF trace that `intcheck replay` re-runs.
 */
import { join } from 'node:path';
import type { ConfigReport } from '../../report/checkReport.ts';
import { traceName } from '../../traces/traceName.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
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
  const common = {
    preset: name,
    config: uipiConfigToJson(cfg),
    runs: r.runs,
    events: r.events,
    endedEarly: r.endedEarly,
    seconds: a.seconds(),
  };
  if (r.ok) return { ...common, ok: true };
  const v = r.failure.violation;
  const file = join(a.out, traceName('uipi', impl.name, v.property, name, a.shard));
  writeTrace(
    file,
    uipiTrace({
      cfg,
      implementation: impl.name,
      property: v.property,
      message: v.message,
      failingStep: v.step,
      seed: r.seed,
      path: r.path,
      ...(a.note === undefined ? {} : { note: a.note }),
      initial: r.failure.initial,
      steps: r.failure.recorded,
    }),
  );
  return {
    ...common,
    ok: false,
    failure: {
      run: r.index + 1,
      property: v.property,
      step: v.step,
      phase: r.failure.phase,
      message: v.message,
      shrinks: r.shrinks,
      seed: r.seed,
      path: r.path,
      length: r.counterexample.length,
      counterexample: r.counterexample.map(formatUipiEvent),
      trace: file,
    },
  };
}
