/**
 * A chart as Graphviz DOT: compound and parallel states as clusters (parallel regions dashed),
 * a point for each initial arrow, one edge per event and target labelled with its branches.
 */
import type { ChartNode } from './chart.ts';
import { edgeGroups } from './edgeGroups.ts';

/** `s` as a DOT double-quoted string. */
function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The DOT text of `root` (ends with a newline). */
export function renderDot(root: ChartNode): string {
  const lines = [
    `digraph ${q(root.key)} {`,
    '  rankdir=LR; compound=true;',
    '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const edges: string[] = [];
  const emit = (n: ChartNode, depth: number, inParallel: boolean) => {
    const pad = '  '.repeat(depth);
    if (n.children.length === 0) {
      lines.push(`${pad}${q(n.id)} [label=${q(n.key)}];`);
    } else {
      const also = n.alike === undefined ? '' : ` (alike: ${n.alike.join(', ')})`;
      lines.push(`${pad}subgraph ${q(`cluster_${n.id}`)} {`);
      lines.push(`${pad}  label=${q(`${n.key}${also}`)};${inParallel ? ' style=dashed;' : ''}`);
      for (const c of n.children) emit(c, depth + 1, n.kind === 'parallel');
      if (n.initial !== undefined) {
        const start = `${n.id}__initial`;
        lines.push(`${pad}  ${q(start)} [shape=point, width=0.12, label=""];`);
        edges.push(`  ${q(start)} -> ${q(n.initial)};`);
      }
      lines.push(`${pad}}`);
    }
    for (const g of edgeGroups(n)) {
      const label = [g.event, ...g.branches].map(
        (l) => `${l.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}\\l`,
      );
      edges.push(`  ${q(g.from)} -> ${q(g.to)} [label="${label.join('')}"];`);
    }
  };
  emit(root, 1, false);
  return `${[...lines, ...edges, '}'].join('\n')}\n`;
}
