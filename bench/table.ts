/**
 * A tiny table printer shared by the benchmarks: a title line, then the header and the rows in
 * aligned columns (text left-aligned, numbers right-aligned and grouped by thousands).
 */

/** One cell as printed: numbers get thousands separators (two decimals below 100). */
function cell(v: string | number): string {
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return String(v);
  const digits = Math.abs(v) < 100 && !Number.isInteger(v) ? 2 : 0;
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The table as lines of text, without printing it (tests and reports use this). */
export function formatTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
) {
  const cells = rows.map((r) => r.map(cell));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number'));
  const width = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]?.length ?? 0)));
  const line = (r: readonly string[]) =>
    header
      .map((_, c) => {
        const v = r[c] ?? '';
        const w = width[c] ?? 0;
        return numeric[c] === true ? v.padStart(w) : v.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [title, line(header), width.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
}

/** Prints `rows` under `header` as an aligned table headed by `title`. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  console.log(`\n${formatTable(title, header, rows).join('\n')}`);
}
