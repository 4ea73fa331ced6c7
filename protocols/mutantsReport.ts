/**
 * The report of `intcheck mutants` (what `--json` prints, and the programmatic API's `mutants`),
 * and the same as JUnit: one suite per protocol, one test case per mutant, passed when a property
 * caught it and failed when it survived the budget. A survivor has no counterexample (none was
 * found): its failure names the budget and the command that hunts it with more storms.
 */
import type { JUnitCase, JUnitSuite } from '../report/junit/junitXml.ts';
import type { KillRow } from './killMatrix.ts';

export interface MutantsReport {
  /** Every mutant was caught. */
  readonly ok: boolean;
  readonly preset: 'small';
  readonly seed: number;
  /** Random storms per mutant (the budget). */
  readonly runs: number;
  /** Whether the explorer hunted the mutants the storms missed. */
  readonly explore: boolean;
  /** The properties each protocol's hunt judges (refinement left out). */
  readonly properties: Readonly<Record<string, readonly string[]>>;
  readonly caught: number;
  readonly survived: number;
  readonly medianMsToDetect: number | null;
  readonly medianShrunkToShortest: number | null;
  /** One row per mutant, in catalogue order; milliseconds to the hundredth. */
  readonly rows: readonly KillRow[];
}

/** The command that hunts `row`'s mutant with `runs` storms of its own. */
const huntCommand = (row: KillRow, runs: number): string =>
  `npx intcheck check --protocol ${row.protocol} --mutant ${row.mutant} --preset small --runs ${runs}`;

/** The suites of `report`: one per protocol, in the rows' order. */
export function mutantsSuites(report: MutantsReport): JUnitSuite[] {
  const protocols = [...new Set(report.rows.map((r) => r.protocol))];
  return protocols.map((protocol) => {
    const rows = report.rows.filter((r) => r.protocol === protocol);
    const cases: JUnitCase[] = rows.map((r) => {
      const base = { name: r.mutant, classname: `intcheck.mutants.${protocol}`, seconds: r.msTotal / 1000 };
      if (r.verdict === 'caught') {
        const by = r.detectedBy === 'explorer' ? 'the explorer' : `storm ${r.storms}`;
        return {
          ...base,
          outcome: { kind: 'passed' },
          output: `caught by ${r.violated.join(', ')} (${by}; expected ${r.expected.join(', ')}); shrunk counterexample of ${r.counterexampleLength} events`,
        };
      }
      const how = report.explore
        ? `${report.runs} storms and the explorer`
        : `${report.runs} storms, explorer off`;
      const hunt = huntCommand(r, report.runs * 10);
      return {
        ...base,
        outcome: {
          kind: 'failed',
          message: `${r.mutant} survived ${how}: no property caught it (expected: ${r.expected.join(', ')})`,
          type: 'survived',
          details: [
            `mutant ${protocol}/${r.mutant} survived ${how} (seed ${report.seed}, preset small, refinement excluded)`,
            `expected to be caught by: ${r.expected.join(', ')}`,
            `hunt it with more storms: ${hunt}`,
          ].join('\n'),
          replay: hunt,
        },
      };
    });
    return {
      name: `mutants ${protocol}`,
      seconds: rows.reduce((t, r) => t + r.msTotal / 1000, 0),
      cases,
      properties: { seed: report.seed, runs: report.runs, explore: String(report.explore) },
    };
  });
}
