/**
 * `intcheck check … --report OUT.html`: the counters a report needs (created only then) and the
 * page itself, with the timeline of each failure drawn from the trace the check just wrote
 * (read and replayed like any saved trace), written atomically.
 */

import type { Coverage } from '../../engine/coverage/coverage.ts';
import { type ReportSection, reportPage } from '../../pictures/report/reportPage.ts';
import { replayTimeline } from '../../pictures/timeline/replayTimeline.ts';
import type { Timeline } from '../../pictures/timeline/timeline.ts';
import type { ControllerImpl } from '../../protocols/controller/designs/device.ts';
import { readTrace } from '../../protocols/readTrace.ts';
import { replayTrace } from '../../replay/replay.ts';
import type { CheckReport, ConfigReport } from './checkReport.ts';
import { writeHtml } from './replayHtml.ts';

/** What the check hands over for its report page. */
export interface CheckReportArgs {
  readonly report: CheckReport;
  /** The counters of each configuration in `report.results`, in order. */
  readonly coverages: readonly (Coverage | undefined)[];
  /** The controller the failures ran on; undefined for a UIPI check (its traces name their implementation). */
  readonly impl: ControllerImpl | undefined;
  readonly seconds: number;
  readonly workers: number;
}

/** Writes the report page to `path`. */
export function writeCheckReport(path: string, a: CheckReportArgs): void {
  const sections = a.report.results.map((result, i): ReportSection => {
    const coverage = a.coverages[i]?.snapshot();
    const timeline = result.ok ? undefined : failureTimeline(result, a.impl);
    return { result, coverage, ...(timeline === undefined ? {} : { timeline }) };
  });
  writeHtml(
    '--report',
    path,
    reportPage({ report: a.report, sections, seconds: a.seconds, workers: a.workers }),
  );
}

/** The timeline of a failure's trace, replayed on the implementation that failed. */
function failureTimeline(
  result: Extract<ConfigReport, { ok: false }>,
  impl: ControllerImpl | undefined,
): Timeline {
  const parsed = readTrace(result.failure.trace);
  return replayTimeline(parsed, replayTrace(parsed, impl === undefined ? {} : { impl }), impl);
}
