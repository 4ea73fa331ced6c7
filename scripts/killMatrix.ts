/**
 * Regenerates the kill matrix in docs/kill-matrix.md: every mutant of every protocol hunted on the small
 * preset (seed 42, 1000 storms each, refinement excluded; then the explorer where one is wired
 * in), written as a Markdown table between the `<!-- kill-matrix:start -->` and
 * `<!-- kill-matrix:end -->` markers, with the median time to detect and the median ratio of
 * shrunk to shortest counterexample length. Run with `npx tsx scripts/killMatrix.ts`; exits 1
 * when a mutant survives.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { killMatrix } from '../protocols/killMatrix.ts';
import { killMatrixMarkdown } from '../protocols/killMatrixPage.ts';
import { markers, withMarkedSection } from '../report/markedSection.ts';

const PAGE = new URL('../docs/kill-matrix.md', import.meta.url);
const RUNS = 1000;
const SEED = 42;

const rows = killMatrix({ runs: RUNS, seed: SEED, now: () => performance.now() });
const next = withMarkedSection(
  readFileSync(PAGE, 'utf8'),
  'kill-matrix',
  killMatrixMarkdown(rows, { runs: RUNS, seed: SEED }),
);
if (next === undefined) {
  console.error(`scripts/killMatrix.ts: docs/kill-matrix.md has no ${markers('kill-matrix')} markers`);
  process.exit(2);
}
const tmp = new URL('../docs/kill-matrix.md.tmp', import.meta.url);
writeFileSync(tmp, next);
renameSync(tmp, PAGE);
console.log(`docs/kill-matrix.md: kill matrix of ${rows.length} mutants written`);
process.exit(rows.every((r) => r.verdict === 'caught') ? 0 : 1);
