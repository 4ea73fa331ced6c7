/**
 * The packed UIPI engine (protocols/uipi/engine/packed/, `--engine judged`, the default for the
 * model alone) against the object engine (`--engine objects`), both as a user runs them: the
 * compiled `intcheck explore --protocol uipi --json` in a fresh process each, every default
 * property and the leads-to check, the rate from the search's own seconds. Three
 * configurations: the skyloft preset, the plain scenario at skyloft's sizes (bench/spinCompare.ts's
 * two UIPI rows) and the `small` preset, its first 400,000 states and all 1,483,160 (the object
 * engine takes about a minute there). Each row is the best of `RUNS` (small: one run of each); the
 * two engines alternate, so both see the same load, printed with the table. Every count must be
 * the other engine's (and small's the manifest's).
 *
 * Run: npx tsx bench/uipiPacked.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UIPI_SKYLOFT } from '../protocols/uipi/model/config.ts';
import { built } from './built.ts';
import { printTable } from './table.ts';

const RUNS = 3;
const SMALL_CAP = 400_000;

interface Run {
  readonly verdict: string;
  readonly distinct: number;
  readonly transitions: number;
  readonly diameter: number;
  readonly seconds: number;
}

/** `intcheck explore --protocol uipi <args> --json` once (exit 0, or 3 when --max-states stopped it). */
function explore(cli: string, args: readonly string[]): Run {
  const r = spawnSync(process.execPath, [cli, 'explore', '--protocol', 'uipi', ...args, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0 && r.status !== 3)
    throw new Error(`intcheck explore ${args.join(' ')}: exit ${r.status} ${r.stderr}`);
  return JSON.parse(r.stdout) as Run;
}

/** The best (fastest) of `runs` runs of each engine on `args`, alternating; throws when their counts differ. */
function compare(cli: string, args: readonly string[], runs: number, objectArgs: readonly string[] = []) {
  let packed: Run | undefined;
  let objects: Run | undefined;
  for (let i = 0; i < runs; i++) {
    const p = explore(cli, [...args, '--engine', 'judged']);
    const o = explore(cli, [...args, ...objectArgs, '--engine', 'objects']);
    if (packed === undefined || p.seconds < packed.seconds) packed = p;
    if (objects === undefined || o.seconds < objects.seconds) objects = o;
  }
  if (packed === undefined || objects === undefined) throw new Error('no run');
  return { packed, objects };
}

const rate = (r: Run): number => Math.round(r.distinct / Math.max(r.seconds, 1e-6));
const row = (what: string, engine: string, r: Run): (string | number)[] => [
  what,
  engine,
  r.verdict,
  r.distinct,
  r.transitions,
  r.diameter,
  r.seconds,
  rate(r),
];
const counts = (r: Run): string => `${r.verdict} ${r.distinct} ${r.transitions} ${r.diameter}`;

const cli = built();
const dir = mkdtempSync(join(tmpdir(), 'intcheck-uipi-packed-'));
try {
  const plain = join(dir, 'uipi-plain.json');
  writeFileSync(plain, JSON.stringify({ ...UIPI_SKYLOFT, timer: -1 }));
  const load = loadavg();
  const rows: (string | number)[][] = [];
  const ratios: string[] = [];
  for (const [what, args] of [
    ['skyloft', ['--preset', 'skyloft']],
    ['plain (skyloft sizes, no timer)', ['--config', plain]],
  ] as const) {
    const { packed, objects } = compare(cli, args, RUNS);
    if (counts(packed) !== counts(objects))
      throw new Error(`${what}: ${counts(packed)} vs ${counts(objects)}`);
    rows.push(row(what, 'objects', objects), row(what, 'packed', packed));
    ratios.push(`${what}: ${(rate(packed) / rate(objects)).toFixed(1)}×`);
  }
  const capped = ['--preset', 'small', '--max-states', String(SMALL_CAP)];
  const { packed: packedCapped, objects: objectsCapped } = compare(cli, capped, 1);
  if (counts(packedCapped) !== counts(objectsCapped))
    throw new Error(`small to ${SMALL_CAP}: ${counts(packedCapped)} vs ${counts(objectsCapped)}`);
  const { packed: whole, objects: wholeObjects } = compare(cli, ['--preset', 'small'], 1);
  for (const r of [whole, wholeObjects])
    if (counts(r) !== 'complete 1483160 10041610 68')
      throw new Error(`small: ${counts(r)}, not the manifest's complete 1483160 10041610 68`);
  rows.push(
    row(`small, to ${SMALL_CAP.toLocaleString('en-US')} states`, 'objects', objectsCapped),
    row(`small, to ${SMALL_CAP.toLocaleString('en-US')} states`, 'packed', packedCapped),
    row('small', 'objects', wholeObjects),
    row('small', 'packed', whole),
  );
  ratios.push(
    `small to ${SMALL_CAP.toLocaleString('en-US')}: ${(rate(packedCapped) / rate(objectsCapped)).toFixed(1)}×`,
    `small: ${(rate(whole) / rate(wholeObjects)).toFixed(1)}×`,
  );
  printTable(
    `UIPI model alone, every default property and leads-to: intcheck explore --engine objects vs judged (packed), best of ${RUNS} (small: one run each); load average ${load.map((x) => x.toFixed(2)).join(', ')} before, ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')} after`,
    ['configuration', 'engine', 'verdict', 'states', 'transitions', 'diameter', 'seconds', 'states/s'],
    rows,
  );
  console.log(`\npacked / objects: ${ratios.join('; ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
