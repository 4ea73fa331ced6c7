/**
 * The UIPI protocol (spec/uipi.md): Intel user interrupts as the SDM and the Linux RFC define
 * them, at instruction level: SENDUIPI posts, notification processing, delivery, the kernel's
 * context-switch and `uintr_wait` steps; the fair drain after every storm.
 */
import { withShortest } from '../../engine/kill/killAdapter.ts';
import { UsageError } from '../../model/badInput.ts';
import type { ExploreRunArgs } from '../../report/exploreReport.ts';
import type { CheckArgs, ConfigChoice, Protocol, ProtocolConfig } from '../protocol.ts';
import { checkUipiConfig } from './checkConfig.ts';
import type { UipiImpl } from './designs/reference/uipiImpl.ts';
import { findUipiImpl, UIPI_DESIGNS } from './designs/registry.ts';
import { uipiWorkerRuns } from './engine/checkUipiParallel.ts';
import { UIPI_EXPLORE_PRESETS } from './engine/exploreUipi.ts';
import { uipiCoverage } from './engine/uipiCoverage.ts';
import { UIPI_KILL } from './engine/uipiKill.ts';
import { uipiShortest } from './engine/uipiShortest.ts';
import { exploreUipiConfig } from './exploreConfig.ts';
import { loadUipiTrace } from './loadTrace.ts';
import { UIPI_SMALL, type UipiConfig } from './model/config.ts';
import { loadUipiConfig, uipiConfigToJson } from './model/loadUipiConfig.ts';
import { uipiMachine } from './model/machine.ts';
import { resolveUipiConfigs } from './model/resolveUipiConfigs.ts';
import { UIPI_MUTANTS } from './mutants/uipiMutants.ts';
import { UIPI_PROPERTIES } from './properties/index.ts';

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

/** The configurations a check runs: the preset, the file, or small, skyloft and published. */
function checkConfigs(c: ConfigChoice): ProtocolConfig[] {
  return resolveUipiConfigs(c).map(({ name, cfg }) => bound(name, cfg));
}

/** The configuration an exploration runs: an exploration preset (default small), or the file. */
function exploreConfig(c: ConfigChoice): ProtocolConfig {
  if (c.preset !== undefined && c.config !== undefined)
    throw new UsageError('--preset and --config cannot be used together');
  if (c.config !== undefined) return bound(c.config, loadUipiConfig(c.config));
  const name = c.preset ?? 'small';
  const cfg = UIPI_EXPLORE_PRESETS[name];
  if (cfg === undefined)
    throw new UsageError(
      `--preset: unknown UIPI exploration preset "${name}" (known: ${Object.keys(UIPI_EXPLORE_PRESETS).join(', ')})`,
    );
  return bound(name, cfg);
}

export const uipi: Protocol = {
  name: 'uipi',
  summary: 'Intel user-level interrupts (UINTR): SENDUIPI, notification, delivery, the kernel paths',
  spec: 'uipi.md',
  designs: UIPI_DESIGNS,
  mutants: UIPI_MUTANTS,
  foreignMutants: [],
  properties: UIPI_PROPERTIES,
  // Every property; refinement is the reference's and its mutants' (all of them are machines refining the model).
  defaultProperties: () => UIPI_PROPERTIES.map((p) => p.id),
  profileProperties: () => {
    throw new UsageError('--profile: storm profiles are for --protocol controller');
  },
  kill: withShortest(UIPI_KILL, uipiShortest(UIPI_KILL.properties)),
  checkConfigs,
  exploreConfig,
  explorePresets: Object.keys(UIPI_EXPLORE_PRESETS),
  coverage: uipiCoverage,
  workerRuns: uipiWorkerRuns,
  traceVars: [],
  loadTrace: loadUipiTrace,
  machine: () => uipiMachine(UIPI_SMALL).root,
};
