/**
 * `intcheck mutants`: every mutant of the catalogue (or of one protocol) checked with random
 * storms on the small preset, refinement excluded, and the kill matrix printed: who caught each
 * mutant, whether the catalogue expected it, after how many storms and milliseconds, and how
 * short the shrunk counterexample is. Exit 0 when every mutant is caught, 1 when one survives.
 */
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { SMALL } from '../../model/config/config.ts';
import {
  type KillRow,
  killMatrix,
  killProperties,
  MUTANT_PROTOCOLS,
  medianMsToDetect,
  mutantsOf,
} from '../../properties/check/killMatrix.ts';
import { EXIT } from '../errors.ts';
import { defaultSeed, intOption, protocolOption } from '../options.ts';
import { progressBar } from '../progress.ts';

/** The options as commander parses them (strings, checked in runMutants). */
interface MutantsFlags {
  protocol?: string;
  runs?: string;
  seed?: string;
  json?: boolean;
}

/** Storms per mutant unless --runs says otherwise. */
const DEFAULT_RUNS = 1000;

/** Adds the `mutants` subcommand to `program`; its exit code goes to `setExit`. */
export function registerMutants(program: Command, setExit: (code: number) => void): void {
  program
    .command('mutants')
    .description('check every mutant on the small preset (refinement excluded) and print the kill matrix')
    .option(
      '--protocol <name>',
      `only this protocol's mutants: ${MUTANT_PROTOCOLS.join(' | ')} (default: all)`,
    )
    .option('--runs <n>', 'random storms per mutant (the budget)', String(DEFAULT_RUNS))
    .option('--seed <n>', 'fast-check seed (default: INTCHECK_SEED or 42)')
    .option('--json', 'print one JSON object instead of text')
    .action((flags: MutantsFlags) => setExit(runMutants(flags)));
}

/** Builds the matrix, prints it, and returns the exit code. */
function runMutants(f: MutantsFlags): number {
  const protocols = f.protocol === undefined ? MUTANT_PROTOCOLS : [protocolOption(f.protocol)];
  const runs = intOption('--runs', f.runs, DEFAULT_RUNS, 1);
  const seed = intOption('--seed', f.seed, defaultSeed(), -(2 ** 31), 2 ** 31 - 1);
  const targets = protocols.flatMap(mutantsOf);
  let bar = progressBar('', runs, false);
  let current = '';
  const rows = killMatrix(
    {
      cfg: SMALL,
      runs,
      seed,
      now: () => performance.now(),
      onRun: (t, done) => {
        if (t.impl.name !== current) {
          bar.done();
          current = t.impl.name;
          bar = progressBar(`${t.protocol} / ${current}`, runs, !f.json);
        }
        bar.tick(done);
      },
    },
    targets,
  );
  bar.done();
  const survived = rows.filter((r) => r.verdict === 'survived').length;
  const median = medianMsToDetect(rows);
  if (f.json) {
    console.log(
      JSON.stringify({
        ok: survived === 0,
        preset: 'small',
        seed,
        runs,
        properties: Object.fromEntries(protocols.map((p) => [p, killProperties(p)])),
        caught: rows.length - survived,
        survived,
        medianMsToDetect: median === undefined ? null : round(median),
        rows: rows.map(jsonRow),
      }),
    );
  } else {
    for (const line of formatMatrix(rows)) console.log(line);
    const med = median === undefined ? '' : `; median time to detect ${median.toFixed(1)} ms`;
    console.log(
      `${rows.length - survived}/${rows.length} mutants caught in ≤ ${runs} storms (seed ${seed})${med}`,
    );
  }
  return survived === 0 ? EXIT.ok : EXIT.failed;
}

/** A row for --json, milliseconds to the hundredth. */
function jsonRow(r: KillRow): KillRow {
  return r.verdict === 'caught'
    ? { ...r, msToDetect: round(r.msToDetect), msTotal: round(r.msTotal) }
    : { ...r, msTotal: round(r.msTotal) };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** The matrix as an aligned text table, one mutant a line. */
export function formatMatrix(rows: readonly KillRow[]): string[] {
  const head = ['mutant', 'protocol', 'verdict', 'caught by', 'expected', 'storms', 'ms', 'shrunk length'];
  const body = rows.map((r) => [
    r.mutant,
    r.protocol,
    r.verdict === 'caught' ? (r.asExpected ? 'caught' : 'caught (unexpected)') : 'SURVIVED',
    r.verdict === 'caught' ? r.violated.join(', ') : '—',
    r.expected.join(', '),
    String(r.storms),
    r.verdict === 'caught' ? r.msToDetect.toFixed(1) : r.msTotal.toFixed(1),
    r.verdict === 'caught' ? String(r.counterexampleLength) : '—',
  ]);
  const numeric = new Set([5, 6, 7]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}
