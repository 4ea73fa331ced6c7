/**
 * Explorer throughput on the wakeup small preset (distinct states per second), against a simple
 * baseline written the way research/anchors.md §2.3 measured XState's traversal: BFS over the
 * same pure `step` and `enabled`, with `queue.shift()`-free indices but a `JSON.stringify` key and
 * no property at all. Machines shared with other jobs swing by 2–3×, so the ratio to the baseline
 * measured in the same process is the figure to compare; the issue's target (≥ 500,000 distinct
 * states/s, Spin's compiled verifier doing 600,000–900,000 here) is printed beside it. The packed
 * judged engine (protocols/wakeup/engine/packed/judgedExplore.ts: every default property and
 * leads-to, what `intcheck explore` runs by default) gets two rows, its first run and its best of
 * five more; the packed engine (protocols/wakeup/engine/packed/) gets three rows: with its state invariants (taskInOnePlace,
 * onlyOnlineRun, noStuckSystem), its first run in the process and its best of five more (after the
 * JIT has warmed up), and without them (what judging costs); Spin's `pan` on the same system runs in the same
 * process when spin is installed, so every row has its ratio to the baseline, the explorer and Spin.
 */
import { performance } from 'node:perf_hooks';
import { SMALL } from '../protocols/controller/model/config/config.ts';
import { exploreProtocol } from '../protocols/family/exploreProtocol.ts';
import { exploreJudged } from '../protocols/wakeup/engine/packed/judgedExplore.ts';
import { explorePacked } from '../protocols/wakeup/engine/packed/packedExplore.ts';
import { initialSystem } from '../protocols/wakeup/model/boot.ts';
import { enabled } from '../protocols/wakeup/model/enabled.ts';
import type { SystemState } from '../protocols/wakeup/model/state.ts';
import { step } from '../protocols/wakeup/model/step.ts';
import { selectWakeupProperties } from '../protocols/wakeup/properties/selection.ts';
import { hasSpin, runSpin } from './spinCompare.ts';
import { printTable } from './table.ts';

/** What one run measured: distinct states, elapsed seconds, and the process's CPU seconds over it. */
interface Measured {
  readonly distinct: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/**
 * Times `run` (returning its distinct-state count) by the clock and by the process's CPU time
 * (user + system, every thread: GC and JIT compiler threads included). On a machine shared with
 * other jobs the elapsed time includes waiting for a core; the CPU time does not.
 */
function measure(run: () => number): Measured {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const distinct = run();
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { distinct, seconds, cpuSeconds: (c.user + c.system) / 1e6 };
}

/** The baseline: BFS with JSON.stringify keys (bigints as strings), no properties. */
function baseline(): Measured {
  return measure(baselineRun);
}

function baselineRun(): number {
  const key = (s: SystemState) => JSON.stringify(s, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  const seen = new Set<string>();
  const queue: SystemState[] = [initialSystem(SMALL)];
  seen.add(key(queue[0] ?? initialSystem(SMALL)));
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head];
    if (s === undefined) continue;
    for (const e of enabled(SMALL, s)) {
      const r = step(SMALL, s, e);
      if (r.kind !== 'accepted') continue;
      const k = key(r.state);
      if (seen.has(k)) continue;
      seen.add(k);
      queue.push(r.state);
    }
  }
  return seen.size;
}

function timed(properties: readonly string[] | undefined, liveness: boolean): Measured {
  return measure(
    () =>
      exploreProtocol({
        protocol: 'wakeup',
        impl: undefined,
        cfg: SMALL,
        liveness,
        ...(properties ? { properties } : {}),
      }).distinct,
  );
}

/** The packed engine (model alone, its state invariants on or off): its first run in the process, or the best of `runs` after it. */
function packed(runs: number, invariants: boolean): Measured {
  let best: Measured = { distinct: 0, seconds: Number.POSITIVE_INFINITY, cpuSeconds: 0 };
  for (let i = 0; i < runs; i++) {
    const m = measure(() => explorePacked(SMALL, { invariants }).distinct);
    if (m.seconds < best.seconds) best = m;
  }
  return best;
}

/** The judged engine (every default property, leads-to from every state): its first run in the process, or the best of `runs` after it. */
function judged(runs: number): Measured {
  const sel = selectWakeupProperties(undefined, undefined);
  let best: Measured = { distinct: 0, seconds: Number.POSITIVE_INFINITY, cpuSeconds: 0 };
  for (let i = 0; i < runs; i++) {
    const m = measure(() => exploreJudged(SMALL, sel).distinct);
    if (m.seconds < best.seconds) best = m;
  }
  return best;
}

/** Spin's pan on the same system in the same run (its own elapsed time), when spin is installed. */
function spin(): ThroughputRow[] {
  if (!hasSpin()) return [];
  const r = runSpin();
  return [
    { what: 'spin pan (compiled C), same system and assertions', distinct: r.states, seconds: r.seconds },
  ];
}

export interface ThroughputRow {
  readonly what: string;
  readonly distinct: number;
  readonly seconds: number;
  /** The process's CPU seconds over the run (absent for Spin, which reports its own elapsed time). */
  readonly cpuSeconds?: number;
}

export function benchExploreThroughput(): ThroughputRow[] {
  return [
    { what: 'baseline: JSON.stringify key, no properties', ...baseline() },
    { what: 'explorer, no properties', ...timed([], false) },
    { what: 'explorer, every step property', ...timed(undefined, false) },
    { what: 'explorer, every property + leads-to from every state', ...timed(undefined, true) },
    { what: 'judged engine, every property + leads-to (first run)', ...judged(1) },
    { what: 'judged engine, every property + leads-to (best of 5 more)', ...judged(5) },
    { what: 'packed engine, state invariants (first run)', ...packed(1, true) },
    { what: 'packed engine, state invariants (best of 5 more)', ...packed(5, true) },
    { what: 'packed engine, no invariants (best of 5)', ...packed(5, false) },
    ...spin(),
  ];
}

export function printExploreThroughput(rows: readonly ThroughputRow[]): void {
  const base = rows[0];
  const explorer = rows.find((r) => r.what === 'explorer, no properties');
  const spinRow = rows.find((r) => r.what.startsWith('spin'));
  /** How many times faster (distinct states per second) `r` is than `than`. */
  const ratio = (than: ThroughputRow | undefined, r: ThroughputRow): string =>
    than === undefined ? '' : `${(r.distinct / r.seconds / (than.distinct / than.seconds)).toFixed(2)}×`;
  printTable(
    'explorer throughput, wakeup small (model alone)',
    ['run', 'distinct', 'seconds', 'distinct/s', 'distinct/CPU s', 'vs baseline', 'vs explorer', 'vs spin'],
    rows.map((r) => [
      r.what,
      r.distinct,
      Math.round(r.seconds * 1000) / 1000,
      Math.round(r.distinct / r.seconds),
      r.cpuSeconds === undefined
        ? ''
        : Math.round(r.distinct / Math.max(r.cpuSeconds, 1e-6)).toLocaleString('en-US'),
      ratio(base, r),
      ratio(explorer, r),
      ratio(spinRow, r),
    ]),
  );
  // the target counts a run that judges what its row says; the packed engine without invariants is the cost reference only
  const ours = rows.filter((r) => !r.what.startsWith('spin') && !r.what.includes('no invariants')).slice(1);
  const top = ours.reduce<ThroughputRow | undefined>(
    (a, r) => (a === undefined || r.distinct / r.seconds > a.distinct / a.seconds ? r : a),
    undefined,
  );
  const best = top === undefined ? 0 : top.distinct / top.seconds;
  console.log(
    `target ≥ 500,000 distinct states/s: ${best >= 500_000 ? 'met' : 'NOT met'} (best ${Math.round(best).toLocaleString('en-US')}/s: ${top?.what ?? 'no run'}${top?.cpuSeconds === undefined ? '' : `; ${Math.round(top.distinct / Math.max(top.cpuSeconds, 1e-6)).toLocaleString('en-US')} per CPU second`})`,
  );
  const full = rows.find((r) => r.what.includes('leads-to'));
  console.log(
    `target small preset explored completely in < 60 s: ${full !== undefined && full.seconds < 60 ? 'met' : 'NOT met'}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printExploreThroughput(benchExploreThroughput());
