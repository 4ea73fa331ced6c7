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
import { type KillRow, killMatrix, medianMsToDetect, medianShrunkRatio } from '../protocols/killMatrix.ts';

const PAGE = new URL('../docs/kill-matrix.md', import.meta.url);
const START = '<!-- kill-matrix:start -->';
const END = '<!-- kill-matrix:end -->';
const RUNS = 1000;
const SEED = 42;

/** The matrix as Markdown: one table row per mutant, then the summary line. */
function markdown(rows: readonly KillRow[]): string {
  const head =
    '| mutant | protocol | caught by | expected | storms | ms to detect | shrunk length | shortest (BFS) |';
  const rule = '| --- | --- | --- | --- | ---: | ---: | ---: | ---: |';
  const code = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(', ');
  const body = rows.map((r) => {
    const by =
      r.verdict === 'survived'
        ? '**survived**'
        : `${code(r.violated)}${r.detectedBy === 'explorer' ? ' (explorer)' : ''}`;
    const ms = r.verdict === 'caught' ? r.msToDetect.toFixed(1) : '—';
    const len = r.verdict === 'caught' ? String(r.counterexampleLength) : '—';
    const bfs = r.shortestLength === null ? '—' : String(r.shortestLength);
    return `| \`${r.mutant}\` | ${r.protocol} | ${by} | ${code(r.expected)} | ${r.storms} | ${ms} | ${len} | ${bfs} |`;
  });
  const caught = rows.filter((r) => r.verdict === 'caught').length;
  const median = medianMsToDetect(rows);
  const ratio = medianShrunkRatio(rows);
  const summary =
    `${caught}/${rows.length} mutants caught within ${RUNS} storms each (small preset, seed ${SEED})` +
    `; median time to detect ${median === undefined ? '—' : `${median.toFixed(1)} ms`}` +
    `; median shrunk/shortest length ${ratio === undefined ? '— (no explorer wired in yet)' : ratio.toFixed(2)}.`;
  return [head, rule, ...body, '', summary].join('\n');
}

const rows = killMatrix({ runs: RUNS, seed: SEED, now: () => performance.now() });
const text = readFileSync(PAGE, 'utf8');
const from = text.indexOf(START);
const to = text.indexOf(END);
if (from < 0 || to < from) {
  console.error(`scripts/killMatrix.ts: docs/kill-matrix.md has no ${START} … ${END} markers`);
  process.exit(2);
}
const next = `${text.slice(0, from + START.length)}\n${markdown(rows)}\n${text.slice(to)}`;
const tmp = new URL('../docs/kill-matrix.md.tmp', import.meta.url);
writeFileSync(tmp, next);
renameSync(tmp, PAGE);
console.log(`docs/kill-matrix.md: kill matrix of ${rows.length} mutants written`);
process.exit(rows.every((r) => r.verdict === 'caught') ? 0 : 1);
