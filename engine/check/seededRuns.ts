/**
 * The protocol-independent core of every random check: run `i` of a check with seed `s` is the
 * `i`-th value fast-check generates for `s` (fast-check's own replay path `"i"`), run on its own
 * and shrunk on its own. So any contiguous range of runs can be checked anywhere — in this
 * process, in a worker thread, on another machine — and the ranges' outcomes combine into
 * exactly what one `fc.check(property, { seed: s, numRuns })` over all runs reports: the
 * failure of the lowest failing run, with the same seed and replay path.
 *
 * Starting a range at run `from` costs `from` generator jumps (about a microsecond each), so a
 * range should be long; {@link splitRange} makes few, long, contiguous ranges.
 */
import fc from 'fast-check';
import { addEnded, type EndedEarly, endedOnce, NONE_ENDED, type RunHeld } from './endedEarly.ts';

/** Run indices `from` (inclusive) to `to` (exclusive) of a check. */
export interface RunRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The first failing run of a check (or of a range of it) and its shrunk counterexample `C`: what
 * a range reports and what a protocol's check outcome (checkOutcome.ts) extends.
 */
export interface FirstFailure<C> {
  /** Runs executed until the first failure, the failing one included (shrinking not counted). */
  readonly runs: number;
  readonly events: number;
  /** Runs before the failing one that ended early (a stall, an abort, an undefined outcome). */
  readonly endedEarly: EndedEarly;
  /** 0-based index of the failing run in the whole check. */
  readonly index: number;
  readonly shrinks: number;
  readonly seed: number;
  /** fast-check's replay path of the shrunk counterexample (`"index:…"`). */
  readonly path: string;
  /** The shrunk counterexample. */
  readonly counterexample: C;
}

/** What running a range found; `runs` and `events` count generated runs only (never shrinking). */
export type RangeOutcome<T> =
  | {
      readonly verdict: 'pass';
      readonly from: number;
      readonly to: number;
      readonly runs: number;
      readonly events: number;
      readonly endedEarly: EndedEarly;
    }
  | ({ readonly verdict: 'fail'; readonly from: number; readonly to: number } & FirstFailure<T>)
  | {
      readonly verdict: 'crash';
      readonly from: number;
      readonly to: number;
      readonly runs: number;
      readonly events: number;
      readonly endedEarly: EndedEarly;
      /** Index of the run whose check threw (or whose shrinking did). */
      readonly index: number;
      /** What the check threw (an internal error, never a property failure). */
      readonly error: unknown;
    };

export interface SeededRunsOptions<T> {
  readonly arbitrary: fc.Arbitrary<T>;
  /**
   * True when the run passes, false when it fails, or how it ended early (it passes, and is
   * counted in `endedEarly`); a throw is a crash, reported and not shrunk further.
   */
  readonly holds: (value: T) => RunHeld;
  /** What a run counts as in `events` (its length, say); 0 when absent. */
  readonly weight?: (value: T) => number;
  /** The seed of the whole check (not of the range): run `i` is the same wherever it runs. */
  readonly seed: number;
  /** The runs to execute. */
  readonly range: RunRange;
  /** Called after every generated run (not shrink runs) with the count so far in this range. */
  readonly onRun?: (done: number) => void;
}

/** Runs `range` of the check and shrinks the first failure, as one fast-check run would. */
export function seededRuns<T>(o: SeededRunsOptions<T>): RangeOutcome<T> {
  const { from, to } = o.range;
  let runs = 0;
  let events = 0;
  let endedEarly = NONE_ENDED;
  let shrinking = false;
  let crash: { readonly error: unknown } | undefined;
  if (to <= from) return { verdict: 'pass', from, to, runs: 0, events: 0, endedEarly };
  const property = fc.property(o.arbitrary, (value) => {
    if (crash !== undefined) return true; // a crash is not shrunk: let fast-check finish at once
    if (!shrinking) {
      runs++;
      events += o.weight?.(value) ?? 0;
      o.onRun?.(runs);
    }
    let held: RunHeld;
    try {
      held = o.holds(value);
    } catch (error) {
      crash = { error };
      return false;
    }
    if (held === false) {
      shrinking = true;
      return false;
    }
    if (held !== true && !shrinking) endedEarly = endedOnce(endedEarly, held);
    return true;
  });
  const details = fc.check(property, {
    seed: o.seed,
    numRuns: to - from,
    ...(from > 0 ? { path: String(from) } : {}),
  });
  if (crash !== undefined)
    return { verdict: 'crash', from, to, runs, events, endedEarly, index: from + runs - 1, ...crash };
  if (!details.failed) return { verdict: 'pass', from, to, runs, events, endedEarly };
  const shrunk = details.counterexample?.[0];
  if (shrunk === undefined) throw new Error('check: fast-check reported a failure without a counterexample');
  return {
    verdict: 'fail',
    from,
    to,
    runs,
    events,
    endedEarly,
    index: from + runs - 1,
    shrinks: details.numShrinks,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    counterexample: shrunk,
  };
}

/**
 * The outcome of the ranges `parts` (contiguous, in order) taken together, or undefined while it
 * is not yet decided: a part not yet known (undefined) comes before any known failure. The
 * verdict is the lowest failing run's; runs and events count up to it, so the result does not
 * depend on how the runs were split or scheduled.
 */
export function combineOutcomes<T>(
  parts: readonly (RangeOutcome<T> | undefined)[],
): RangeOutcome<T> | undefined {
  const first = parts[0];
  if (first === undefined) return undefined;
  let runs = 0;
  let events = 0;
  let endedEarly = NONE_ENDED;
  let to = first.from;
  for (const part of parts) {
    if (part === undefined) return undefined;
    if (part.from !== to) throw new Error(`check: ranges are not contiguous (${to} then ${part.from})`);
    runs += part.runs;
    events += part.events;
    endedEarly = addEnded(endedEarly, part.endedEarly);
    to = part.to;
    if (part.verdict !== 'pass') return { ...part, from: first.from, runs, events, endedEarly };
  }
  return { verdict: 'pass', from: first.from, to, runs, events, endedEarly };
}

/** `range` cut into at most `parts` contiguous non-empty ranges of near-equal length, in order. */
export function splitRange(range: RunRange, parts: number): RunRange[] {
  const n = Math.max(0, range.to - range.from);
  const k = Math.max(1, Math.min(parts, n));
  const out: RunRange[] = [];
  for (let i = 0; i < k; i++) {
    out.push({ from: range.from + Math.floor((i * n) / k), to: range.from + Math.floor(((i + 1) * n) / k) });
  }
  return out.filter((r) => r.to > r.from);
}

/** The runs of shard `index` of `count` in a check of `runs` runs: the index-th contiguous slice. */
export function shardRange(runs: number, index: number, count: number): RunRange {
  return { from: Math.floor((index * runs) / count), to: Math.floor(((index + 1) * runs) / count) };
}

/** The runs of a check of `runs` runs restricted to `range` (the whole check when no range is given). */
export function rangeOf(o: { readonly runs: number; readonly range?: RunRange | undefined }): RunRange {
  return o.range ?? { from: 0, to: o.runs };
}
