/**
 * The findings table as docs/findings.md shows it (between its `findings` markers): one row per
 * finding, its notes (why a finding has no saved trace, how its hunt is narrowed, why it has no
 * BFS length), and the line that says how it was hunted and under what load. scripts/findings.ts
 * writes it; the findings test regenerates the rows and checks the page against them, every
 * column but the timings (which depend on the machine).
 */
import type { FindingShortest } from '../engine/kill/findingTarget.ts';
import type { Finding, FindingRun } from '../model/finding.ts';
import { thousands } from '../model/thousands.ts';
import { median } from '../report/median.ts';
import type { FindingRow } from './findingsTable.ts';

/** How the table was hunted (the page's closing line says so). */
export interface FindingsBudgetText {
  readonly runs: number;
  readonly seed: number;
  readonly maxStates: number;
  /** The 1-minute load average while it ran (`uptime`); 0 when unknown. */
  readonly load: number;
}

/** `text` safe inside a table cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/**
 * `text` as inline code in HTML, so that a pattern's `](` is not read as a link (the docs' link
 * check reads Markdown, not code spans).
 */
const code = (text: string): string =>
  `<code>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\]/g, '&#93;')}</code>`;

/** The options beyond design and property, as `check` takes them. */
function runText(run: FindingRun | undefined): string {
  const parts = [
    run?.config === undefined ? `--preset ${run?.preset ?? 'small'}` : `--config ${run.config}`,
    ...(run?.profile === undefined ? [] : [`--profile ${run.profile}`]),
    ...(run?.drain === undefined ? [] : [`--drain ${run.drain}`]),
  ];
  return parts.map((p) => `\`${p}\``).join(' ');
}

/** The notes of one finding: its narrowing, why it has no saved trace, why it has no BFS length. */
function notesOf(f: Finding, shortest: FindingShortest): string[] {
  return [
    ...(f.run?.scenario === undefined
      ? []
      : [`Narrowed to scenario ${f.run.scenario} (\`protocols/uipi/engine/linuxFindingScenarios.ts\`).`]),
    ...(f.shows === undefined
      ? []
      : [`A failure counts only when its message matches ${code(f.shows.source)}.`]),
    ...(f.trace === null ? [`No saved trace: ${f.unsaved}`] : []),
    ...(shortest.found ? [] : [`No BFS length: ${shortest.why}.`]),
  ];
}

/** The trace column: a link to the saved trace, or "—". */
function traceText(f: Finding): string {
  if (f.trace === null) return '—';
  const name = f.trace.replace(/^traces\/saved\//, '');
  return `[${cell(name.replace(/\.itf\.json$/, ''))}](../${f.trace})`;
}

/** The table as Markdown: one row per finding, the notes, then the summary line. */
export function findingsMarkdown(rows: readonly FindingRow[], b: FindingsBudgetText): string {
  const head =
    '| # | design | protocol | upstream | bug | property | run | trace | storms | ms to detect | shrunk | BFS |';
  const rule = '| ---: | --- | --- | --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: |';
  const notes: string[] = [];
  const body = rows.map((r, i) => {
    const n = i + 1;
    const f = r.finding;
    const these = notesOf(f, r.shortest);
    if (these.length > 0) notes.push(`${n}. ${these.join(' ')}`);
    const see = these.length > 0 ? ` (note ${n})` : '';
    const h = r.hunt;
    const storms = h.caught
      ? `${h.storms}${h.endedEarly > 0 ? ` (${h.endedEarly} ended early)` : ''}`
      : `**not found** in ${h.storms}`;
    const ms = h.caught ? h.msToDetect.toFixed(1) : '—';
    const shrunk = h.caught ? String(h.counterexampleLength) : '—';
    const bfs = r.shortest.found ? String(r.shortest.length) : '—';
    const cells = [
      String(n),
      f.design,
      f.protocol,
      cell(f.upstream),
      cell(f.bug),
      `\`${f.property}\``,
      `${runText(f.run)}${f.shows === undefined && f.run?.scenario === undefined ? '' : see}`,
      `${traceText(f)}${f.trace === null ? see : ''}`,
      storms,
      ms,
      shrunk,
      `${bfs}${r.shortest.found ? '' : see}`,
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const caught = rows.filter((r) => r.hunt.caught);
  const explored = rows.filter((r) => r.shortest.found).length;
  const ms = median(caught.map((r) => (r.hunt.caught ? r.hunt.msToDetect : 0)));
  const summary =
    `${caught.length}/${rows.length} findings found by storms within ${b.runs} storms each (seed ${b.seed}); ` +
    `median time to detect ${ms === undefined ? '—' : `${ms.toFixed(1)} ms`}; ` +
    `a BFS-shortest length for ${explored} of ${rows.length} within ${thousands(b.maxStates)} distinct states each. ` +
    `Times taken at a load average of ${b.load.toFixed(2)} (\`uptime\`, 1 minute) on 2 cores shared with other work.`;
  return [head, rule, ...body, '', 'Notes:', '', ...notes, '', summary].join('\n');
}

/** `markdown` (a table as above) with its timings blanked: the ms column, the median time and the load. */
export function withoutTimings(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      if (!line.startsWith('| '))
        return line
          .replace(/median time to detect [\d.]+ ms/, 'median time to detect … ms')
          .replace(/load average of [\d.]+/, 'load average of …');
      const cells = line.split(' | ');
      if (cells.length === 12 && /^[\d.—]+$/.test(cells[9] ?? '')) cells[9] = '…';
      return cells.join(' | ');
    })
    .join('\n');
}
