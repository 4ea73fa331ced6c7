/**
 * `intcheck mutants`: every mutant of the catalogue (or of one protocol) hunted with random
 * storms on the small preset, refinement excluded, then explored where the protocol has the
 * explorer wired in, and the kill matrix printed: who caught each mutant, whether the catalogue
 * expected it, after how many storms and milliseconds, how short the shrunk counterexample is and
 * how short the shortest one is. Exit 0 when every mutant is caught, 1 when one survives.
 */
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import type { KillTarget } from '../../engine/kill/killAdapter.ts';
import { findKillAdapter, KILL_ADAPTERS, killProtocols } from '../../protocols/killAdapters.ts';
import {
  type KillRow,
  killMatrix,
  killTargets,
  medianMsToDetect,
  medianShrunkRatio,
} from '../../protocols/killMatrix.ts';
import { EXIT, UsageError } from '../errors.ts';
import { defaultSeed, intOption } from '../options.ts';
import { progressBar } from '../progress.ts';

/** The options as commander parses them (strings, checked in runMutants). */
interface MutantsFlags {
  protocol?: string;
  runs?: string;
  seed?: string;
  json?: boolean;
  /** False under --no-explore. */
  explore: boolean;
  mutant?: string[];
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
      `only this protocol's mutants: ${killProtocols().join(' | ')} (default: all)`,
    )
    .option('--runs <n>', 'random storms per mutant (the budget)', String(DEFAULT_RUNS))
    .option('--seed <n>', 'fast-check seed (default: INTCHECK_SEED or 42)')
    .option('--json', 'print one JSON object instead of text')
    .option('--no-explore', 'random storms only: do not run the explorer on the mutants the storms miss')
    .option(
      '--mutant <names>',
      'only these mutants (comma list or repeated; default: every mutant of the protocols)',
      (value: string, prev: string[] | undefined) => [...(prev ?? []), ...value.split(',')],
    )
    .action((flags: MutantsFlags) => setExit(runMutants(flags)));
}

/** Builds the matrix, prints it, and returns the exit code. */
function runMutants(f: MutantsFlags): number {
  const protocols = f.protocol === undefined ? killProtocols() : [protocolNamed(f.protocol)];
  const runs = intOption('--runs', f.runs, DEFAULT_RUNS, 1);
  const seed = intOption('--seed', f.seed, defaultSeed(), -(2 ** 31), 2 ** 31 - 1);
  const targets = selectTargets(killTargets(protocols), f.mutant);
  let bar = progressBar('', runs, false);
  let current = '';
  const rows = killMatrix(
    {
      runs,
      seed,
      now: () => performance.now(),
      explore: f.explore,
      onRun: (t, done) => {
        if (t.name !== current) {
          bar.done();
          current = t.name;
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
  const ratio = medianShrunkRatio(rows);
  if (f.json) {
    console.log(
      JSON.stringify({
        ok: survived === 0,
        preset: 'small',
        seed,
        runs,
        explore: f.explore,
        properties: Object.fromEntries(
          KILL_ADAPTERS.filter((a) => protocols.includes(a.protocol)).map((a) => [a.protocol, a.properties]),
        ),
        caught: rows.length - survived,
        survived,
        medianMsToDetect: median === undefined ? null : round(median),
        medianShrunkToShortest: ratio === undefined ? null : round(ratio),
        rows: rows.map(jsonRow),
      }),
    );
  } else {
    for (const line of formatMatrix(rows)) console.log(line);
    const med =
      (median === undefined ? '' : `; median time to detect ${median.toFixed(1)} ms`) +
      (ratio === undefined ? '' : `; median shrunk/shortest ${ratio.toFixed(2)}`);
    console.log(
      `${rows.length - survived}/${rows.length} mutants caught in ≤ ${runs} storms (seed ${seed})${med}`,
    );
    if (survived > 0) console.log(survivorsLine(rows, runs, f.explore));
  }
  return survived === 0 ? EXIT.ok : EXIT.failed;
}

/** `--protocol NAME`: a protocol with a kill adapter. */
function protocolNamed(name: string): string {
  if (findKillAdapter(name) === undefined) {
    throw new UsageError(`--protocol: unknown protocol "${name}" (known: ${killProtocols().join(', ')})`);
  }
  return name;
}

/** `--mutant a,b`: those targets, in catalogue order; an unknown name is a usage error. */
function selectTargets(all: readonly KillTarget[], names: readonly string[] | undefined): KillTarget[] {
  if (names === undefined) return [...all];
  const known = new Set(all.map((t) => t.name));
  for (const name of names) {
    if (!known.has(name)) {
      throw new UsageError(`--mutant: unknown mutant "${name}" (known: ${[...known].join(', ')})`);
    }
  }
  return all.filter((t) => names.includes(t.name));
}

/** The one line naming every survivor, and the budget it survived. */
export function survivorsLine(rows: readonly KillRow[], runs: number, explore: boolean): string {
  const names = rows.filter((r) => r.verdict === 'survived').map((r) => `${r.protocol}/${r.mutant}`);
  const how = explore ? `${runs} storms and the explorer` : `${runs} storms, explorer off`;
  return `SURVIVED (${how}): ${names.join(', ')}`;
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
  const head = [
    'mutant',
    'protocol',
    'verdict',
    'caught by',
    'expected',
    'storms',
    'ms',
    'shrunk',
    'shortest',
  ];
  const body = rows.map((r) => [
    r.mutant,
    r.protocol,
    verdictText(r),
    r.verdict === 'caught' ? r.violated.join(', ') : '—',
    r.expected.join(', '),
    String(r.storms),
    r.verdict === 'caught' ? r.msToDetect.toFixed(1) : r.msTotal.toFixed(1),
    r.verdict === 'caught' ? String(r.counterexampleLength) : '—',
    r.shortestLength === null ? '—' : String(r.shortestLength),
  ]);
  const numeric = new Set([5, 6, 7, 8]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}

/** "caught", with how when it is not the plain case, or SURVIVED. */
function verdictText(r: KillRow): string {
  if (r.verdict === 'survived') return 'SURVIVED';
  const how = [r.detectedBy === 'explorer' ? 'by explorer' : '', r.asExpected ? '' : 'unexpected'].filter(
    Boolean,
  );
  return how.length === 0 ? 'caught' : `caught (${how.join(', ')})`;
}
