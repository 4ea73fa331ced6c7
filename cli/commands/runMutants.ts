/**
 * The work of `intcheck mutants` (cli/commands/mutants.ts registers the command and loads this
 * only when it runs): the kill matrix of the protocols' mutants, printed as text or JSON.
 */
import { performance } from 'node:perf_hooks';
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
import type { Io } from '../io.ts';
import { defaultSeed, intOption } from '../options.ts';
import { progressBar } from '../progress.ts';
import { DEFAULT_RUNS, type MutantsFlags } from './mutants.ts';

/** Builds the matrix, prints it, and returns the exit code. */
export function runMutants(f: MutantsFlags, io: Io): number {
  const protocols = f.protocol === undefined ? killProtocols() : [protocolNamed(f.protocol)];
  const runs = intOption('--runs', f.runs, DEFAULT_RUNS, 1);
  const seed = intOption('--seed', f.seed, defaultSeed(), -(2 ** 31), 2 ** 31 - 1);
  const targets = selectTargets(killTargets(protocols), f.mutant);
  let bar = progressBar('', runs, false, io);
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
          bar = progressBar(`${t.protocol} / ${current}`, runs, !f.json, io);
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
    io.out(
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
    for (const line of formatMatrix(rows)) io.out(line);
    const med =
      (median === undefined ? '' : `; median time to detect ${median.toFixed(1)} ms`) +
      (ratio === undefined ? '' : `; median shrunk/shortest ${ratio.toFixed(2)}`);
    io.out(
      `${rows.length - survived}/${rows.length} mutants caught in ≤ ${runs} storms (seed ${seed})${med}`,
    );
    if (survived > 0) io.out(survivorsLine(rows, runs, f.explore));
    for (const r of rows.filter((x) => x.endedEarly > 0))
      io.out(
        `${r.protocol}/${r.mutant}: ${r.endedEarly} of ${r.storms} storms ended early (the design stopped there)`,
      );
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
function survivorsLine(rows: readonly KillRow[], runs: number, explore: boolean): string {
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
function formatMatrix(rows: readonly KillRow[]): string[] {
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
