/**
 * GitHub Actions workflow commands for failures: `::error file=…,title=…::message`, one per failed
 * test case of a JUnit report, so that a failing check shows on the run's summary page and the
 * pull request. The message carries the one-line failure, the trace and the replay command
 * (newlines escaped as the runner expects: `%0A`).
 */
import type { JUnitSuite } from './junitXml.ts';

/** A workflow command's message: `%`, CR and LF escaped. */
const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A workflow command's property value: also `:` and `,`. */
const property = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error` line per failed case of `suites`. */
export function githubAnnotations(suites: readonly JUnitSuite[]): string[] {
  const lines: string[] = [];
  for (const s of suites) {
    for (const c of s.cases) {
      const o = c.outcome;
      if (o.kind !== 'failed') continue;
      const where = o.trace === undefined ? '' : `file=${property(o.trace)},`;
      const body = [o.message, ...(o.trace === undefined ? [] : [`trace: ${o.trace}`])];
      if (o.replay !== undefined) body.push(`replay: ${o.replay}`);
      lines.push(
        `::error ${where}title=${property(`intcheck: ${c.name} failed (${c.classname})`)}::${data(body.join('\n'))}`,
      );
    }
  }
  return lines;
}
