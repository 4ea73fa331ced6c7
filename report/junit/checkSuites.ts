/**
 * `check` (and `merge`) as JUnit: one suite per configuration checked, one test case per property.
 * A configuration that held passes every property; in one that failed, the failing property carries
 * the shrunk counterexample, the trace and the replay command, and the other properties are
 * skipped — they held in the storms before the failing one, but the check stopped there, so they
 * were not checked on every storm. Configurations after a failing one are not run, and not listed.
 */
import { type CheckReport, formatResult } from '../checkReport.ts';
import type { JUnitCase, JUnitSuite } from './junitXml.ts';

/** The suites of `report`. */
export function checkSuites(report: CheckReport): JUnitSuite[] {
  return report.results.map((r) => {
    const classname = `intcheck.check.${report.protocol}.${report.implementation}.${r.preset}`;
    const lines = formatResult(report, r);
    const cases: JUnitCase[] = report.properties.map((property) => {
      const base = { name: property, classname, seconds: r.seconds };
      if (r.ok) return { ...base, outcome: { kind: 'passed' }, output: lines.join('\n') };
      const f = r.failure;
      if (f.property !== property) {
        return {
          ...base,
          outcome: {
            kind: 'skipped',
            message: `not checked on every storm: the check stopped at ${f.property}'s failure`,
          },
        };
      }
      return {
        ...base,
        outcome: {
          kind: 'failed',
          message: `${f.property} failed at step ${f.step}: ${f.message}`,
          type: f.property,
          details: lines.join('\n'),
          trace: f.trace,
          replay: `npx intcheck replay ${f.trace}`,
        },
      };
    });
    return {
      name: `${report.protocol} / ${report.implementation} / ${r.preset}`,
      seconds: r.seconds,
      cases,
      properties: {
        seed: report.seed,
        runs: r.runs,
        maxEvents: report.maxEvents,
        version: report.version,
        ...(report.shard === undefined ? {} : { shard: `${report.shard.index}/${report.shard.count}` }),
      },
    };
  });
}
