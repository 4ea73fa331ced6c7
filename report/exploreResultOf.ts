/**
 * An exploration's outcome as the protocol-neutral report the command prints (report/
 * exploreReport.ts): the counts, and for a violation the counterexample's events and the trace
 * written from the protocol runner's re-run of the BFS-shortest path.
 */
import type { ExploreOutcome } from '../engine/explore/explore.ts';
import type { Violation } from '../engine/property.ts';
import type { ConfigJson } from './checkReport.ts';
import type { ExploreResult } from './exploreReport.ts';

/** What names one exploration in its report. */
export interface ExploreNames {
  readonly protocol: string;
  readonly implementation: string;
  readonly preset: string;
  readonly config: ConfigJson;
  readonly seconds: number;
  readonly label: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * The report of `out`; for a violation, `written(violation)` writes its trace and returns the
 * counterexample's formatted events and the trace's path.
 */
export function exploreResultOf(
  out:
    | Exclude<ExploreOutcome<unknown>, { kind: 'violation' }>
    | (Extract<ExploreOutcome<unknown>, { kind: 'violation' }> & { readonly violation: Violation }),
  names: ExploreNames,
  written: (v: Violation) => { readonly counterexample: readonly string[]; readonly trace: string },
): ExploreResult {
  const stats = {
    distinct: out.distinct,
    transitions: out.transitions,
    diameter: out.diameter,
    constrained: out.constrained,
  };
  if (out.kind !== 'violation') return { ...names, ...stats, kind: out.kind };
  const { counterexample, trace } = written(out.violation);
  return {
    ...names,
    ...stats,
    kind: 'violation',
    violation: out.violation,
    where: out.where,
    counterexample,
    trace,
  };
}
