/**
 * The README's diagrams section: the Mermaid chart of every protocol that has a statechart,
 * between the `<!-- diagrams:start -->` and `<!-- diagrams:end -->` markers. The script
 * scripts/diagrams.ts writes it; a test checks that the README's copy is the current one.
 */
import { diagramProtocols } from './machines.ts';
import { renderDiagram } from './renderDiagram.ts';

export const DIAGRAMS_START = '<!-- diagrams:start -->';
export const DIAGRAMS_END = '<!-- diagrams:end -->';

/** The Markdown between the markers (without them). */
export function readmeDiagrams(): string {
  const parts = diagramProtocols().map((p) => {
    const text = renderDiagram(p, 'mermaid') ?? '';
    return `**${p}** (\`npx intcheck diagram --protocol ${p}\`)\n\n\`\`\`mermaid\n${text}\`\`\``;
  });
  return parts.join('\n\n');
}

/** `readme` with its diagrams section replaced, or undefined when it has no markers. */
export function withDiagrams(readme: string): string | undefined {
  const from = readme.indexOf(DIAGRAMS_START);
  const to = readme.indexOf(DIAGRAMS_END);
  if (from < 0 || to < from) return undefined;
  return `${readme.slice(0, from + DIAGRAMS_START.length)}\n${readmeDiagrams()}\n${readme.slice(to)}`;
}
