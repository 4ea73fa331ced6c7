/**
 * A judged (packed) engine's outcome reported as the object engine reports it: on a violation the
 * BFS-shortest path is re-run through the protocol's runner judging the same properties, so the
 * verdict, the message and the recorded steps are exactly those `check` and `replay` produce and
 * the trace written from them replays. A path that does not fail there means the packed engine
 * and the model disagree: an internal error, never a silent pass. Every protocol's judged engine
 * reports through this (protocols/family/exploreJudgedProtocol.ts, the UIPI packed engine).
 */

import type { Violation } from '../../property.ts';
import type { ExploreOutcome } from '../explore.ts';
import type { JudgedOutcomeOf } from './judgedOutcome.ts';

/** A path re-run through a protocol's runner: its events and the run's verdict. */
export interface Rerun {
  readonly events: readonly unknown[];
  readonly run: { readonly ok: true } | { readonly ok: false; readonly violation: Violation };
}

/** The report: the object engine's outcome, and on a violation the runner's first violation and the re-run. */
export type JudgedReport<R extends Rerun> =
  | Exclude<ExploreOutcome<unknown>, { kind: 'violation' }>
  | (Extract<ExploreOutcome<unknown>, { kind: 'violation' }> & {
      readonly violation: Violation;
      readonly reproduction: R;
    });

/** A packed engine's counts as the object engine reports them (a packed engine applies no state constraint). */
export function packedStats(out: {
  readonly distinct: number;
  readonly transitions: number;
  readonly diameter: number;
}) {
  return { distinct: out.distinct, transitions: out.transitions, diameter: out.diameter, constrained: 0 };
}

/**
 * The report of `out`, found `where`: on a violation its path re-run by `rerun` through the
 * runner named `runner` (for the internal error), which must fail there too.
 */
export function judgedReport<R extends Rerun>(
  out: JudgedOutcomeOf<{ readonly properties: readonly string[] }>,
  where: 'step' | 'liveness',
  runner: string,
  rerun: () => R,
): JudgedReport<R> {
  const stats = packedStats(out);
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
