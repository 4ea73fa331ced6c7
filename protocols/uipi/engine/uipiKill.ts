/**
 * The UIPI protocol's kill adapter: each UIPI mutant (and the instruction-level reference)
 * hunted with random UIPI storms and the fair drain on its preset — small, or Skyloft for a
 * mutant meant for the timer scenario (M23 cannot show anywhere else) — every UIPI property but
 * refinement, the failure shrunk and minimized as `check --protocol uipi` does. Its length is the
 * failing run's steps up to the failure — the storm, plus the fair drain's steps when a drain or
 * liveness property failed — since a liveness counterexample may need no storm event at all
 * (M23 fails on the drain alone).
 */

import type { Hunt, KillAdapter, KillBudget, KillTarget } from '../../../engine/kill/killAdapter.ts';
import { budgetRuns, stormHunt } from '../../../engine/kill/stormHunt.ts';
import { UIPI_REFERENCE, type UipiImpl } from '../designs/reference/uipiImpl.ts';
import { UIPI_SKYLOFT, UIPI_SMALL, type UipiConfig } from '../model/config.ts';
import { UIPI_MUTANTS } from '../mutants/uipiMutants.ts';
import { UIPI_GUARANTEE_IDS } from '../properties/index.ts';
import { type UipiCheckOptions, uipiResult, uipiRuns } from './checkUipi.ts';

/** The UIPI properties a hunt evaluates (every one but `uipiRefinement`). */
const PROPERTIES: readonly string[] = UIPI_GUARANTEE_IDS;

/** The preset `impl` is hunted on: Skyloft for a mutant meant for it, otherwise small. */
function uipiKillConfig(impl: UipiImpl): UipiConfig {
  return impl.preset === 'skyloft' ? UIPI_SKYLOFT : UIPI_SMALL;
}

/** `impl` (a UIPI mutant, or the reference) as a UIPI-protocol target of the matrix. */
function uipiTarget(impl: UipiImpl): KillTarget {
  return {
    protocol: 'uipi',
    name: impl.name,
    expected: impl.expectedViolations,
    hunt: (b) => uipiHunt({ cfg: uipiKillConfig(impl), impl, properties: PROPERTIES }, b),
  };
}

/**
 * Storms of `o` within `b`, as `check --protocol uipi` runs them on one thread; a caught hunt's
 * length is the failing run's steps up to the failure, the drain's included.
 */
export function uipiHunt(
  o: Pick<UipiCheckOptions, 'cfg' | 'impl' | 'properties' | 'scenario' | 'accept'>,
  b: KillBudget,
): Hunt {
  const c = { ...o, runs: b.runs, ...budgetRuns(b) };
  return stormHunt(
    uipiRuns(c),
    (outcome) => {
      const r = uipiResult(c, outcome);
      return r.ok ? null : { violated: r.failure.violations.map((v) => v.property), length: r.failure.steps };
    },
    b.now,
  );
}

/** The UIPI protocol in the kill matrix. */
export const UIPI_KILL: KillAdapter = {
  protocol: 'uipi',
  properties: PROPERTIES,
  targets: () => UIPI_MUTANTS.map(uipiTarget),
  reference: () => uipiTarget(UIPI_REFERENCE),
};
