/**
 * A chart as Mermaid `stateDiagram-v2` text: compound and parallel states as composite states
 * (parallel regions separated by `--`), `[*]` arrows to initial states, one arrow per event and
 * target with its guarded branches on separate lines.
 */

import type { ChartNode } from './chart.ts';
import { allNodes, edgeGroups } from './edgeGroups.ts';

/** Characters Mermaid would read as syntax inside a label, replaced. */
function safe(s: string): string {
  return s.replace(/[;{}#"]/g, ' ').replace(/:/g, '∶');
}

/** The Mermaid text of `root` (ends with a newline). */
export function renderMermaid(root: ChartNode): string {
  const nodes = allNodes(root);
  const keys = nodes.map((n) => n.key);
  // A composite state is named by its key when the key is unique (readable), else by its path id.
  const nameOf = (n: ChartNode) =>
    n.children.length > 0 && keys.filter((k) => k === n.key).length === 1 ? n.key : n.id;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ref = (id: string) => {
    const n = byId.get(id);
    return n === undefined ? id : nameOf(n);
  };
  const lines = ['stateDiagram-v2'];
  const emit = (n: ChartNode, depth: number) => {
    const pad = '  '.repeat(depth);
    if (n.alike !== undefined)
      lines.push(`${pad}%% ${n.key} stands for the alike regions ${n.alike.join(', ')}`);
    if (n.children.length === 0) {
      lines.push(`${pad}state "${safe(n.key)}" as ${n.id}`);
      return;
    }
    lines.push(`${pad}state ${nameOf(n)} {`);
    inner(n, depth + 1);
    lines.push(`${pad}}`);
  };
  const inner = (n: ChartNode, depth: number) => {
    const pad = '  '.repeat(depth);
    n.children.forEach((c, i) => {
      if (n.kind === 'parallel' && i > 0) lines.push(`${pad}--`);
      emit(c, depth);
    });
    if (n.initial !== undefined) lines.push(`${pad}[*] --> ${ref(n.initial)}`);
    for (const c of n.children) {
      for (const g of edgeGroups(c)) {
        const label = [g.event, ...g.branches].map(safe).join('<br/>');
        lines.push(`${pad}${ref(g.from)} --> ${ref(g.to)} : ${label}`);
      }
    }
  };
  if (root.kind === 'parallel') emit(root, 1);
  else inner(root, 1);
  return `${lines.join('\n')}\n`;
}
