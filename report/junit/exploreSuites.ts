/**
 * `explore` as JUnit: one suite (the configuration explored), one test case per property judged.
 * An exhausted bound passes them all; a violation fails its property with the BFS-shortest
 * counterexample, the trace and the replay command, and skips the others (the search stopped
 * there); a search stopped by --max-states skips every property (no verdict).
 */
import type { ExploreReport } from '../exploreReport.ts';
import type { JUnitOutcome, JUnitSuite } from './junitXml.ts';

/** The suite of `report`; `lines` is its text report. */
export function exploreSuites(report: ExploreReport, lines: readonly string[]): JUnitSuite[] {
  const classname = `intcheck.explore.${report.protocol}.${report.implementation}.${report.preset}`;
  const details = lines.join('\n');
  const outcome = (property: string): JUnitOutcome => {
    if (report.verdict === 'complete') return { kind: 'passed' };
    const v = report.violation;
    if (report.verdict === 'maxStates' || v === undefined) {
      return {
        kind: 'skipped',
        message: 'no verdict: --max-states stopped the search before the bound was exhausted',
      };
    }
    if (v.property !== property) {
      return {
        kind: 'skipped',
        message: `not judged on every state: the search stopped at ${v.property}'s violation`,
      };
    }
    const trace = report.trace;
    return {
      kind: 'failed',
      message: `${v.property} violated (${v.where}) at step ${v.step}: ${v.message}`,
      type: v.property,
      details,
      ...(trace === undefined ? {} : { trace, replay: `npx intcheck replay ${trace}` }),
    };
  };
  return [
    {
      name: `explore ${report.protocol} / ${report.implementation} / ${report.preset}`,
      seconds: report.seconds,
      cases: report.properties.map((name) => ({
        name,
        classname,
        seconds: report.seconds,
        outcome: outcome(name),
        ...(report.verdict === 'complete' ? { output: details } : {}),
      })),
      properties: { distinct: report.distinct, transitions: report.transitions, version: report.version },
    },
  ];
}
