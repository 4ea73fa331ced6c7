/**
 * Regenerates the UIPI kill matrix in README.md between `<!-- uipi-kill-matrix:start -->` and
 * `<!-- uipi-kill-matrix:end -->` (seed 42, 1000 storms per mutant, refinement excluded). Run
 * with `npx tsx scripts/uipiKillMatrix.ts`; exits 1 when a mutant survives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { uipiKillMarkdown, uipiKillMatrix } from '../properties/check/uipiKillMatrix.ts';

const README = new URL('../README.md', import.meta.url);
const START = '<!-- uipi-kill-matrix:start -->';
const END = '<!-- uipi-kill-matrix:end -->';
const o = { runs: 1000, seed: 42, now: () => performance.now() };

const rows = uipiKillMatrix(o);
const table = uipiKillMarkdown(rows, o);
const text = readFileSync(README, 'utf8');
const from = text.indexOf(START);
const to = text.indexOf(END);
if (from < 0 || to < from) {
  console.log(table);
  console.error(
    `scripts/uipiKillMatrix.ts: README.md has no ${START} … ${END} markers (table printed instead)`,
  );
  process.exit(2);
}
writeFileSync(README, `${text.slice(0, from + START.length)}\n${table}\n${text.slice(to)}`);
console.log(`README.md: UIPI kill matrix of ${rows.length} mutants written`);
process.exit(rows.every((r) => r.verdict === 'caught') ? 0 : 1);
