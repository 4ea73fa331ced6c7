/**
 * The findings table: every finding of every protocol's designs (Protocol.findings,
 * model/finding.ts), hunted as the kill matrix hunts a mutant — random storms on a fixed budget at
 * a fixed seed, but with the finding's property alone, narrowed to the finding where it says so
 * (Protocol.findingTarget) — then explored for its BFS-shortest run within a bound on distinct
 * states. Each row says after how many storms and how long the storms caught it, how short the
 * counterexample shrank, and how short the shortest one is. Returns data; scripts/findings.ts and
 * its test decide what to print. The clock is the caller's.
 */
import type { FindingShortest } from '../engine/kill/findingTarget.ts';
import { type Hunt, KILL_EXPLORE_MAX_STATES, type KillBudget } from '../engine/kill/killAdapter.ts';
import type { Finding } from '../model/finding.ts';
import { PROTOCOLS } from './index.ts';
import type { Protocol } from './protocol.ts';

/**
 * The budget docs/findings.md is hunted with (scripts/findings.ts) and its test checks: storms per
 * finding, their seed, and the explorer's bound (the kill matrix's).
 */
export const FINDINGS_BUDGET = { runs: 5000, seed: 42, maxStates: KILL_EXPLORE_MAX_STATES } as const;

/** One finding with the protocol that reports it. */
export interface ListedFinding {
  readonly protocol: Protocol;
  readonly finding: Finding;
}

/** One row of the table. */
export interface FindingRow {
  readonly finding: Finding;
  /** What the storms found (caught: storms to detect, ms to detect, shrunk length). */
  readonly hunt: Hunt;
  /** The explorer's shortest run, or why there is none. */
  readonly shortest: FindingShortest;
  /** Milliseconds of the whole row: storms, shrinking and exploring. */
  readonly msTotal: number;
}

export interface FindingsOptions extends Omit<KillBudget, 'onRun'> {
  /** The explorer's bound, in distinct states. */
  readonly maxStates: number;
  /** Called with each row as soon as it is known. */
  readonly onRow?: (row: FindingRow) => void;
}

/** Every finding of every protocol, grouped by design (in the order designs first appear), each design's in protocol then list order. */
export function listedFindings(protocols: readonly Protocol[] = PROTOCOLS): ListedFinding[] {
  const all = protocols.flatMap((protocol) => protocol.findings.map((finding) => ({ protocol, finding })));
  const designs = [...new Set(all.map((x) => x.finding.design))];
  return designs.flatMap((d) => all.filter((x) => x.finding.design === d));
}

/** The row of `x`: its hunt within the budget, then its exploration. */
function findingRow(x: ListedFinding, o: FindingsOptions): FindingRow {
  const target = x.protocol.findingTarget(x.finding);
  const start = o.now();
  const hunt = target.hunt({
    runs: o.runs,
    seed: o.seed,
    now: o.now,
    ...(o.maxEvents === undefined ? {} : { maxEvents: o.maxEvents }),
  });
  const shortest = target.shortest(o.maxStates);
  return { finding: x.finding, hunt, shortest, msTotal: o.now() - start };
}

/** The rows of `findings` (by default every one), in order. */
export function findingRows(
  o: FindingsOptions,
  findings: readonly ListedFinding[] = listedFindings(),
): FindingRow[] {
  return findings.map((x) => {
    const row = findingRow(x, o);
    o.onRow?.(row);
    return row;
  });
}
