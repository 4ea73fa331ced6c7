/** `intcheck diagram`'s output: a protocol's statechart in one of the supported formats. */
import { chartOf } from './chart.ts';
import { DIAGRAM_MACHINES } from './machines.ts';
import { renderDot } from './renderDot.ts';
import { renderMermaid } from './renderMermaid.ts';
import { renderSvg } from './renderSvg.ts';

/** The formats `--format` accepts. */
export const DIAGRAM_FORMATS = ['mermaid', 'dot', 'svg'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

/** The diagram of `protocol`'s machine as `format` text, or undefined for a protocol without a machine. */
export function renderDiagram(protocol: string, format: DiagramFormat): string | undefined {
  const machine = DIAGRAM_MACHINES[protocol];
  if (machine === undefined) return undefined;
  const chart = chartOf(machine());
  switch (format) {
    case 'mermaid':
      return renderMermaid(chart);
    case 'dot':
      return renderDot(chart);
    case 'svg':
      return renderSvg(chart);
  }
}
