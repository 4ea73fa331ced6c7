/**
 * The judged engines (the wakeup model alone, judgedExplore.ts; the controller model alone,
 * controllerJudgedExplore.ts) for the command line and the tests, reporting like the explorer
 * (exploreProtocol.ts): on a violation the BFS-shortest path is re-run through the protocol's runner
 * (`runWakeup`, with the drain for a leads-to violation; `runController`) judging the same
 * properties, so the verdict, the message and the recorded steps are exactly those `check` and
 * `replay` produce and the trace written from them replays. A path that does not fail there means
 * the packed engine and the model disagree: an internal error, never a silent pass.
 */

import type { JudgedOutcomeOf } from '../../engine/explore/packed/judgedOutcome.ts';
import {
  type ControllerJudgedOptions,
  exploreControllerJudged,
} from '../controller/engine/packed/controllerJudgedExplore.ts';
import { runController } from '../controller/engine/runController.ts';
import type { Config } from '../controller/model/config/config.ts';
import {
  defaultControllerPropertyIds,
  selectControllerProperties,
} from '../controller/properties/selection.ts';
import { exploreJudged, type JudgedOptions } from '../wakeup/engine/packed/judgedExplore.ts';
import { runWakeup } from '../wakeup/engine/runWakeup.ts';
import { defaultWakeupPropertyIds, selectWakeupProperties } from '../wakeup/properties/selection.ts';
import type { ExploreReport, Reproduction } from './exploreProtocol.ts';

/** The protocols a judged engine explores (the model alone). */
export type JudgedProtocol = 'wakeup' | 'controller';

/** The property ids the judged engine of `protocol` judges: the explorer's default for the model alone. */
export function judgedPropertyIds(protocol: JudgedProtocol): string[] {
  return protocol === 'wakeup'
    ? defaultWakeupPropertyIds(undefined)
    : defaultControllerPropertyIds(undefined);
}

/**
 * The report of a judged search's outcome `out`: on a violation its path re-run by `rerun` through
 * the protocol's runner, `runner`, which must fail there too.
 */
function judgedReport(
  out: JudgedOutcomeOf<{ readonly properties: readonly string[]; readonly path: readonly unknown[] }>,
  where: 'step' | 'liveness',
  runner: string,
  rerun: () => Reproduction,
): ExploreReport {
  const stats = {
    distinct: out.distinct,
    transitions: out.transitions,
    diameter: out.diameter,
    constrained: 0,
  };
  if (out.kind !== 'violation') return { kind: out.kind, ...stats };
  const reproduction = rerun();
  const { run, events } = reproduction;
  if (run.ok)
    throw new Error(
      `judged engine: the path to ${out.properties.join(', ')} does not fail in ${runner}: the packed engine and the model disagree`,
    );
  const violations = out.properties.map((property) => ({
    property,
    step: events.length - 1,
    message: property,
  }));
  return {
    kind: 'violation',
    where,
    violations,
    path: events,
    ...stats,
    violation: run.violation,
    reproduction,
  };
}

/** Explores the wakeup model on `cfg` with the judged engine, every default property judged (see above). */
export function exploreJudgedProtocol(cfg: Config, opts: JudgedOptions = {}): ExploreReport {
  const ids = judgedPropertyIds('wakeup');
  const out = exploreJudged(cfg, selectWakeupProperties(ids, undefined), opts);
  const where = out.kind === 'violation' ? out.where : 'step';
  return judgedReport(out, where, 'runWakeup', () => {
    const events = out.kind === 'violation' ? out.path : [];
    const run = runWakeup(cfg, undefined, events, { properties: ids, drain: where === 'liveness' });
    return { protocol: 'wakeup', events, run };
  });
}

/** Explores the controller model on `cfg` with its judged engine, every default property judged (see above). */
export function exploreControllerJudgedProtocol(
  cfg: Config,
  opts: ControllerJudgedOptions = {},
): ExploreReport {
  const ids = judgedPropertyIds('controller');
  const out = exploreControllerJudged(cfg, selectControllerProperties(ids), opts);
  return judgedReport(out, 'step', 'runController', () => {
    const events = out.kind === 'violation' ? out.path : [];
    return {
      protocol: 'controller',
      events,
      run: runController(cfg, undefined, events, { properties: ids }),
    };
  });
}
