/**
 * The diagrams page's generated section: the Mermaid chart of every protocol's statechart,
 * between the `<!-- diagrams:start -->` and `<!-- diagrams:end -->` markers. The script
 * scripts/diagrams.ts writes it; a test checks that the page's copy is the current one.
 */

import { withMarkedSection } from '../../report/markedSection.ts';
import type { StateNodeLike } from './chart.ts';
import { renderDiagram } from './renderDiagram.ts';

/** A protocol's name and the root of its statechart. */
export interface NamedMachine {
  readonly name: string;
  readonly machine: () => StateNodeLike;
}

export const DIAGRAMS_START = '<!-- diagrams:start -->';
export const DIAGRAMS_END = '<!-- diagrams:end -->';

/** The Markdown between the markers (without them). */
export function readmeDiagrams(machines: readonly NamedMachine[]): string {
  const parts = machines.map(({ name, machine }) => {
    const text = renderDiagram(machine(), 'mermaid');
    return `**${name}** (\`npx intcheck diagram --protocol ${name}\`)\n\n\`\`\`mermaid\n${text}\`\`\``;
  });
  return parts.join('\n\n');
}

/** `readme` with its diagrams section replaced, or undefined when it has no markers. */
export function withDiagrams(readme: string, machines: readonly NamedMachine[]): string | undefined {
  return withMarkedSection(readme, 'diagrams', readmeDiagrams(machines));
}
