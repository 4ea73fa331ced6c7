/**
 * The transitions of a state grouped for drawing: one arrow per (event, target), listing its
 * branches `[guard] / actions` in the order XState tries them (an internal transition is drawn
 * as a loop on its state).
 */
import type { ChartEdge, ChartNode } from './chart.ts';

/** One arrow: from `from` to `to` (the same state for an internal transition) on `event`. */
export interface EdgeGroup {
  readonly from: string;
  readonly to: string;
  readonly event: string;
  /** Each branch as `[guard] / actions` (either part absent when empty). */
  readonly branches: readonly string[];
}

/** `[guard] / actions` of one transition. */
export function branchLabel(e: ChartEdge): string {
  const guard = e.guard === undefined ? '' : `[${e.guard}]`;
  const actions = e.actions.length === 0 ? '' : `/ ${e.actions.join(', ')}`;
  return [guard, actions].filter((s) => s !== '').join(' ');
}

/** Every state of the chart, depth first. */
export function allNodes(n: ChartNode): ChartNode[] {
  return [n, ...n.children.flatMap(allNodes)];
}

/** The arrows leaving `n`, in the order of its transitions. */
export function edgeGroups(n: ChartNode): EdgeGroup[] {
  const groups: { from: string; to: string; event: string; branches: string[] }[] = [];
  for (const e of n.edges) {
    const to = e.target ?? n.id;
    let g = groups.find((x) => x.to === to && x.event === e.event);
    if (g === undefined) {
      g = { from: n.id, to, event: e.event, branches: [] };
      groups.push(g);
    }
    const b = branchLabel(e);
    if (b !== '') g.branches.push(b);
  }
  return groups;
}
