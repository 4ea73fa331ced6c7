/**
 * The random half of a kill adapter, for any protocol whose check is a {@link seededRuns}
 * description: run the budget, note the time of the first failing storm, and let the protocol
 * turn the shrunk counterexample into "which properties failed, after how many events".
 */
import { type RangeOutcome, type SeededRunsOptions, seededRuns } from '../check/seededRuns.ts';
import type { Hunt, KillBudget } from './killAdapter.ts';

/** A failing check as the matrix reports it. */
export interface Failed {
  /** Every property that failed at the failing step, in evaluation order. */
  readonly violated: readonly string[];
  /** Events in the shrunk (and, where the protocol does it, minimized) counterexample. */
  readonly length: number;
}

/**
 * Hunts with `runs` (the protocol's seeded-run description of the budget's range) and reads a
 * failure with `failed` (the protocol's result function: null when the outcome passed; a crash
 * is rethrown by it).
 */
export function stormHunt<T>(
  runs: SeededRunsOptions<T>,
  failed: (outcome: RangeOutcome<T>) => Failed | null,
  now: KillBudget['now'],
): Hunt {
  const start = now();
  let at: number | undefined;
  const outcome = seededRuns({
    ...runs,
    holds: (value) => {
      const held = runs.holds(value);
      if (held === false && at === undefined) at = now();
      return held;
    },
  });
  const f = failed(outcome);
  const endedEarly = outcome.endedEarly.runs;
  if (f === null || f.violated.length === 0) return { caught: false, storms: outcome.runs, endedEarly };
  return {
    caught: true,
    storms: outcome.runs,
    endedEarly,
    violated: f.violated,
    msToDetect: (at ?? now()) - start,
    counterexampleLength: f.length,
  };
}

/** The budget's storms as a seeded-run range, with its progress callback and storm length. */
export function budgetRuns(b: KillBudget): {
  readonly seed: number;
  readonly range: { readonly from: number; readonly to: number };
  readonly maxEvents?: number;
  readonly onRun?: (done: number) => void;
} {
  return {
    seed: b.seed,
    range: { from: 0, to: b.runs },
    ...(b.maxEvents === undefined ? {} : { maxEvents: b.maxEvents }),
    ...(b.onRun ? { onRun: b.onRun } : {}),
  };
}
