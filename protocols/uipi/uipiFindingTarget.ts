/**
 * A finding of a UIPI design as the findings table hunts it (engine/kill/findingTarget.ts): UIPI
 * storms with the finding's property alone, through the same runs and result as `intcheck check
 * --protocol uipi --impl DESIGN --property ID` on one thread, under the finding's drain, narrowed
 * to its scenario (engine/linuxFindingScenarios.ts) and message where it names them; and the
 * explorer on the UIPI exploration preset of that name (small by default, the narrowed one) or
 * the finding's configuration file, with the same drain and narrowing.
 */
import { type FindingTarget, shortestOf } from '../../engine/kill/findingTarget.ts';
import type { Violation } from '../../engine/property.ts';
import { UsageError } from '../../model/badInput.ts';
import { type Finding, isFinding } from '../../model/finding.ts';
import { findUipiImpl } from './designs/registry.ts';
import { exploreUipi, UIPI_EXPLORE_PRESETS } from './engine/exploreUipi.ts';
import { findLinuxFindingScenario } from './engine/linuxFindingScenarios.ts';
import { uipiHunt } from './engine/uipiKill.ts';
import type { UipiScenario } from './engine/uipiScenario.ts';
import { isUipiDrain, type UipiConfig } from './model/config.ts';
import { loadUipiConfig } from './model/loadUipiConfig.ts';
import { resolveUipiConfigs } from './model/resolveUipiConfigs.ts';

/** `f` as a target of the UIPI protocol. */
export function uipiFindingTarget(f: Finding): FindingTarget {
  const impl = findUipiImpl(f.design);
  if (impl === undefined) throw new UsageError(`uipi: no implementation "${f.design}" (a finding's design)`);
  const run = f.run ?? {};
  if (run.profile !== undefined)
    throw new UsageError(`uipi: storm profiles are for the controller protocol (a finding of ${f.design})`);
  const drained = (cfg: UipiConfig): UipiConfig => {
    if (run.drain === undefined) return cfg;
    if (!isUipiDrain(run.drain))
      throw new UsageError(`uipi: unknown drain "${run.drain}" (a finding of ${f.design})`);
    return { ...cfg, drain: run.drain };
  };
  const scenario = scenarioOf(run.scenario);
  const named = run.config === undefined ? { preset: run.preset ?? 'small' } : { config: run.config };
  const [checked] = resolveUipiConfigs(named);
  if (checked === undefined) throw new Error('resolveUipiConfigs: no configuration');
  const cfg = drained(checked.cfg);
  const why = impl.configError?.(cfg);
  if (why !== undefined) throw new UsageError(`uipi: ${f.design} cannot run ${checked.name}: ${why}`);
  const options = {
    impl,
    properties: [f.property],
    accept: (v: Violation) => isFinding(f, v),
    ...(scenario === undefined ? {} : { scenario }),
  };
  return {
    hunt: (b) => uipiHunt({ ...options, cfg }, b),
    shortest: (maxStates) => {
      const name = run.preset ?? 'small';
      const preset = run.config === undefined ? UIPI_EXPLORE_PRESETS[name] : loadUipiConfig(run.config);
      if (preset === undefined) throw new UsageError(`uipi: no exploration preset "${name}"`);
      const r = exploreUipi({ ...options, cfg: drained(preset), maxStates });
      return shortestOf(r.kind, r.kind === 'violation' ? r.reproduction.run.steps : r.distinct, maxStates);
    },
  };
}

/** The narrowing a finding names, by its letter (linux-rfc-v1's findings); undefined when it names none. */
function scenarioOf(id: string | undefined): UipiScenario | undefined {
  if (id === undefined) return undefined;
  const sc = findLinuxFindingScenario(id);
  if (sc === undefined) throw new UsageError(`uipi: no finding scenario "${id}"`);
  return sc.scenario;
}
