/**
 * A chart as a standalone SVG, laid out here without external tools: a region's states in
 * layers by distance from its initial state (left to right), arrows for transitions to other
 * states with their branches as labels, internal transitions listed inside their state's box;
 * nested and parallel regions are frames stacked top to bottom (parallel ones dashed).
 */
import { escapeHtml } from '../html/escapeHtml.ts';
import type { ChartNode } from './chart.ts';
import { edgeGroups } from './edgeGroups.ts';

const CHAR_W = 6.6;
const LINE_H = 14;
const PAD = 10;
const TITLE_H = 20;
const LAYER_GAP = 70;
const ROW_GAP = 28;

interface Box {
  readonly width: number;
  readonly height: number;
  /** The markup with the box's top-left corner at (x, y). */
  draw(x: number, y: number): string;
}

const e = escapeHtml;
const textW = (s: string) => s.length * CHAR_W;

/** The SVG document of `root`. */
export function renderSvg(root: ChartNode): string {
  const box = layout(root, false);
  const w = Math.ceil(box.width + 2 * PAD);
  const h = Math.ceil(box.height + 2 * PAD);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="ui-monospace, monospace" font-size="11">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#455a64"/></marker></defs>
<rect width="${w}" height="${h}" fill="#fff"/>
${box.draw(PAD, PAD)}
</svg>
`;
}

function layout(n: ChartNode, dashed: boolean): Box {
  if (n.children.length === 0) return stateBox(n);
  if (n.children.every((c) => c.children.length === 0)) return region(n, dashed);
  return stack(n, dashed);
}

/** The frame title of a region: its key, and the alike regions it stands for. */
function titleOf(n: ChartNode): string {
  const kind = n.kind === 'parallel' ? ' (parallel)' : '';
  return n.alike === undefined ? `${n.key}${kind}` : `${n.key}${kind} — also ${n.alike.slice(1).join(', ')}`;
}

function frame(n: ChartNode, dashed: boolean, inner: Box): Box {
  const title = titleOf(n);
  const width = Math.max(inner.width, textW(title)) + 2 * PAD;
  const height = inner.height + TITLE_H + 2 * PAD;
  return {
    width,
    height,
    draw: (x, y) =>
      `<g class="region" data-state="${e(n.id)}"><rect x="${x}" y="${y}" width="${width}" height="${height}" rx="8" fill="none" stroke="#90a4ae"${dashed ? ' stroke-dasharray="6 4"' : ''}/>` +
      `<text x="${x + PAD}" y="${y + 15}" font-weight="bold" fill="#37474f">${e(title)}</text>` +
      `${inner.draw(x + PAD, y + TITLE_H + PAD)}</g>`,
  };
}

/** Child regions one below the other. */
function stack(n: ChartNode, dashed: boolean): Box {
  const boxes = n.children.map((c) => layout(c, n.kind === 'parallel'));
  const width = Math.max(...boxes.map((b) => b.width));
  const height = boxes.reduce((s, b) => s + b.height, 0) + ROW_GAP * (boxes.length - 1);
  const inner: Box = {
    width,
    height,
    draw: (x, y) => {
      let at = y;
      return boxes
        .map((b) => {
          const out = b.draw(x, at);
          at += b.height + ROW_GAP;
          return out;
        })
        .join('');
    },
  };
  return frame(n, dashed, inner);
}

/** An atomic state: its name, then its internal transitions one branch a line. */
function stateBox(n: ChartNode): Box {
  const lines: string[] = [];
  for (const g of edgeGroups(n)) {
    if (g.to !== n.id) continue;
    if (g.branches.length === 0) lines.push(g.event);
    for (const b of g.branches) lines.push(`${g.event} ${b}`);
  }
  const width = Math.max(textW(n.key) + 24, ...lines.map((l) => textW(l) + 16));
  const height = 24 + lines.length * LINE_H + (lines.length > 0 ? 6 : 0);
  return {
    width,
    height,
    draw: (x, y) =>
      `<g class="state" data-state="${e(n.id)}"><rect x="${x}" y="${y}" width="${width}" height="${height}" rx="6" fill="#e3f2fd" stroke="#1565c0"/>` +
      `<text x="${x + width / 2}" y="${y + 16}" text-anchor="middle" font-weight="bold">${e(n.key)}</text>` +
      lines
        .map(
          (l, i) =>
            `<text x="${x + 8}" y="${y + 34 + i * LINE_H}" font-size="10" fill="#37474f">${e(l)}</text>`,
        )
        .join('') +
      '</g>',
  };
}

/** A region of atomic states: layers by distance from the initial state, arrows between states. */
function region(n: ChartNode, dashed: boolean): Box {
  const ids = n.children.map((c) => c.id);
  const layer = new Map<string, number>();
  const start = n.initial ?? ids[0];
  if (start !== undefined) layer.set(start, 0);
  const queue = start === undefined ? [] : [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    const c = n.children.find((x) => x.id === id);
    if (c === undefined || id === undefined) continue;
    for (const t of c.edges) {
      if (t.target !== undefined && ids.includes(t.target) && !layer.has(t.target)) {
        layer.set(t.target, (layer.get(id) ?? 0) + 1);
        queue.push(t.target);
      }
    }
  }
  const last = Math.max(0, ...layer.values());
  for (const id of ids) if (!layer.has(id)) layer.set(id, last + 1);
  const boxes = new Map(n.children.map((c) => [c.id, stateBox(c)]));
  const layers: string[][] = [];
  for (const id of ids) {
    const at = layer.get(id) ?? 0;
    const col = layers[at] ?? [];
    col.push(id);
    layers[at] = col;
  }
  const pos = new Map<string, { x: number; y: number; w: number; h: number }>();
  let x = 0;
  let maxH = 0;
  for (const col of layers) {
    if (col === undefined) continue;
    let y = 0;
    let colW = 0;
    for (const id of col) {
      const b = boxes.get(id);
      if (b === undefined) continue;
      pos.set(id, { x, y, w: b.width, h: b.height });
      y += b.height + ROW_GAP;
      colW = Math.max(colW, b.width);
    }
    maxH = Math.max(maxH, y - ROW_GAP);
    x += colW + LAYER_GAP;
  }
  const arrows = n.children.flatMap((c) => edgeGroups(c).filter((g) => g.to !== c.id && pos.has(g.to)));
  // Each arrow gets its own band below the states, so no two labels overlap.
  const labels = arrows.map((g) => [g.event, ...g.branches.flatMap(wrap)]);
  const bands: number[] = [];
  let bandY = maxH + 24;
  for (const l of labels) {
    bands.push(bandY);
    bandY += l.length * 11 + 10;
  }
  const width = Math.max(
    Math.max(0, x - LAYER_GAP),
    ...arrows.map((g, k) => {
      const a = pos.get(g.from);
      const b = pos.get(g.to);
      const left = Math.min(a?.x ?? 0, b?.x ?? 0) + 30;
      return left + Math.max(...(labels[k] ?? ['']).map(textW)) * (9 / 11);
    }),
  );
  const height = bandY;
  const inner: Box = {
    width,
    height,
    draw: (ox, oy) => {
      const parts: string[] = [];
      for (const [id, p] of pos) parts.push(boxes.get(id)?.draw(ox + p.x, oy + p.y) ?? '');
      if (start !== undefined) {
        const p = pos.get(start);
        if (p !== undefined)
          parts.push(
            `<circle cx="${ox + p.x - 12}" cy="${oy + p.y + 12}" r="4" fill="#455a64"/>` +
              `<line x1="${ox + p.x - 8}" y1="${oy + p.y + 12}" x2="${ox + p.x}" y2="${oy + p.y + 12}" stroke="#455a64" marker-end="url(#arrow)"/>`,
          );
      }
      arrows.forEach((g, k) => {
        const a = pos.get(g.from);
        const b = pos.get(g.to);
        if (a === undefined || b === undefined) return;
        const lines = labels[k] ?? [g.event];
        const band = oy + (bands[k] ?? 0);
        const x1 = ox + a.x + Math.min(a.w / 2, 20 + k * 6);
        const x2 = ox + b.x + Math.min(b.w / 2, 26 + k * 6);
        const y1 = oy + a.y + a.h;
        const y2 = oy + b.y + b.h;
        const d = `M${x1},${y1} L${x1},${band} L${x2},${band} L${x2},${y2}`;
        const lx = Math.min(x1, x2) + 6;
        parts.push(
          `<g class="transition" data-event="${e(g.event)}"><path d="${d}" fill="none" stroke="#455a64" marker-end="url(#arrow)"/>` +
            lines
              .map(
                (l, i) =>
                  `<text x="${lx}" y="${band + 11 + i * 11}" font-size="9" fill="#263238">${e(l)}</text>`,
              )
              .join('') +
            '</g>',
        );
      });
      return parts.join('');
    },
  };
  return frame(n, dashed, inner);
}

/** A branch label cut at its `&&`s into lines of at most about 60 characters. */
function wrap(label: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const part of label.split(' && ')) {
    const next = line === '' ? part : `${line} && ${part}`;
    if (next.length > 60 && line !== '') {
      out.push(`${line} &&`);
      line = `    ${part}`;
    } else line = next;
  }
  out.push(line);
  return out;
}
