/**
 * The seeded RTL bugs of hw/rtl and their table in docs/rtl-bugs.md: which bugs the harness has
 * (`intc-dut --list-bugs`), what one `intcheck conform --json` run reported for one of them, and
 * the Markdown of the table (written by scripts/hw/bugsTable.ts, read back by test/hw). A bug
 * marked formal-only needs inputs in the same or consecutive cycles, which the DUT protocol never
 * produces, so conform is not expected to catch it; it is listed apart.
 */
import { spawnSync } from 'node:child_process';
import { HW_DUT } from './hw.ts';

/** One seeded bug as `intc-dut --list-bugs` describes it. */
export interface SeededBug {
  readonly name: string;
  readonly description: string;
  readonly formalOnly: boolean;
}

const FORMAL_ONLY = '[formal-only] ';

/** Parses `--list-bugs` output: one bug per line, its name, a space, then a sentence. */
export function parseBugList(text: string): SeededBug[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const space = line.indexOf(' ');
      const name = space < 0 ? line : line.slice(0, space);
      const rest = space < 0 ? '' : line.slice(space + 1);
      const formalOnly = rest.startsWith(FORMAL_ONLY);
      return { name, formalOnly, description: formalOnly ? rest.slice(FORMAL_ONLY.length) : rest };
    });
}

/** The harness's seeded bugs (it must be built). */
export function seededBugs(): SeededBug[] {
  const r = spawnSync(HW_DUT, ['--list-bugs'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${HW_DUT} --list-bugs failed: ${r.stderr}`);
  return parseBugList(r.stdout);
}

/** The DUT command line of `bug`. */
export function bugCommand(bug: string): string {
  return `${HW_DUT} --bug ${bug}`;
}

/**
 * The arguments of the conform run that hunts one bug: the suite's defaults (seed 42, 1000 runs,
 * the small preset and then the published one; a difference at small ends the check there).
 */
export function conformArgs(bug: string, out: string): string[] {
  return ['conform', '--dut', bugCommand(bug), '--json', '--out', out];
}

/** What one bug's conform run showed. */
export interface BugRow {
  readonly name: string;
  readonly description: string;
  readonly formalOnly: boolean;
  /** conform's exit code (1: caught). */
  readonly exit: number;
  readonly verdict: string;
  /** Runs generated until the failing one (1-based), or every run when it passed. */
  readonly runs: number;
  /** Events in the shrunk counterexample (the closing ERROR read included), 0 when not caught. */
  readonly length: number;
  /** Wall milliseconds of the whole conform: start the DUT, find, shrink, write the trace. */
  readonly ms: number;
  /** The shrunk counterexample, one event per entry. */
  readonly counterexample: readonly string[];
  /** conform's one-line description of the difference. */
  readonly message: string;
}

interface ReportShape {
  results?: {
    verdict?: string;
    run?: number;
    runs?: number;
    counterexample?: string[];
    message?: string;
  }[];
}

/** A row from conform's `--json` stdout. */
export function bugRow(bug: SeededBug, exit: number, stdout: string, ms: number): BugRow {
  const report = JSON.parse(stdout) as ReportShape;
  const r = report.results?.[0] ?? {};
  const counterexample = r.counterexample ?? [];
  return {
    ...bug,
    exit,
    verdict: r.verdict ?? 'none',
    runs: r.verdict === 'mismatch' ? (r.run ?? 0) + 1 : (r.runs ?? 0),
    length: counterexample.length,
    ms,
    counterexample,
    message: r.message ?? '',
  };
}

export const TABLE_START = '<!-- rtl-bugs:start -->';
export const TABLE_END = '<!-- rtl-bugs:end -->';

/** The caught bugs' table: one row per bug, in `--list-bugs` order. */
export function caughtTable(rows: readonly BugRow[]): string {
  const head = '| bug | caught | shrunk length | runs to find | ms to verdict | what the design does wrong |';
  const rule = '| --- | --- | ---: | ---: | ---: | --- |';
  const body = rows
    .filter((r) => !r.formalOnly)
    .map(
      (r) =>
        `| \`${r.name}\` | ${r.exit === 1 ? 'yes' : `**no** (exit ${r.exit})`} | ${r.length} | ${r.runs} | ${Math.round(r.ms)} | ${r.description} |`,
    );
  return [head, rule, ...body].join('\n');
}

/** The formal-only bugs' table. */
export function formalTable(rows: readonly BugRow[]): string {
  const head = '| bug (formal only) | conform through the protocol | what the design does wrong |';
  const rule = '| --- | --- | --- |';
  const body = rows
    .filter((r) => r.formalOnly)
    .map(
      (r) =>
        `| \`${r.name}\` | ${r.exit === 0 ? `passes (${r.runs} runs per preset): not reachable` : `exit ${r.exit}`} | ${r.description} |`,
    );
  return [head, rule, ...body].join('\n');
}

/** One caught row as read back from the table. */
export interface TableRow {
  readonly name: string;
  readonly caught: boolean;
  readonly length: number;
  readonly runs: number;
  readonly ms: number;
}

/** Reads the caught-bugs table back (the rows between the markers whose first cell is a bug). */
export function parseCaughtTable(markdown: string): TableRow[] {
  const from = markdown.indexOf(TABLE_START);
  const to = markdown.indexOf(TABLE_END);
  if (from < 0 || to < from) throw new Error(`no ${TABLE_START} … ${TABLE_END} section`);
  const rows: TableRow[] = [];
  for (const line of markdown.slice(from, to).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([a-z0-9-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name === undefined || cells.length < 7) continue;
    rows.push({
      name,
      caught: cells[2] === 'yes',
      length: Number(cells[3]),
      runs: Number(cells[4]),
      ms: Number(cells[5]),
    });
  }
  return rows;
}
