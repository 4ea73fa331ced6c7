/**
 * `conform --dut` as JUnit: one suite per configuration, two test cases — `refinement` (every
 * reply is the one the predictor gives) and `neverStalls` (every request is answered: no exit,
 * crash, hang or garbage), the two properties a DUT's counterexample trace names. A difference
 * fails `refinement`, a protocol failure `neverStalls`; the other case is then skipped (the check
 * stopped there). A configuration the DUT refused, or that was not run, is skipped in both.
 */
import { type ConformReport, formatConform, replayCommand } from '../conformReport.ts';
import type { JUnitCase, JUnitOutcome, JUnitSuite } from './junitXml.ts';

const PROPERTIES = ['refinement', 'neverStalls'] as const;

/** The suites of `report`. */
export function conformSuites(report: ConformReport): JUnitSuite[] {
  return report.results.map((r) => {
    const classname = `intcheck.conform.${report.dut}.${r.preset}`;
    const lines = formatConform(report.dut, report.command, report.seed, report.against, report.runs, r);
    const seconds = r.verdict === 'pass' ? r.seconds : 0;
    const outcome = (property: (typeof PROPERTIES)[number]): JUnitOutcome => {
      switch (r.verdict) {
        case 'pass':
          return { kind: 'passed' };
        case 'refused':
          return { kind: 'skipped', message: `the DUT refused the configuration: ${r.error}` };
        case 'skipped':
          return { kind: 'skipped', message: r.reason };
        case 'mismatch':
        case 'failure': {
          const failing = r.verdict === 'mismatch' ? 'refinement' : 'neverStalls';
          if (property !== failing) {
            return {
              kind: 'skipped',
              message: `not checked on every run: the check stopped at ${failing}'s failure`,
            };
          }
          return {
            kind: 'failed',
            message: `${failing} failed at step ${r.step} of run ${r.run}: ${r.message}`,
            type: r.verdict === 'mismatch' ? 'refinement' : r.kind,
            details: lines.join('\n'),
            trace: r.trace,
            replay: replayCommand(r.trace, report.command, report.against),
          };
        }
      }
    };
    const cases: JUnitCase[] = PROPERTIES.map((name) => ({
      name,
      classname,
      seconds,
      outcome: outcome(name),
      ...(r.verdict === 'pass' ? { output: lines.join('\n') } : {}),
    }));
    return {
      name: `conform ${report.dut} / ${r.preset}`,
      seconds,
      cases,
      properties: { seed: report.seed, runs: report.runs, against: report.against, command: report.command },
    };
  });
}
