/**
 * The kill matrix as docs/kill-matrix.md shows it (between its `kill-matrix` markers): one row per
 * mutant, then the summary line. scripts/killMatrix.ts writes it; the kill-matrix test regenerates
 * the rows and checks the page against them, every column but the timings (which depend on the
 * machine; the page says what load they were taken under).
 */
import { type KillRow, medianMsToDetect, medianShrunkRatio } from './killMatrix.ts';

/** How the matrix was hunted (the page's summary line says so). */
export interface KillBudgetText {
  readonly runs: number;
  readonly seed: number;
}

/** The matrix as Markdown: one table row per mutant, then the summary line. */
export function killMatrixMarkdown(rows: readonly KillRow[], b: KillBudgetText): string {
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
    `${caught}/${rows.length} mutants caught within ${b.runs} storms each (small preset, seed ${b.seed})` +
    `; median time to detect ${median === undefined ? '—' : `${median.toFixed(1)} ms`}` +
    `; median shrunk/shortest length ${ratio === undefined ? '— (no explorer wired in yet)' : ratio.toFixed(2)}.`;
  return [head, rule, ...body, '', summary].join('\n');
}

/** `markdown` (a matrix as above) with its timings blanked: the ms column and the median time. */
export function withoutTimings(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      if (!line.startsWith('| '))
        return line.replace(/median time to detect [\d.]+ ms/, 'median time to detect … ms');
      const cells = line.split(' | ');
      if (cells.length === 8 && /^[\d.—]+$/.test(cells[5] ?? '')) cells[5] = '…';
      return cells.join(' | ');
    })
    .join('\n');
}
