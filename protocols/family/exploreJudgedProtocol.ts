/**
 * The judged engine for the command line and the tests, reporting like the explorer
 * (exploreProtocol.ts): on a violation the BFS-shortest path is re-run through the wakeup runner
 * (`runWakeup`, with the drain for a leads-to violation) judging the same properties, so the
 * verdict, the message and the recorded steps are exactly those `check` and `replay` produce and
 * the trace written from them replays. A path that does not fail there means the packed engine
 * and the model disagree: an internal error, never a silent pass.
 */

import type { Config } from '../controller/model/config/config.ts';
import { exploreJudged, type JudgedOptions } from '../wakeup/engine/packed/judgedExplore.ts';
import { runWakeup } from '../wakeup/engine/runWakeup.ts';
import { defaultWakeupPropertyIds, selectWakeupProperties } from '../wakeup/properties/selection.ts';
import type { ExploreReport } from './exploreProtocol.ts';

/** The property ids the judged engine judges: the explorer's default for the model alone. */
export function judgedPropertyIds(): string[] {
  return defaultWakeupPropertyIds(undefined);
}

/** Explores the wakeup model on `cfg` with the judged engine, every default property judged (see above). */
export function exploreJudgedProtocol(cfg: Config, opts: JudgedOptions = {}): ExploreReport {
  const ids = judgedPropertyIds();
  const out = exploreJudged(cfg, selectWakeupProperties(ids, undefined), opts);
  const stats = {
    distinct: out.distinct,
    transitions: out.transitions,
    diameter: out.diameter,
    constrained: 0,
  };
  if (out.kind !== 'violation') return { kind: out.kind, ...stats };
  const events = out.path;
  const run = runWakeup(cfg, undefined, events, { properties: ids, drain: out.where === 'liveness' });
  if (run.ok)
    throw new Error(
      `judged engine: the path to ${out.properties.join(', ')} does not fail in runWakeup: the packed engine and the model disagree`,
    );
  return {
    kind: 'violation',
    where: out.where,
    violations: out.properties.map((property) => ({ property, step: events.length - 1, message: property })),
    path: events,
    ...stats,
    violation: run.violation,
    reproduction: { protocol: 'wakeup', events, run },
  };
}
