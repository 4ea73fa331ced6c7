/**
 * A property check of the UIPI protocol: random UIPI storms (fast-check, pinned seed; run `i` is
 * the `i`-th storm of the seed wherever it runs, seededRuns.ts) through the UIPI runner (storm,
 * then the fair drain), with fast-check's shrinking and a last pass that removes every event the
 * failure does not need (stormCheck.ts). Returns data; the CLI and the tests decide what to print and save.
 */

import {
  type RangeOutcome,
  type RunRange,
  rangeOf,
  type SeededRunsOptions,
  seededRuns,
} from '../../../engine/check/seededRuns.ts';
import {
  type StormCheckResult,
  type StormRunner,
  stormResult,
  stormRuns,
} from '../../../engine/check/stormCheck.ts';
import type { Coverage } from '../../../engine/coverage/coverage.ts';
import type { UipiImpl } from '../designs/reference/uipiImpl.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import { runUipi, type UipiRunResult } from './runUipi.ts';
import { scenarioAccepts, type UipiScenario } from './uipiScenario.ts';
import { uipiStorm } from './uipiStorm.ts';

export interface UipiCheckOptions {
  readonly cfg: UipiConfig;
  /** The implementation (checked against the model by refinement); undefined checks the model. */
  readonly impl: UipiImpl | undefined;
  readonly runs: number;
  readonly seed: number;
  readonly range?: RunRange;
  readonly properties?: readonly string[];
  /** Longest storm (default 80). */
  readonly maxEvents?: number;
  readonly onRun?: (done: number) => void;
  /** Counters to count the storms' steps into (turned off at the first failure, before shrinking). */
  readonly coverage?: Coverage;
  /** Only this finding's failures count (uipiScenario.ts); in this process only (not with workers). */
  readonly scenario?: UipiScenario;
}

export type UipiCheckResult = StormCheckResult<UipiEvent, Extract<UipiRunResult, { ok: false }>>;

/**
 * The UIPI runner with the check's options bound (the selected properties; with a scenario, its
 * runs are recorded and a failure counts only when the scenario accepts it).
 */
function uipiRunner(
  o: Pick<UipiCheckOptions, 'cfg' | 'impl' | 'properties' | 'scenario'>,
): StormRunner<UipiEvent, Extract<UipiRunResult, { ok: false }>> {
  const base = o.properties ? { properties: o.properties } : {};
  const sc = o.scenario;
  if (sc === undefined)
    return (storm, record, coverage) =>
      runUipi(o.cfg, o.impl, storm, { ...base, record, ...(coverage ? { coverage } : {}) });
  return (storm, _record, coverage) => {
    const r = runUipi(o.cfg, o.impl, storm, { ...base, record: true, ...(coverage ? { coverage } : {}) });
    return r.ok || scenarioAccepts(sc, r) ? r : { ok: true };
  };
}

/** The check's storms as a seeded-run description of `o.range` (shared by this process and the workers). */
export function uipiRuns(
  o: Omit<UipiCheckOptions, 'runs'> & { readonly range: RunRange },
): SeededRunsOptions<UipiEvent[]> {
  return stormRuns({
    ...o,
    arbitrary: (o.scenario?.storm ?? ((cfg, maxEvents) => uipiStorm(cfg, { maxEvents })))(
      o.cfg,
      o.maxEvents ?? 80,
    ),
    run: uipiRunner(o),
  });
}

/** Runs the check, stopping at the first failing storm. */
export function checkUipi(o: UipiCheckOptions): UipiCheckResult {
  return uipiResult(o, seededRuns(uipiRuns({ ...o, range: rangeOf(o) })));
}

/** The result of a check from the outcome of its runs (stormResult); a crash is rethrown. */
export function uipiResult(
  o: Pick<UipiCheckOptions, 'cfg' | 'impl' | 'properties' | 'scenario'>,
  outcome: RangeOutcome<readonly UipiEvent[]>,
): UipiCheckResult {
  return stormResult(uipiRunner(o), outcome);
}
