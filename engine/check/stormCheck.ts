/**
 * The protocol-independent part of a storm check of a system (wakeup, syscall, UIPI): the seeded
 * runs of a storm arbitrary through the protocol's runner (coverage counted until the first
 * failure), a last shrinking pass over a failing storm, and the result: a failure's shrunk storm
 * cut at its failing step, minimized, and run again with every step recorded (for the trace).
 * Each protocol's check binds its runner and arbitrary ({@link StormRunner}) and adds nothing else.
 *
 * The last pass removes one event at a time (last first) while the run still fails with the same
 * property, until no single removal keeps it failing. fast-check shrinks storms chunk by chunk and
 * cannot split a chunk (an all-lines burst, a handler window), so this pass takes a
 * counterexample from a local minimum to one in which every event is needed. It is bounded in
 * runs, so that a long counterexample costs little.
 */
import type fc from 'fast-check';
import type { Coverage } from '../coverage/coverage.ts';
import type { Violation } from '../property.ts';
import type { CheckOutcome } from './checkOutcome.ts';
import type { EndReason } from './endedEarly.ts';
import type { RangeOutcome, RunRange, SeededRunsOptions } from './seededRuns.ts';

/** What the check reads from a failing run of any protocol's runner. */
export interface FailedRun {
  readonly ok: false;
  readonly violation: Violation;
  /** `storm` when a storm step failed (the storm is cut there), else a drain step or quiescence. */
  readonly phase: string;
}

/**
 * A protocol's runner with the check's options bound: runs `storm` (then the drain, as the
 * options say), recording every step or only the failing one, counting into `coverage` when given.
 */
export type StormRunner<E, F extends FailedRun> = (
  storm: readonly E[],
  record: boolean,
  coverage?: Coverage,
) => { readonly ok: true; readonly endedBy?: EndReason | undefined } | F;

/**
 * `run` with only the failures `accept` takes counted, the others passing (one finding of a
 * design with several of one property: model/finding.ts); `run` itself when `accept` is absent.
 */
export function acceptedOnly<E, F extends FailedRun>(
  run: StormRunner<E, F>,
  accept: ((v: Violation) => boolean) | undefined,
): StormRunner<E, F> {
  if (accept === undefined) return run;
  return (storm, record, coverage) => {
    const r = run(storm, record, coverage);
    return r.ok || accept(r.violation) ? r : { ok: true };
  };
}

/** The result of a storm check; `F` is the protocol's failing run. */
export type StormCheckResult<E, F extends FailedRun> = CheckOutcome<
  E,
  F,
  {
    /** Length of fast-check's shrunk storm (up to its failing step), before the last pass. */
    readonly shrunkLength: number;
  }
>;

/** At most this many runs are spent on the last shrinking pass. */
const MAX_MINIMIZE_RUNS = 2_000;

/** The seeded-run description of a storm check (shared by this process and the workers). */
export function stormRuns<E>(o: {
  readonly arbitrary: fc.Arbitrary<E[]>;
  readonly run: StormRunner<E, FailedRun>;
  readonly seed: number;
  readonly range: RunRange;
  readonly coverage?: Coverage;
  readonly onRun?: (done: number) => void;
}): SeededRunsOptions<E[]> {
  const { coverage } = o;
  return {
    arbitrary: o.arbitrary,
    holds: (storm) => {
      const r = o.run(storm, false, coverage?.live ? coverage : undefined);
      // Shrinking's runs are not storms the check generated: stop counting at the first failure.
      if (!r.ok && coverage !== undefined) coverage.live = false;
      return r.ok ? (r.endedBy ?? true) : false;
    },
    weight: (storm) => storm.length,
    seed: o.seed,
    range: o.range,
    ...(o.onRun ? { onRun: o.onRun } : {}),
  };
}

/** `storm` cut at its failing storm step when it fails with `property`, else undefined. */
function failingPrefix<E>(
  run: StormRunner<E, FailedRun>,
  storm: readonly E[],
  property: string,
): readonly E[] | undefined {
  const r = run(storm, false);
  if (r.ok || r.violation.property !== property) return undefined;
  return r.phase === 'storm' ? storm.slice(0, r.violation.step + 1) : storm;
}

/** `storm` (which fails with `property`) with every event removed that it can fail without. */
function minimizeStorm<E>(
  run: StormRunner<E, FailedRun>,
  storm: readonly E[],
  property: string,
): readonly E[] {
  let current = storm;
  let budget = MAX_MINIMIZE_RUNS;
  let changed = true;
  while (changed && budget > 0) {
    changed = false;
    for (let i = current.length - 1; i >= 0 && budget > 0; i--) {
      budget--;
      const kept = failingPrefix(run, [...current.slice(0, i), ...current.slice(i + 1)], property);
      if (kept === undefined) continue;
      current = kept;
      changed = true;
      i = Math.min(i, current.length);
    }
  }
  return current;
}

/** The result of a check from the outcome of its runs (see above); a crash is rethrown. */
export function stormResult<E, F extends FailedRun>(
  run: StormRunner<E, F>,
  outcome: RangeOutcome<readonly E[]>,
): StormCheckResult<E, F> {
  switch (outcome.verdict) {
    case 'pass':
      return { ok: true, runs: outcome.runs, events: outcome.events, endedEarly: outcome.endedEarly };
    case 'crash':
      throw outcome.error;
    case 'fail': {
      const shrunk = outcome.counterexample;
      const first = run(shrunk, false);
      if (first.ok) {
        throw new Error(
          'check: the shrunk counterexample passes when run again (non-deterministic implementation?)',
        );
      }
      // Like fast-check's commands, report only the events that ran: a storm step failure ends the run there.
      const prefix = first.phase === 'storm' ? shrunk.slice(0, first.violation.step + 1) : shrunk;
      const counterexample = minimizeStorm(run, prefix, first.violation.property);
      const failure = run(counterexample, true);
      if (failure.ok) throw new Error('check: the minimized counterexample passes when run again');
      return {
        ok: false,
        runs: outcome.runs,
        events: outcome.events,
        endedEarly: outcome.endedEarly,
        index: outcome.index,
        shrinks: outcome.shrinks,
        shrunkLength: prefix.length,
        seed: outcome.seed,
        path: outcome.path,
        counterexample,
        failure,
      };
    }
  }
}
