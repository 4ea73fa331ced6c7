/**
 * Exhaustive exploration of the UIPI protocol (its own configuration and implementation types,
 * so beside exploreProtocol rather than in it): builds the UIPI state space (the model alone, or
 * the product with the instruction-level reference or a UIPI mutant), runs the explorer, and on a
 * violation re-runs the BFS-shortest path through `runUipi` (with the fair drain for a liveness
 * violation), so the verdict, the message and the recorded steps are what `intcheck check
 * --protocol uipi` and `intcheck replay` produce.
 */

import type { ExploreOptions, ExploreOutcome } from '../../../engine/explore/explore.ts';
import { exploreByOrbits } from '../../../engine/explore/orbitDrain.ts';
import { exploreParallel } from '../../../engine/explore/parallel/parallelExplore.ts';
import type { StateSpace } from '../../../engine/explore/stateSpace.ts';
import type { Violation } from '../../../engine/property.ts';
import { workerEntry } from '../../../engine/workerEntry.ts';
import type { UipiImpl } from '../designs/reference/uipiImpl.ts';
import { UIPI_SKYLOFT, UIPI_SMALL, type UipiConfig } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import { selectUipi } from '../properties/selection.ts';
import { runUipi, type UipiRunResult } from './runUipi.ts';
import type { UipiParallelJob } from './uipiParallelJob.ts';
import { scenarioSpace, type UipiScenario } from './uipiScenario.ts';
import { type UipiNode, uipiSpace } from './uipiSpace.ts';

/**
 * The UIPI exploration presets. `small` (2 CPUs, 1 receiver, 2 senders, 3 vectors) is far beyond
 * a minute, so its exploration keeps the two CPUs (migration, stale notifications to the old CPU)
 * and the one receiver but has one sender with one UITT entry and one vector: coalescing,
 * suppression and migration races are inside the bound, priority between vectors and two senders
 * racing are not (storms cover them at `small`). The model there has 900,736 abstract states
 * (653,952 before it had kernel entry and exit); with the undo-CLUI flags and the owed masks (as a
 * covering measure: uipiGhostMeasure.ts) the explorer admits 1,483,160 (before: 1,062,288) and
 * exhausts them, every property and the leads-to check included.
 * No ghost merge bounds it further. `skyloft` is the Skyloft preset itself (UL4 included);
 * `skyloft2` the same scenario on two CPUs (the receiver migrates between them: the smallest
 * preset whose CPUs `--symmetry` can rename, uipiRenaming.ts).
 */
export const UIPI_EXPLORE_PRESETS: Readonly<Record<string, UipiConfig>> = {
  small: { ...UIPI_SMALL, senders: 1, vectors: 1, uittSize: 1 },
  skyloft: UIPI_SKYLOFT,
  skyloft2: { ...UIPI_SKYLOFT, cpus: 2 },
};

export interface UipiExploreRequest extends ExploreOptions {
  readonly cfg: UipiConfig;
  /** undefined: the model alone. */
  readonly impl: UipiImpl | undefined;
  readonly properties?: readonly string[];
  /** Only this finding (uipiScenario.ts): its events expanded, its leads-to violations reported. */
  readonly scenario?: UipiScenario;
  /** false: the owed masks keyed, no covering measure (uipiSpace.ts; the model alone); default true. */
  readonly covering?: boolean;
  /**
   * Worker threads (default 1): more runs the level-synchronous parallel search
   * (engine/explore/parallel/) over the keyed space (covering false, the model alone, no orbits, no
   * scenario or --max-states; uipiParallelJob.ts says why keyed only), whose complete answer is the
   * sequential one; on a violation the sequential explorer finds the counterexample (the same depth).
   */
  readonly workers?: number;
}

export interface UipiReproduction {
  readonly protocol: 'uipi';
  readonly events: readonly UipiEvent[];
  readonly run: UipiRunResult;
}

export type UipiExploreReport =
  | Exclude<ExploreOutcome<unknown>, { kind: 'violation' }>
  | (Extract<ExploreOutcome<unknown>, { kind: 'violation' }> & {
      readonly violation: Violation;
      readonly reproduction: UipiReproduction;
    });

/**
 * The search of `space` (built by orbits or not): with `opts.symmetry`, by orbits (the model
 * alone), unless a renamed member of an explored state fails its drain (engine/explore/orbitDrain.ts): then the
 * search without symmetry, whose first violation is the BFS-shortest one, answers instead.
 */
export function exploreUipiSpace(
  space: (orbits: boolean) => StateSpace<UipiNode, UipiEvent>,
  opts: ExploreOptions,
): ExploreOutcome<UipiEvent> {
  return exploreByOrbits(space, opts);
}

/** The complete answer of the parallel search of `req` (see {@link UipiExploreRequest.workers}), or undefined on a violation. */
function parallelAnswer(req: UipiExploreRequest, workers: number): UipiExploreReport | undefined {
  if (
    req.covering !== false ||
    req.impl !== undefined ||
    req.symmetry === true ||
    req.scenario !== undefined ||
    req.maxStates !== undefined
  )
    throw new Error(
      'parallel explore: the UIPI model alone keyed, without symmetry, a scenario or --max-states',
    );
  const job: UipiParallelJob = {
    protocol: 'uipi',
    cfg: req.cfg,
    properties: req.properties,
    liveness: req.liveness !== false,
    symmetry: false,
  };
  const out = exploreParallel(workerEntry('exploreWorker'), job, {
    workers,
    ...(req.onProgress === undefined ? {} : { onProgress: req.onProgress }),
  });
  return out.kind === 'violation' ? undefined : out;
}

/** Explores `req` (see above). */
export function exploreUipi(req: UipiExploreRequest): UipiExploreReport {
  const sel = selectUipi(req.properties, req.impl);
  const { scenario } = req;
  const parallel = (req.workers ?? 1) > 1 ? parallelAnswer(req, req.workers ?? 1) : undefined;
  if (parallel !== undefined) return parallel;
  if (req.symmetry === true && (req.impl !== undefined || scenario !== undefined))
    throw new Error('exploreUipi: symmetry for the model alone only, without a scenario');
  const out = exploreUipiSpace((orbits) => {
    const space = uipiSpace(req.cfg, req.impl, sel, true, orbits, req.covering !== false);
    return scenario === undefined ? space : scenarioSpace(space, scenario);
  }, req);
  if (out.kind !== 'violation') return out;
  const events = out.path as readonly UipiEvent[];
  const run = runUipi(req.cfg, req.impl, events, {
    ...(req.properties ? { properties: req.properties } : {}),
    drain: out.where === 'liveness',
  });
  if (run.ok)
    throw new Error(`explorer: the path to ${out.violations[0]?.property} does not fail in runUipi`);
  return { ...out, violation: run.violation, reproduction: { protocol: 'uipi', events, run } };
}
