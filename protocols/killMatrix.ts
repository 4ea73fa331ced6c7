/**
 * The kill matrix: every mutant of every protocol (kill/killAdapters.ts) hunted with random
 * storms on a fixed budget, then, where the protocol has the explorer wired in, explored on the
 * small preset — for the shortest counterexample, and to catch what the storms missed. Each row
 * says whether a property caught the mutant, which one, after how many storms and how long, how
 * short the shrunk counterexample is and how short the shortest one is. Refinement is left out,
 * so a mutant counts as caught only when a property on its own abstraction fails. Returns data;
 * the CLI and the README script decide what to print. The clock is the caller's.
 */
import type { KillBudget, KillTarget, Shortest } from '../engine/kill/killAdapter.ts';
import { KILL_ADAPTERS } from './killAdapters.ts';

/** What every row shares: which mutant, on which protocol, who the catalogue expects to catch it. */
interface RowHead {
  readonly mutant: string;
  readonly protocol: string;
  readonly expected: readonly string[];
  /** Storms generated, the failing one included (shrinking not counted). */
  readonly storms: number;
  /** Storms the design stopped in before the failing one (a stall, an abort, an undefined outcome). */
  readonly endedEarly: number;
  /** Events of the explorer's shortest counterexample; null when no explorer is wired or it found none. */
  readonly shortestLength: number | null;
}

/** One row of the matrix, discriminated on `verdict`. */
export type KillRow =
  | (RowHead & {
      readonly verdict: 'caught';
      /** Random storms, or the explorer after the storms missed it. */
      readonly detectedBy: 'storms' | 'explorer';
      /** The first property that failed (in evaluation order). */
      readonly property: string;
      /** Every property that failed at that step. */
      readonly violated: readonly string[];
      /** True when one of the failing properties is among the expected ones. */
      readonly asExpected: boolean;
      /** Milliseconds from the start until the first failing storm had run (or the explorer had finished). */
      readonly msToDetect: number;
      /** Milliseconds of the whole check, shrinking and exploring included. */
      readonly msTotal: number;
      /** Events in the shrunk counterexample (the explorer's when it caught the mutant). */
      readonly counterexampleLength: number;
    })
  | (RowHead & {
      readonly verdict: 'survived';
      /** Milliseconds spent on the whole budget. */
      readonly msTotal: number;
    });

export interface KillMatrixOptions extends Omit<KillBudget, 'onRun'> {
  /** Called after every generated storm of the target being hunted. */
  readonly onRun?: (target: KillTarget, done: number) => void;
  /** Called with each row as soon as it is known. */
  readonly onRow?: (row: KillRow) => void;
  /** False: storms only, the explorer is not run (`intcheck mutants --no-explore`); default true. */
  readonly explore?: boolean;
}

/** The mutants of `protocols` (every protocol when absent), as targets, in catalogue order. */
export function killTargets(protocols?: readonly string[]): KillTarget[] {
  return KILL_ADAPTERS.filter((a) => protocols === undefined || protocols.includes(a.protocol)).flatMap((a) =>
    a.targets(),
  );
}

/** The rows of `targets` (by default every mutant of every protocol), in order. */
export function killMatrix(o: KillMatrixOptions, targets: readonly KillTarget[] = killTargets()): KillRow[] {
  return targets.map((t) => {
    const row = killRow(t, o);
    o.onRow?.(row);
    return row;
  });
}

/** Hunts one target with storms, then runs the explorer when one is wired in. */
export function killRow(t: KillTarget, o: KillMatrixOptions): KillRow {
  const { onRun } = o;
  const budget: KillBudget = {
    runs: o.runs,
    seed: o.seed,
    now: o.now,
    ...(o.maxEvents === undefined ? {} : { maxEvents: o.maxEvents }),
    ...(onRun ? { onRun: (done: number) => onRun(t, done) } : {}),
  };
  const start = o.now();
  const hunt = t.hunt(budget);
  const shortest: Shortest = (o.explore === false ? undefined : t.shortest?.()) ?? { found: false };
  const msTotal = o.now() - start;
  const head = {
    mutant: t.name,
    protocol: t.protocol,
    expected: t.expected,
    storms: hunt.storms,
    endedEarly: hunt.endedEarly,
    shortestLength: shortest.found ? shortest.length : null,
  };
  const caught = (violated: readonly string[]) => ({
    ...head,
    verdict: 'caught' as const,
    property: violated[0] ?? '',
    violated,
    asExpected: violated.some((id) => t.expected.includes(id)),
    msTotal,
  });
  if (hunt.caught) {
    return {
      ...caught(hunt.violated),
      detectedBy: 'storms',
      msToDetect: hunt.msToDetect,
      counterexampleLength: hunt.counterexampleLength,
    };
  }
  if (shortest.found && shortest.violated.length > 0) {
    return {
      ...caught(shortest.violated),
      detectedBy: 'explorer',
      msToDetect: msTotal,
      counterexampleLength: shortest.length,
    };
  }
  return { ...head, verdict: 'survived', msTotal };
}

/** The median of `xs`; undefined when empty. */
function median(xs: readonly number[]): number | undefined {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  const mid = Math.floor(s.length / 2);
  const hi = s[mid] ?? 0;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] ?? hi) + hi) / 2;
}

/** The median detection time of the caught rows in milliseconds; undefined when none was caught. */
export function medianMsToDetect(rows: readonly KillRow[]): number | undefined {
  return median(rows.flatMap((r) => (r.verdict === 'caught' ? [r.msToDetect] : [])));
}

/**
 * The median of shrunk length / shortest length over the rows caught by storms that have a
 * shortest length; undefined while no explorer column exists.
 */
export function medianShrunkRatio(rows: readonly KillRow[]): number | undefined {
  return median(
    rows.flatMap((r) =>
      r.verdict === 'caught' && r.detectedBy === 'storms' && r.shortestLength !== null && r.shortestLength > 0
        ? [r.counterexampleLength / r.shortestLength]
        : [],
    ),
  );
}
