/**
 * The packed UIPI engine (uipiPackedExplore.ts) reporting as exploreUipi.ts does: on a violation
 * its BFS-shortest path is re-run through `runUipi` (with the drain for a leads-to violation)
 * judging the same properties, so the verdict, the message and the recorded steps are exactly
 * those `check` and `replay` produce and the trace written from them replays. A path that does not
 * fail there means the packed engine and the model disagree: an internal error, never a pass.
 */
import type { UipiConfig } from '../../model/config.ts';
import { selectUipi } from '../../properties/selection.ts';
import type { UipiExploreReport } from '../exploreUipi.ts';
import { runUipi } from '../runUipi.ts';
import { exploreUipiPacked, type UipiPackedOptions } from './uipiPackedExplore.ts';

/** Explores the UIPI model alone on `cfg` with the packed engine, judging `properties` (default: all). */
export function exploreUipiPackedReport(
  cfg: UipiConfig,
  properties: readonly string[] | undefined,
  opts: UipiPackedOptions = {},
): UipiExploreReport {
  const out = exploreUipiPacked(cfg, selectUipi(properties, undefined), opts);
  const stats = {
    distinct: out.distinct,
    transitions: out.transitions,
    diameter: out.diameter,
    constrained: 0,
  };
  if (out.kind !== 'violation') return { kind: out.kind, ...stats };
  const events = out.path;
  const run = runUipi(cfg, undefined, events, {
    ...(properties === undefined ? {} : { properties }),
    drain: out.where === 'liveness',
  });
  if (run.ok)
    throw new Error(
      `packed UIPI engine: the path to ${out.properties.join(', ')} does not fail in runUipi: the packed engine and the model disagree`,
    );
  const violations = out.properties.map((property) => ({
    property,
    step: events.length - 1,
    message: property,
  }));
  return {
    kind: 'violation',
    where: out.where,
    violations,
    path: events,
    ...stats,
    violation: run.violation,
    reproduction: { protocol: 'uipi', events, run },
  };
}
