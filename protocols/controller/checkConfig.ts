/**
 * `intcheck check --protocol controller` on one configuration: random storms through the
 * lockstep runner (on worker threads with --workers), and on failure the shrunk counterexample
 * written as an ITF trace.
 */
import { join } from 'node:path';
import type { ConfigReport } from '../../report/checkReport.ts';
import { traceName } from '../../traces/traceName.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
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
  const common = {
    preset: a.preset,
    config: configToJson(cfg),
    runs: result.runs,
    events: result.events,
    endedEarly: result.endedEarly,
    seconds: a.seconds(),
  };
  if (result.ok) return { ...common, ok: true };
  const v = result.failure.violation;
  const file = join(a.out, traceName('controller', impl.name, v.property, a.preset, a.shard));
  writeTrace(
    file,
    controllerTrace({
      cfg,
      implementation: impl.name,
      property: v.property,
      message: v.message,
      seed: result.seed,
      path: result.path,
      failingStep: v.step,
      ...(a.note === undefined ? {} : { note: a.note }),
      initial: result.failure.initial,
      initialDesign: result.failure.initialDesign,
      steps: result.failure.recorded,
    }),
  );
  const failure = {
    run: result.index + 1,
    property: v.property,
    step: v.step,
    message: v.message,
    shrinks: result.shrinks,
    seed: result.seed,
    path: result.path,
    length: result.counterexample.length,
    counterexample: result.counterexample.map(formatEvent),
    trace: file,
  };
  return { ...common, ok: false, failure };
}
