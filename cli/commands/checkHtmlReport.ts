/**
 * `intcheck check … --report OUT.html`: the counters a report needs (created only then) and the
 * page itself, with the timeline of each failure drawn from the trace the check just wrote
 * (read and replayed like any saved trace), written atomically.
 */

import type { Coverage } from '../../engine/coverage/coverage.ts';
import { type ReportSection, reportPage } from '../../pictures/report/reportPage.ts';
import type { Timeline } from '../../pictures/timeline/timeline.ts';
import { readTrace } from '../../protocols/readTrace.ts';
import { findProperty } from '../../protocols/registry.ts';
import type { CheckReport, ConfigReport } from '../../report/checkReport.ts';
import { writeHtml } from './replayHtml.ts';

/** What the check hands over for its report page. */
export interface CheckReportArgs {
  readonly report: CheckReport;
  /** The counters of each configuration in `report.results`, in order. */
  readonly coverages: readonly (Coverage | undefined)[];
  readonly seconds: number;
  readonly workers: number;
}

/** Writes the report page to `path`. */
export function writeCheckReport(path: string, a: CheckReportArgs): void {
  const sections = a.report.results.map((result, i): ReportSection => {
    const coverage = a.coverages[i]?.snapshot();
    const timeline = result.ok ? undefined : failureTimeline(result);
    return { result, coverage, ...(timeline === undefined ? {} : { timeline }) };
  });
  writeHtml(
    '--report',
    path,
    reportPage({
      report: a.report,
      sections,
      seconds: a.seconds,
      workers: a.workers,
      describe: findProperty,
    }),
  );
}

/** The timeline of a failure's trace, replayed on the implementation that failed (the one the trace names). */
function failureTimeline(result: Extract<ConfigReport, { ok: false }>): Timeline {
  const trace = readTrace(result.failure.trace);
  const replay = trace.replay(trace.header.implementation);
  if (replay === undefined) {
    throw new Error(
      `--report: the trace a check wrote names an unknown implementation (${trace.header.implementation})`,
    );
  }
  return replay.timeline(findProperty);
}
