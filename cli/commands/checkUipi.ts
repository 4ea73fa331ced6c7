/**
 * `intcheck check --protocol uipi`: random UIPI storms against the instruction-level
 * implementation (`--impl reference`, the default) or a seeded bug (`--mutant NAME`), every
 * property after every step and the liveness properties after the fair drain; on failure the
 * minimized counterexample is saved as an ITF trace that `intcheck replay` re-runs.
 *
 * How the command was widened (the controller check assumes a ControllerImpl and the controller
 * Config): `check` branches to this function right after parsing `--protocol`, so the UIPI
 * protocol has its own implementations (impl/uipi, protocols/uipi/mutants/uipiMutants.ts), presets
 * (small, skyloft, published; neither --preset nor --config: all three) and configuration files
 * (protocols/uipi/model/loadUipiConfig.ts), and reuses the report (and `--report`: its coverage counters in
 * protocols/uipi/engine/uipiCoverage.ts), the trace writer and the exit codes.
 * `--workers N` spreads the runs over worker threads and `--shard i/n` selects them, as for the others.
 */

import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Coverage } from '../../engine/coverage/coverage.ts';
import { coverageFor } from '../../protocols/coverageFor.ts';
import type { UipiImpl } from '../../protocols/uipi/designs/reference/uipiImpl.ts';
import { findUipiDesign, UIPI_DESIGNS } from '../../protocols/uipi/designs/registry.ts';
import { checkUipiParallel } from '../../protocols/uipi/engine/checkUipiParallel.ts';
import {
  isUipiDrain,
  UIPI_DRAINS,
  UIPI_PRESET_NAMES,
  UIPI_PRESETS,
  type UipiConfig,
  type UipiDrainName,
  type UipiPresetName,
} from '../../protocols/uipi/model/config.ts';
import { formatUipiEvent } from '../../protocols/uipi/model/events.ts';
import { loadUipiConfig, uipiConfigToJson } from '../../protocols/uipi/model/loadUipiConfig.ts';
import { findUipiMutant, UIPI_MUTANTS } from '../../protocols/uipi/mutants/uipiMutants.ts';
import { UIPI_PROPERTIES } from '../../protocols/uipi/properties/index.ts';
import { uipiTrace } from '../../protocols/uipi/trace/uipiTrace.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
import { EXIT, UsageError } from '../errors.ts';
import { progressBar } from '../progress.ts';
import { writeCheckReport } from './checkHtmlReport.ts';
import { type CheckReport, type ConfigReport, formatResult, reportToJson } from './checkReport.ts';
import { checkRunOptions } from './checkRunOptions.ts';
import { traceName } from './configCheck.ts';

/** The flags `check` parsed (strings), as this protocol reads them. */
export interface UipiCheckFlags {
  readonly impl?: string;
  readonly mutant?: string;
  readonly preset?: string;
  readonly config?: string;
  readonly runs?: string;
  readonly seed?: string;
  readonly out: string;
  readonly json?: boolean;
  readonly property?: readonly string[];
  readonly maxEvents?: string;
  readonly workers?: string;
  readonly shard?: string;
  readonly note?: string;
  readonly report?: string;
  /** `--drain`: drain names, or `all`. */
  readonly drain?: readonly string[];
}

/** `--impl` (a UIPI design: the reference or another) or `--mutant` (the UIPI catalogue). */
export function resolveUipiImpl(f: Pick<UipiCheckFlags, 'impl' | 'mutant'>): UipiImpl {
  if (f.impl !== undefined && f.mutant !== undefined)
    throw new UsageError('--impl and --mutant cannot be used together');
  if (f.mutant !== undefined) {
    const m = findUipiMutant(f.mutant);
    if (m !== undefined) return m;
    throw new UsageError(
      `--mutant: unknown UIPI mutant "${f.mutant}" (known: ${UIPI_MUTANTS.map((x) => x.name).join(', ')})`,
    );
  }
  const name = f.impl ?? 'reference';
  const design = findUipiDesign(name);
  if (design !== undefined) return design;
  if (findUipiMutant(name) !== undefined)
    throw new UsageError(`--impl: "${name}" is a mutant: use --mutant ${name}`);
  throw new UsageError(
    `--impl: unknown UIPI implementation "${name}" (known: ${UIPI_DESIGNS.map((d) => d.name).join(', ')})`,
  );
}

/**
 * The configurations: the preset, the file, or small, skyloft and published (leaving out those
 * `impl` cannot run; one asked for by name is refused).
 */
function uipiConfigs(
  f: Pick<UipiCheckFlags, 'preset' | 'config'>,
  impl: UipiImpl,
): { name: string; cfg: UipiConfig }[] {
  if (f.preset !== undefined && f.config !== undefined)
    throw new UsageError('--preset and --config cannot be used together');
  const named = (name: string, cfg: UipiConfig) => {
    const why = impl.configError?.(cfg);
    if (why !== undefined) throw new UsageError(`${name}: ${why}`);
    return [{ name, cfg }];
  };
  if (f.config !== undefined) return named(f.config, loadUipiConfig(f.config));
  if (f.preset !== undefined) {
    const p = UIPI_PRESET_NAMES.find((n) => n === f.preset);
    if (p === undefined)
      throw new UsageError(
        `--preset: unknown UIPI preset "${f.preset}" (known: ${UIPI_PRESET_NAMES.join(', ')})`,
      );
    return named(p, UIPI_PRESETS[p]);
  }
  const order: readonly UipiPresetName[] = ['small', 'skyloft', 'published'];
  return order
    .map((name) => ({ name, cfg: UIPI_PRESETS[name] }))
    .filter(({ cfg }) => impl.configError?.(cfg) === undefined);
}

/**
 * `--drain`: the named drains the liveness properties are judged after, each its own verdict
 * (`all`: every one); without it, the design's own (linux-rfc-v1: both) or the configuration's.
 */
export function uipiDrainsOption(
  names: readonly string[] | undefined,
  impl: UipiImpl,
): UipiDrainName[] | undefined {
  if (names === undefined) return impl.drains === undefined ? undefined : [...impl.drains];
  const out: UipiDrainName[] = [];
  for (const n of names) {
    const add = n === 'all' ? UIPI_DRAINS : isUipiDrain(n) ? [n] : undefined;
    if (add === undefined)
      throw new UsageError(`--drain: unknown UIPI drain "${n}" (known: ${UIPI_DRAINS.join(', ')}, all)`);
    for (const d of add) if (!out.includes(d)) out.push(d);
  }
  return out;
}

/** The configuration under each drain asked for, labelled (a drain other than the configuration's own is named). */
function withDrains(
  configs: readonly { name: string; cfg: UipiConfig }[],
  drains: readonly UipiDrainName[] | undefined,
): { name: string; cfg: UipiConfig }[] {
  if (drains === undefined) return [...configs];
  return configs.flatMap(({ name, cfg }) =>
    drains.map((drain) => ({
      name: drain === cfg.drain ? name : `${name} drain=${drain}`,
      cfg: { ...cfg, drain },
    })),
  );
}

/**
 * Checks each configuration in turn under each drain asked for (every drain's verdict is
 * reported), stopping after the first configuration that fails; returns the exit code.
 */
export async function runUipiCheck(f: UipiCheckFlags): Promise<number> {
  const impl = resolveUipiImpl(f);
  const drains = uipiDrainsOption(f.drain, impl);
  const known = UIPI_PROPERTIES.map((p) => p.id);
  for (const id of f.property ?? []) {
    if (!known.includes(id)) throw new UsageError(`--property: unknown property "${id}" for protocol uipi`);
  }
  const selected = f.property;
  const checked = selected ? known.filter((id) => selected.includes(id)) : known;
  const { runs, seed, maxEvents, workers, shard, note, range } = checkRunOptions(f);
  const head: Omit<CheckReport, 'results' | 'ok'> = {
    protocol: 'uipi',
    implementation: impl.name,
    version: TOOL_VERSION,
    seed,
    runs,
    maxEvents,
    properties: checked,
    ...(shard ? { shard: { ...shard, ...range } } : {}),
  };
  const results: ConfigReport[] = [];
  const coverages: (Coverage | undefined)[] = [];
  const started = performance.now();
  const checkOne = async ({ name, cfg }: { name: string; cfg: UipiConfig }): Promise<void> => {
    const bar = progressBar(`${impl.name} ${name}`, range.to - range.from, !f.json);
    const t0 = performance.now();
    const coverage = f.report === undefined ? undefined : coverageFor('uipi');
    coverages.push(coverage);
    const r = await checkUipiParallel(
      {
        cfg,
        impl,
        runs,
        seed,
        range,
        maxEvents,
        ...(selected ? { properties: selected } : {}),
        ...(coverage === undefined ? {} : { coverage }),
        onRun: (n) => bar.tick(n),
      },
      workers,
    );
    bar.done();
    const common = {
      preset: name,
      config: uipiConfigToJson(cfg),
      runs: r.runs,
      events: r.events,
      seconds: (performance.now() - t0) / 1000,
    };
    let report: ConfigReport;
    if (r.ok) report = { ...common, ok: true };
    else {
      const v = r.failure.violation;
      const file = join(f.out, traceName('uipi', impl.name, v.property, name, shard));
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
          ...(note === undefined ? {} : { note }),
          initial: r.failure.initial,
          steps: r.failure.recorded,
        }),
      );
      report = {
        ...common,
        ok: false,
        failure: {
          run: r.index,
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
    results.push(report);
    if (!f.json) for (const line of formatResult(head, report)) console.log(line);
  };
  for (const config of uipiConfigs(f, impl)) {
    for (const run of withDrains([config], drains)) await checkOne(run);
    if (results.some((r) => !r.ok)) break;
  }
  const ok = results.every((r) => r.ok);
  if (f.json) console.log(reportToJson({ ok, ...head, results }));
  if (f.report !== undefined) {
    const seconds = (performance.now() - started) / 1000;
    // The failure's timeline replays the trace on the UIPI implementation it names.
    writeCheckReport(f.report, {
      report: { ok, ...head, results },
      coverages,
      impl: undefined,
      seconds,
      workers,
    });
    if (!f.json) console.log(`report: ${f.report}`);
  }
  return ok ? EXIT.ok : EXIT.failed;
}
