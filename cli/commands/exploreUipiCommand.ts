/**
 * `intcheck explore --protocol uipi`: the UIPI branch of `explore` (its own configuration and
 * implementation types): presets from UIPI_EXPLORE_PRESETS (or --config, a UIPI configuration
 * file), the model alone or the product with --impl reference / --mutant NAME, the same output,
 * exit codes and ITF counterexample as the other protocols.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UIPI_REFERENCE, type UipiImpl } from '../../protocols/uipi/designs/reference/uipiImpl.ts';
import { exploreUipi, UIPI_EXPLORE_PRESETS } from '../../protocols/uipi/engine/exploreUipi.ts';
import type { UipiConfig } from '../../protocols/uipi/model/config.ts';
import { loadUipiConfig, uipiConfigToJson } from '../../protocols/uipi/model/loadUipiConfig.ts';
import { uipiTrace } from '../../protocols/uipi/trace/uipiTrace.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
import { EXIT, UsageError } from '../errors.ts';
import { intOption } from '../options.ts';
import { resolveUipiImpl, uipiDrainsOption } from './checkUipi.ts';
import type { ExploreFlags } from './explore.ts';
import { formatExplore, summaryOf } from './explore.ts';
import { counterexampleOf } from './exploreCounterexample.ts';
import { exploreProgress } from './exploreProgress.ts';
import { explorePropertiesOption } from './exploreProperties.ts';

function uipiExploreConfig(f: ExploreFlags): { name: string; cfg: UipiConfig } {
  if (f.preset !== undefined && f.config !== undefined)
    throw new UsageError('--preset and --config cannot be used together');
  if (f.config !== undefined) return { name: f.config, cfg: loadUipiConfig(f.config) };
  const name = f.preset ?? 'small';
  const cfg = UIPI_EXPLORE_PRESETS[name];
  if (cfg === undefined)
    throw new UsageError(
      `--preset: unknown UIPI exploration preset "${name}" (known: ${Object.keys(UIPI_EXPLORE_PRESETS).join(', ')})`,
    );
  return { name, cfg };
}

/** Runs the UIPI exploration `f` asks for; returns the exit code. */
export function runExploreUipi(f: ExploreFlags): number {
  if (f.maxPending !== undefined || f.maxQueue !== undefined)
    throw new UsageError(
      '--max-pending/--max-queue: state constraints apply to the controller protocols only',
    );
  const alone = (f.impl === undefined || f.impl === 'model') && f.mutant === undefined;
  const impl: UipiImpl | undefined = alone ? undefined : resolveUipiImpl(f);
  const { name, cfg: preset } = uipiExploreConfig(f);
  const drains =
    f.drain === undefined ? [preset.drain] : (uipiDrainsOption(f.drain, impl ?? UIPI_REFERENCE) ?? []);
  const [drain] = drains;
  if (drain === undefined || drains.length > 1)
    throw new UsageError('--drain: explore judges one drain at a time (fair or no-kernel-entry)');
  const cfg = { ...preset, drain };
  const properties = explorePropertiesOption('uipi', f.property);
  const maxStates = f.maxStates === undefined ? undefined : intOption('--max-states', f.maxStates, 0, 1);
  const implementation = impl?.name ?? 'model';
  const label = `uipi ${implementation} ${name}`;
  const progress = exploreProgress(label, f.json !== true);
  const t0 = performance.now();
  const r = exploreUipi({
    cfg,
    impl,
    liveness: f.liveness,
    ...(properties === undefined ? {} : { properties }),
    ...(maxStates === undefined ? {} : { maxStates }),
    onProgress: progress.tick,
    progressEvery: 5000,
  });
  progress.done();
  const summary = summaryOf(r, (performance.now() - t0) / 1000);
  let trace: string | undefined;
  if (r.kind === 'violation') {
    const traceImpl = impl?.name ?? 'reference';
    const where = name.replace(/[^\w.-]+/g, '_');
    trace = join(f.out, `uipi--${traceImpl}--${r.violation.property}--${where}--explore.itf.json`);
    writeTrace(
      trace,
      uipiTrace({
        cfg,
        implementation: traceImpl,
        property: r.violation.property,
        message: r.violation.message,
        failingStep: r.violation.step,
        explorer: true,
        depth: r.reproduction.events.length,
        initial: r.reproduction.run.initial,
        steps: r.reproduction.run.recorded,
      }),
    );
  }
  if (f.json === true) {
    console.log(
      JSON.stringify({
        ok: r.kind === 'complete',
        verdict: r.kind,
        protocol: 'uipi',
        implementation,
        preset: name,
        version: TOOL_VERSION,
        config: uipiConfigToJson(cfg),
        ...summary,
        ...(r.kind === 'violation'
          ? {
              violation: { ...r.violation, where: r.where },
              length: r.reproduction.events.length,
              counterexample: counterexampleOf(r.reproduction),
              trace,
            }
          : {}),
      }),
    );
  } else {
    for (const line of formatExplore(r, summary, label, maxStates, trace)) console.log(line);
  }
  return r.kind === 'complete' ? EXIT.ok : r.kind === 'violation' ? EXIT.failed : EXIT.incomplete;
}
