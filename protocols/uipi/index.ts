/**
 * The UIPI protocol (spec/uipi.md): Intel user interrupts as the SDM and the Linux RFC define
 * them, at instruction level: SENDUIPI posts, notification processing, delivery, the kernel's
 * context-switch and `uintr_wait` steps; the fair drain after every storm.
 */

import type { StateSpace } from '../../engine/explore/stateSpace.ts';
import { withShortest } from '../../engine/kill/killAdapter.ts';
import { UsageError } from '../../model/badInput.ts';
import { findingsOn } from '../../model/finding.ts';
import type { ExploreRunArgs } from '../../report/exploreReport.ts';
import type { CheckArgs, ConfigChoice, Protocol, ProtocolConfig } from '../protocol.ts';
import { checkUipiConfig } from './checkConfig.ts';
import type { UipiImpl } from './designs/reference/uipiImpl.ts';
import { findUipiImpl, UIPI_DESIGNS } from './designs/registry.ts';
import { uipiWorkerRuns } from './engine/checkUipiParallel.ts';
import { UIPI_EXPLORE_PRESETS } from './engine/exploreUipi.ts';
import { uipiCoverage } from './engine/uipiCoverage.ts';
import { UIPI_KILL } from './engine/uipiKill.ts';
import { type UipiParallelJob, uipiParallelSpace } from './engine/uipiParallelJob.ts';
import { uipiShortest } from './engine/uipiShortest.ts';
import { precompileUipiWasm } from './engine/wasm/uipiWasmModule.ts';
import { exploreUipiConfig } from './exploreConfig.ts';
import { loadUipiTrace } from './loadTrace.ts';
import { isUipiDrain, UIPI_DRAINS, UIPI_SMALL, type UipiConfig, type UipiDrainName } from './model/config.ts';
import { loadUipiConfig, uipiConfigToJson } from './model/loadUipiConfig.ts';
import { uipiMachine } from './model/machine.ts';
import { resolveUipiConfigs } from './model/resolveUipiConfigs.ts';
import { UIPI_MUTANTS } from './mutants/uipiMutants.ts';
import { UIPI_PROPERTIES } from './properties/index.ts';
import { uipiFindingTarget } from './uipiFindingTarget.ts';

function implOf(name: string): UipiImpl {
  const impl = findUipiImpl(name);
  if (impl === undefined) throw new UsageError(`unknown UIPI implementation "${name}"`);
  return impl;
}

function bound(name: string, cfg: UipiConfig): ProtocolConfig {
  return {
    name,
    json: uipiConfigToJson(cfg),
    check: (a: CheckArgs) => checkUipiConfig(name, cfg, implOf(a.impl), a),
    explore: (a: ExploreRunArgs) =>
      exploreUipiConfig(name, cfg, a.impl === undefined ? undefined : implOf(a.impl), a),
  };
}

/**
 * The configurations a check runs: the preset, the file, or small, skyloft and published (leaving
 * out those the implementation cannot run; one asked for by name is refused), each under every
 * drain asked for (`--drain`; default: the design's own, else the configuration's), one verdict
 * per drain.
 */
function checkConfigs(c: ConfigChoice): ProtocolConfig[] {
  const impl = c.impl === undefined ? undefined : findUipiImpl(c.impl);
  const named = c.preset !== undefined || c.config !== undefined;
  const runnable = resolveUipiConfigs(c).filter(({ name, cfg }) => {
    const why = impl?.configError?.(cfg);
    if (why !== undefined && named) throw new UsageError(`${name}: ${why}`);
    return why === undefined;
  });
  const drains = drainsOption(c.drain) ?? impl?.drains;
  return runnable.flatMap(({ name, cfg }) =>
    (drains ?? [cfg.drain]).map((drain) => ({
      ...bound(drain === cfg.drain ? name : `${name} drain=${drain}`, { ...cfg, drain }),
      group: name,
    })),
  );
}

/** `--drain`: the named drains, or `all`; undefined when the option is absent. */
function drainsOption(names: readonly string[] | undefined): UipiDrainName[] | undefined {
  if (names === undefined) return undefined;
  const out: UipiDrainName[] = [];
  for (const n of names) {
    const add = n === 'all' ? UIPI_DRAINS : isUipiDrain(n) ? [n] : undefined;
    if (add === undefined)
      throw new UsageError(`--drain: unknown UIPI drain "${n}" (known: ${UIPI_DRAINS.join(', ')}, all)`);
    for (const d of add) if (!out.includes(d)) out.push(d);
  }
  return out;
}

/** The configuration an exploration runs: an exploration preset (default small), or the file, under one drain (`--drain`). */
function exploreConfig(c: ConfigChoice): ProtocolConfig {
  if (c.preset !== undefined && c.config !== undefined)
    throw new UsageError('--preset and --config cannot be used together');
  const drains = drainsOption(c.drain);
  const [asked] = drains ?? [];
  if (drains !== undefined && (asked === undefined || drains.length > 1))
    throw new UsageError(`--drain: explore judges one drain at a time (${UIPI_DRAINS.join(' or ')})`);
  const named = (name: string, cfg: UipiConfig): ProtocolConfig => {
    const drain = asked ?? cfg.drain;
    return bound(drain === cfg.drain ? name : `${name} drain=${drain}`, { ...cfg, drain });
  };
  if (c.config !== undefined) return named(c.config, loadUipiConfig(c.config));
  const name = c.preset ?? 'small';
  const cfg = UIPI_EXPLORE_PRESETS[name];
  if (cfg === undefined)
    throw new UsageError(
      `--preset: unknown UIPI exploration preset "${name}" (known: ${Object.keys(UIPI_EXPLORE_PRESETS).join(', ')})`,
    );
  return named(name, cfg);
}

export const uipi: Protocol = {
  name: 'uipi',
  summary: 'Intel user-level interrupts (UINTR): SENDUIPI, notification, delivery, the kernel paths',
  spec: 'uipi.md',
  designs: UIPI_DESIGNS,
  mutants: UIPI_MUTANTS,
  foreignMutants: [],
  properties: UIPI_PROPERTIES,
  // Every property; refinement only for a design whose specification is the model (UipiImpl.refines).
  defaultProperties: (impl) =>
    UIPI_PROPERTIES.filter((p) => p.kind !== 'refinement' || findUipiImpl(impl)?.refines === true).map(
      (p) => p.id,
    ),
  profileProperties: () => {
    throw new UsageError('--profile: storm profiles are for --protocol controller');
  },
  kill: withShortest(UIPI_KILL, uipiShortest(UIPI_KILL.properties)),
  findings: findingsOn('uipi', UIPI_DESIGNS),
  findingTarget: uipiFindingTarget,
  checkConfigs,
  exploreConfig,
  explorePresets: Object.keys(UIPI_EXPLORE_PRESETS),
  coverage: uipiCoverage,
  workerRuns: uipiWorkerRuns,
  // the keyed space of the model alone (`--no-covering`), the only UIPI search on workers; the job is exploreUipi's
  prepareExplore: precompileUipiWasm,
  parallelSpace: (job, drains) =>
    uipiParallelSpace(job as UipiParallelJob, drains) as StateSpace<unknown, unknown>,
  traceVars: [],
  loadTrace: loadUipiTrace,
  machine: () => uipiMachine(UIPI_SMALL).root,
};
