/** `intcheck diagram`'s output: a protocol's statechart (its descriptor's `machine()`) in one of the supported formats. */
import { chartOf, type StateNodeLike } from './chart.ts';
import { renderDot } from './renderDot.ts';
import { renderMermaid } from './renderMermaid.ts';
import { renderSvg } from './renderSvg.ts';

/** The formats `--format` accepts. */
export const DIAGRAM_FORMATS = ['mermaid', 'dot', 'svg'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

/** The diagram of the statechart rooted at `root` as `format` text. */
export function renderDiagram(root: StateNodeLike, format: DiagramFormat): string {
  const chart = chartOf(root);
  switch (format) {
    case 'mermaid':
      return renderMermaid(chart);
    case 'dot':
      return renderDot(chart);
    case 'svg':
      return renderSvg(chart);
  }
}
