/**
 * Regenerates the statechart diagrams in docs/diagrams.md (Mermaid, from the model's XState machines)
 * between the `<!-- diagrams:start -->` and `<!-- diagrams:end -->` markers. Run with
 * `npx tsx scripts/diagrams.ts`; test/pictures/readmeDiagrams.test.ts fails when it is due.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DIAGRAMS_END, DIAGRAMS_START, withDiagrams } from '../pictures/diagram/readmeDiagrams.ts';
import { PROTOCOLS } from '../protocols/index.ts';

const README = new URL('../docs/diagrams.md', import.meta.url);
const next = withDiagrams(readFileSync(README, 'utf8'), PROTOCOLS);
if (next === undefined) {
  console.error(`scripts/diagrams.ts: docs/diagrams.md has no ${DIAGRAMS_START} … ${DIAGRAMS_END} markers`);
  process.exit(2);
}
writeFileSync(README, next);
console.log('docs/diagrams.md: statechart diagrams written');
