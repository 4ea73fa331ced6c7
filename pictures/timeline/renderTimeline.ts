/**
 * A timeline as an HTML fragment (a `section.timeline`): header facts, the failure banner with
 * its explanation, the lanes as inline SVG (a column per step, a mark per lane the event touches,
 * the failing column in red, drain steps on a yellow band), the step and queue panels, the step
 * list, and the data the page script needs to update the panels. Every string is escaped.
 */
import { escapeHtml, jsonForScript } from '../html/escapeHtml.ts';
import type { Timeline, TimelineStep } from './timeline.ts';

const LABEL_W = 120;
const COL_W = 24;
const LANE_H = 28;
const TOP = 22;
const PALETTE = [
  '#42a5f5',
  '#66bb6a',
  '#ffa726',
  '#ab47bc',
  '#26c6da',
  '#ef5350',
  '#d4e157',
  '#8d6e63',
  '#ec407a',
  '#78909c',
  '#5c6bc0',
  '#ffee58',
];

const e = escapeHtml;

/** The fragment of `t`; `id` must be unique in the page. */
export function renderTimeline(t: Timeline, id: string): string {
  const failAt = t.failure?.at ?? -1;
  const selected = failAt >= 0 ? failAt : t.steps.length > 0 ? t.steps.length - 1 : 0;
  const kinds = [...new Set(t.steps.map((s) => s.kind))].sort();
  const colour = (kind: string) => PALETTE[kinds.indexOf(kind) % PALETTE.length] ?? '#999';
  const data = {
    selected,
    failing: failAt,
    steps: t.steps.map((s) => ({
      index: s.index,
      label: s.label,
      args: s.args,
      outcome: s.outcome,
      changes: s.changes,
      queues: s.queues,
    })),
  };
  const facts = t.facts.map(([k, v]) => `<tr><td>${e(k)}</td><td class="mono">${e(v)}</td></tr>`).join('');
  const legend = kinds.map((k) => `<span><i style="background:${colour(k)}"></i>${e(k)}</span>`).join('');
  return `<section class="timeline" id="${e(id)}" data-steps="${t.steps.length}">
<h2>${e(t.title)}</h2>
<table class="facts">${facts}</table>
<div class="verdict ${t.failure ? 'bad' : 'ok'}">${t.failure ? '✗' : '✓'} ${e(t.verdict)}</div>
${t.failure ? failureBanner(t) : ''}
<div class="legend">${legend}</div>
<div class="lanes">${lanesSvg(t, failAt, selected, colour)}</div>
<div class="panels">
<div class="panel"><h3>Step</h3><div class="step-view"></div></div>
<div class="panel"><h3 class="queue-title">Queues</h3><div class="queue-view"></div></div>
</div>
<h3>Steps</h3>
${stepTable(t.steps, failAt, selected)}
<script type="application/json" class="tl-data">${jsonForScript(data)}</script>
</section>`;
}

function failureBanner(t: Timeline): string {
  const f = t.failure;
  if (f === undefined) return '';
  const where = f.at >= 0 ? `at step ${t.steps[f.at]?.index ?? f.at}` : 'at quiescence (after the last step)';
  const why =
    f.explanation.length > 0 ? `<ul>${f.explanation.map((l) => `<li>${e(l)}</li>`).join('')}</ul>` : '';
  const rows = f.expectedActual
    .map(([n, x, a]) => `<tr><td>${e(n)}</td><td class="mono">${e(x)}</td><td class="mono">${e(a)}</td></tr>`)
    .join('');
  const table =
    rows === '' ? '' : `<table><tr><th></th><th>expected (model)</th><th>actual</th></tr>${rows}</table>`;
  return `<div class="failure" data-failing-step="${f.at}">
<div><span class="property">${e(f.property)}</span> fails ${e(where)}: <span class="message">${e(f.message)}</span></div>
${why}${table}
</div>`;
}

function lanesSvg(t: Timeline, failAt: number, selected: number, colour: (k: string) => string): string {
  const n = t.steps.length;
  const width = LABEL_W + Math.max(1, n) * COL_W + 8;
  const height = TOP + Math.max(1, t.lanes.length) * LANE_H + 4;
  const y = new Map(t.lanes.map((l, i) => [l.id, TOP + i * LANE_H + LANE_H / 2]));
  const parts: string[] = [];
  t.lanes.forEach((l, i) => {
    parts.push(
      `<rect class="lane-bg${i % 2 ? ' odd' : ''}" x="0" y="${TOP + i * LANE_H}" width="${width}" height="${LANE_H}"/>`,
      `<text class="lane-label" data-lane="${e(l.id)}" x="6" y="${TOP + i * LANE_H + LANE_H / 2 + 4}">${e(l.label)}</text>`,
    );
  });
  const firstDrain = t.steps.findIndex((s) => s.drain);
  if (firstDrain >= 0) {
    const x = LABEL_W + firstDrain * COL_W;
    parts.push(
      `<rect class="drain-band" x="${x}" y="${TOP}" width="${(n - firstDrain) * COL_W}" height="${height - TOP}"/>`,
      `<text class="drain-label" x="${x + 3}" y="${TOP - 12}">drain</text>`,
    );
  }
  t.steps.forEach((s, i) => {
    const x = LABEL_W + i * COL_W;
    const cls = `col${i === failAt ? ' failing' : ''}${i === selected ? ' selected' : ''}`;
    parts.push(
      `<rect class="${cls}" data-step="${i}" x="${x}" y="${TOP}" width="${COL_W}" height="${height - TOP}"/>`,
    );
    if (i % 5 === 0 || i === failAt)
      parts.push(`<text class="axis" x="${x + 2}" y="${TOP - 3}">${s.index}</text>`);
  });
  t.steps.forEach((s, i) => {
    parts.push(mark(s, i, i === failAt, i === selected, y, colour(s.kind)));
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="timeline">${parts.join('')}</svg>`;
}

function mark(
  s: TimelineStep,
  i: number,
  failing: boolean,
  selected: boolean,
  y: ReadonlyMap<string, number>,
  fill: string,
): string {
  const cx = LABEL_W + i * COL_W + COL_W / 2;
  const ys = s.lanes.map((l) => y.get(l)).filter((v): v is number => v !== undefined);
  const title = [s.label, ...s.args.map(([k, v]) => `${k} = ${v}`), `outcome: ${s.outcome}`].join('\n');
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const link =
    ys.length > 1
      ? `<line class="link${failing ? ' failing' : ''}" x1="${cx}" y1="${lo}" x2="${cx}" y2="${hi}"/>`
      : '';
  const dots = ys
    .map((cy, k) =>
      k === 0
        ? `<circle class="dot" cx="${cx}" cy="${cy}" r="7" fill="${fill}"/>`
        : `<circle class="dot secondary" cx="${cx}" cy="${cy}" r="5" stroke="${fill}"/>`,
    )
    .join('');
  const cls = `mark${failing ? ' failing' : ''}${selected ? ' selected' : ''}`;
  return `<g class="${cls}" data-step="${i}" data-kind="${e(s.kind)}" data-lanes="${e(s.lanes.join(' '))}"><title>${e(title)}</title>${link}${dots}</g>`;
}

function stepTable(steps: readonly TimelineStep[], failAt: number, selected: number): string {
  const rows = steps.map((s, i) => {
    const cls = [i === failAt ? 'failing' : '', i === selected ? 'selected' : '', s.drain ? 'drain' : '']
      .filter((c) => c !== '')
      .join(' ');
    const changes = s.changes.map(([n, a, b]) => `${n}: ${a} → ${b}`).join('; ');
    return `<tr data-step="${i}"${cls ? ` class="${cls}"` : ''}><td class="num">${i === failAt ? '✗ ' : ''}${s.index}</td><td class="mono">${e(s.label)}</td><td class="mono">${e(s.outcome)}</td><td class="mono">${e(changes)}</td></tr>`;
  });
  return `<table class="steps"><tr><th class="num">step</th><th>event</th><th>outcome</th><th>changed</th></tr>${rows.join('')}</table>`;
}
