/**
 * A property check of the UIPI protocol: random UIPI storms (fast-check, pinned seed; run `i` is
 * the `i`-th storm of the seed wherever it runs, seededRuns.ts) through the UIPI runner (storm,
 * then the fair drain), with fast-check's shrinking and a last pass that removes every event the
 * failure does not need. Returns data; the CLI and the tests decide what to print and save.
 */
import type { UipiImpl } from '../../impl/uipi/uipiImpl.ts';
import type { UipiConfig } from '../../model/uipi/config.ts';
import type { UipiEvent } from '../../model/uipi/events.ts';
import type { Coverage } from '../coverage/coverage.ts';
import { runUipi, type UipiRunOptions, type UipiRunResult } from '../runUipi.ts';
import { uipiStorm } from '../storms/uipiStorm.ts';
import { type RangeOutcome, type RunRange, type SeededRunsOptions, seededRuns } from './seededRuns.ts';

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
}

export type UipiCheckResult =
  | { readonly ok: true; readonly runs: number; readonly events: number }
  | {
      readonly ok: false;
      readonly runs: number;
      readonly events: number;
      readonly index: number;
      readonly shrinks: number;
      /** fast-check's shrunk storm's length (up to its failing step), before the last pass. */
      readonly shrunkLength: number;
      readonly seed: number;
      readonly path: string;
      /** The minimized storm. */
      readonly counterexample: readonly UipiEvent[];
      /** Its failing run, every step recorded (drain included). */
      readonly failure: Extract<UipiRunResult, { ok: false }>;
    };

/** At most this many runs go to the last shrinking pass. */
const MAX_MINIMIZE_RUNS = 2_000;

function runOptions(o: Pick<UipiCheckOptions, 'properties'>): UipiRunOptions {
  return { record: false, ...(o.properties ? { properties: o.properties } : {}) };
}

/** `storm` cut at its failing storm step when it fails with `property`, else undefined. */
function failingPrefix(
  o: UipiCheckOptions,
  storm: readonly UipiEvent[],
  property: string,
): readonly UipiEvent[] | undefined {
  const r = runUipi(o.cfg, o.impl, storm, runOptions(o));
  if (r.ok || r.violation.property !== property) return undefined;
  return r.phase === 'storm' ? storm.slice(0, r.violation.step + 1) : storm;
}

/** Removes, one at a time (last first), every event the storm still fails without. */
export function minimizeUipiStorm(
  o: UipiCheckOptions,
  storm: readonly UipiEvent[],
  property: string,
): readonly UipiEvent[] {
  let current = storm;
  let budget = MAX_MINIMIZE_RUNS;
  let changed = true;
  while (changed && budget > 0) {
    changed = false;
    for (let i = current.length - 1; i >= 0 && budget > 0; i--) {
      budget--;
      const kept = failingPrefix(o, [...current.slice(0, i), ...current.slice(i + 1)], property);
      if (kept === undefined) continue;
      current = kept;
      changed = true;
      i = Math.min(i, current.length);
    }
  }
  return current;
}

/** The check's storms as a seeded-run description of `o.range` (shared by this process and the workers). */
export function uipiRuns(
  o: Omit<UipiCheckOptions, 'runs'> & { readonly range: RunRange },
): SeededRunsOptions<UipiEvent[]> {
  const opts = runOptions(o);
  return {
    arbitrary: uipiStorm(o.cfg, { maxEvents: o.maxEvents ?? 80 }),
    holds: (storm) => {
      const ok = runUipi(
        o.cfg,
        o.impl,
        storm,
        o.coverage?.live ? { ...opts, coverage: o.coverage } : opts,
      ).ok;
      if (!ok && o.coverage !== undefined) o.coverage.live = false;
      return ok;
    },
    weight: (storm) => storm.length,
    seed: o.seed,
    range: o.range,
    ...(o.onRun ? { onRun: o.onRun } : {}),
  };
}

/** Runs the check, stopping at the first failing storm. */
export function checkUipi(o: UipiCheckOptions): UipiCheckResult {
  return uipiResult(o, seededRuns(uipiRuns({ ...o, range: uipiRange(o) })));
}

/** The runs of `o`'s check: the whole check when no range is given. */
export function uipiRange(o: Pick<UipiCheckOptions, 'runs' | 'range'>): RunRange {
  return o.range ?? { from: 0, to: o.runs };
}

/**
 * The result of a check from the outcome of its runs: a failure's shrunk storm is cut at its
 * failing step, minimized, and run again with every step recorded. A crash is rethrown.
 */
export function uipiResult(
  o: UipiCheckOptions,
  outcome: RangeOutcome<readonly UipiEvent[]>,
): UipiCheckResult {
  const opts = runOptions(o);
  switch (outcome.verdict) {
    case 'pass':
      return { ok: true, runs: outcome.runs, events: outcome.events };
    case 'crash':
      throw outcome.error;
    case 'fail': {
      const first = runUipi(o.cfg, o.impl, outcome.counterexample, opts);
      if (first.ok) throw new Error('check: the shrunk counterexample passes when run again');
      const prefix =
        first.phase === 'storm'
          ? outcome.counterexample.slice(0, first.violation.step + 1)
          : outcome.counterexample;
      const counterexample = minimizeUipiStorm(o, prefix, first.violation.property);
      const failure = runUipi(o.cfg, o.impl, counterexample, { ...opts, record: true });
      if (failure.ok) throw new Error('check: the minimized counterexample passes when run again');
      return {
        ok: false,
        runs: outcome.runs,
        events: outcome.events,
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
