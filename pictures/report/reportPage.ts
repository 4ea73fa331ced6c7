/**
 * The page `intcheck check … --report OUT.html` writes: what was checked (protocol,
 * implementation, seed, properties), each configuration's verdict with storms, events and time,
 * the coverage the storms reached, and for each failure its explanation, counterexample and
 * the timeline of its trace. Self-contained like every generated page; every string escaped.
 */

import type { CoverageCounts } from '../../engine/coverage/coverage.ts';
import type { DescribeProperty } from '../../engine/property.ts';
import { thousands } from '../../model/thousands.ts';
import type { CheckReport, ConfigReport } from '../../report/checkReport.ts';
import { escapeHtml as e } from '../html/escapeHtml.ts';
import { htmlPage } from '../html/htmlPage.ts';
import { renderTimeline } from '../timeline/renderTimeline.ts';
import type { Timeline } from '../timeline/timeline.ts';
import { coverageTables } from './coverageTable.ts';

/** One configuration's part of the report: its verdict, its coverage, its failure's timeline. */
export interface ReportSection {
  readonly result: ConfigReport;
  /** Undefined when the counters could not be taken (said on the page). */
  readonly coverage: CoverageCounts | undefined;
  readonly timeline?: Timeline;
}

/** What the page shows. */
export interface ReportInput {
  readonly report: CheckReport;
  readonly sections: readonly ReportSection[];
  /** Seconds the whole check took. */
  readonly seconds: number;
  readonly workers: number;
  /** The spec and intent of each property id of the report. */
  readonly describe: DescribeProperty;
}

/** The whole report page. */
export function reportPage(input: ReportInput): string {
  const { report } = input;
  const title = `intcheck check: ${report.protocol} / ${report.implementation}`;
  const facts: [string, string][] = [
    ['protocol', report.protocol],
    ['implementation', report.implementation],
    ['intcheck', report.version],
    ['seed', String(report.seed)],
    ['storms per configuration', String(report.runs)],
    ['longest storm', `${report.maxEvents} events`],
    ['workers', String(input.workers)],
    ['time', `${input.seconds.toFixed(2)} s`],
  ];
  if (report.shard) {
    const s = report.shard;
    facts.push(['shard', `${s.index}/${s.count}: runs ${s.from}..${s.to - 1}`]);
  }
  const verdict = report.ok
    ? `✓ every property holds (${input.sections.length} configuration${input.sections.length === 1 ? '' : 's'})`
    : '✗ a property fails';
  const body = [
    `<h1>${e(title)}</h1>`,
    `<div class="verdict ${report.ok ? 'ok' : 'bad'}" id="verdict">${e(verdict)}</div>`,
    `<table class="facts">${facts.map(([k, v]) => `<tr><td>${e(k)}</td><td class="mono">${e(v)}</td></tr>`).join('')}</table>`,
    '<h2>Configurations</h2>',
    configTable(input.sections),
    '<h2>Properties checked</h2>',
    propertyTable(report.properties, input.sections, input.describe),
    ...input.sections.map((s, i) => section(s, i)),
  ];
  return htmlPage(title, body.join('\n'));
}

function configTable(sections: readonly ReportSection[]): string {
  const rows = sections.map(({ result: r }) => {
    const rate = r.seconds > 0 ? thousands(Math.round(r.events / r.seconds)) : '—';
    const v = r.ok ? '✓ holds' : `✗ ${r.failure.property} fails`;
    return `<tr class="${r.ok ? '' : 'failing'}"><td class="mono">${e(r.preset)}</td><td>${e(v)}</td><td class="num">${thousands(r.runs)}</td><td class="num">${thousands(r.events)}</td><td class="num">${r.seconds.toFixed(2)}</td><td class="num">${rate}</td></tr>`;
  });
  return `<table class="configs"><tr><th>configuration</th><th>verdict</th><th class="num">storms</th><th class="num">events</th><th class="num">seconds</th><th class="num">events/s</th></tr>${rows.join('')}</table>`;
}

function propertyTable(
  ids: readonly string[],
  sections: readonly ReportSection[],
  describe: DescribeProperty,
): string {
  const rows = ids.map((id) => {
    const p = describe(id);
    const failed = sections.find((s) => !s.result.ok && s.result.failure.property === id);
    const status = failed ? `✗ fails on ${failed.result.preset}` : heldOn(sections);
    return `<tr${failed ? ' class="failing"' : ''}><td class="mono">${e(id)}</td><td>${e(p?.spec ?? '')}</td><td>${e(p?.description ?? '')}</td><td>${e(status)}</td></tr>`;
  });
  return `<table class="properties"><tr><th>property</th><th>spec</th><th>what holds</th><th>verdict</th></tr>${rows.join('')}</table>`;
}

/**
 * What a property that did not fail was judged on: every storm of every configuration when the
 * check ran to the end; otherwise the storms before the check stopped, said so (no bare ✓ for a
 * property barely checked).
 */
function heldOn(sections: readonly ReportSection[]): string {
  const storms = sections.reduce((n, s) => n + (s.result.ok ? s.result.runs : s.result.runs - 1), 0);
  const events = sections.reduce((n, s) => n + s.result.events, 0);
  const counted = `${thousands(storms)} storms, ${thousands(events)} events`;
  return sections.every((s) => s.result.ok)
    ? `✓ held in ${counted}`
    : `held in ${counted}, before the check stopped`;
}

function section(s: ReportSection, i: number): string {
  const r = s.result;
  const cov =
    s.coverage === undefined
      ? '<p class="empty">coverage was not counted for this configuration</p>'
      : coverageTables(s.coverage);
  const parts = [
    `<h2>Configuration ${e(r.preset)}</h2>`,
    `<details><summary>configuration values</summary><table>${Object.entries(r.config)
      .map(([k, v]) => `<tr><td>${e(k)}</td><td class="mono">${e(String(v))}</td></tr>`)
      .join('')}</table></details>`,
    `<h3>Coverage reached by ${thousands(r.runs)} storms</h3>`,
    cov,
  ];
  if (!r.ok) {
    const f = r.failure;
    parts.push(
      `<h3>Failure</h3><div class="failure"><div><span class="property">${e(f.property)}</span> failed at step ${f.step}${f.phase ? ` (${e(f.phase)})` : ''} of storm ${f.run}, shrunk ${f.shrinks} times to ${f.length} events: <span class="message">${e(f.message)}</span></div>` +
        (f.explanation && f.explanation.length > 0
          ? `<ul>${f.explanation.map((l) => `<li>${e(l)}</li>`).join('')}</ul>`
          : '') +
        `<div>trace <code>${e(f.trace)}</code> — replay: <code>npx intcheck replay ${e(f.trace)} --html OUT.html</code></div>` +
        `<div>fast-check: <code>${e(`{ seed: ${f.seed}, path: "${f.path}", endOnFailure: true }`)}</code></div></div>`,
    );
    if (s.timeline !== undefined) parts.push(renderTimeline(s.timeline, `timeline-${i}`));
  }
  return parts.join('\n');
}
