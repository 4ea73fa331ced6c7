/**
 * How fast `intcheck --help` starts (issue 20: under 200 ms from the installed package), beside
 * the figure of the way it started before the package existed, measured in the same run: the
 * TypeScript sources loaded through tsx at every start, and every protocol loaded for the help
 * text; and the bundled command line (scripts/build.mjs) beside the installed package's module
 * files it was bundled from (dist/cli/main.js started as bin.js was before the bundle), for `--help`
 * and for the start of `explore` (`--preset nosuch`: it loads all explore needs, then refuses the
 * preset and exits 2). Each is started `RUNS` times; the table gives the median and the fastest wall time and the
 * median CPU time (user + system, from /usr/bin/time) of a start. The load average is printed with
 * it: on a busy machine wall times grow, CPU times much less.
 *
 * `npx tsx bench/startup.ts` (also part of `npm run bench`); it packs the package and installs it
 * in an empty directory (the npm registry must be reachable), as the package test does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installInEmptyProject, pack, REPO } from '../test/package/installed.ts';
import { TEST_TMP_ENV, tempDir } from '../test/support/tempDir.ts';
import { printTable } from './table.ts';

const RUNS = Number(process.env.INTCHECK_BENCH_RUNS ?? 15);
const TIME = '/usr/bin/time';

/** One start, which must exit with `status`: wall seconds, and CPU seconds when /usr/bin/time is there. */
function start(
  argv: readonly string[],
  cwd: string,
  status: number,
): { wall: number; cpu: number | undefined } {
  const timed = existsSync(TIME);
  const [file, ...args] = timed ? [TIME, '-f', '%U %S', ...argv] : argv;
  if (file === undefined) throw new Error('nothing to start');
  const t0 = performance.now();
  const r = spawnSync(file, args, { cwd, encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== status) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [user, sys] = last.split(' ').map(Number);
  return { wall, cpu: timed && user !== undefined && sys !== undefined ? user + sys : undefined };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** `RUNS` starts of `argv` (exiting with `status`): [median wall ms, fastest wall ms, median CPU ms]. */
function measure(argv: readonly string[], cwd: string, status = 0): [number, number, number | string] {
  start(argv, cwd, status); // warm the file cache
  const runs = Array.from({ length: RUNS }, () => start(argv, cwd, status));
  const cpus = runs.flatMap((r) => (r.cpu === undefined ? [] : [r.cpu]));
  return [
    Math.round(median(runs.map((r) => r.wall)) * 1000),
    Math.round(Math.min(...runs.map((r) => r.wall)) * 1000),
    cpus.length === 0 ? '—' : Math.round(median(cpus) * 1000),
  ];
}

/** The start before issue 20 (cli/bin.mjs then): tsx registered, every protocol loaded for help. */
function beforeEntry(): string {
  const file = join(tempDir('bench'), 'before.mjs');
  const url = (p: string) => JSON.stringify(new URL(p, `file://${REPO}`).href);
  writeFileSync(
    file,
    [
      `import { register } from ${url('node_modules/tsx/dist/esm/api/index.mjs')};`,
      'register();',
      `await import(${url('protocols/index.ts')});`,
      `const { main } = await import(${url('cli/main.ts')});`,
      'process.exitCode = await main(process.argv);',
    ].join('\n'),
  );
  return file;
}

/** The command line from the installed package's module files, as dist/cli/bin.js was before the bundle. */
function modulesEntry(app: string): string {
  const file = join(tempDir('bench'), 'modules.mjs');
  const main = pathToFileURL(join(app, 'node_modules', 'intcheck', 'dist', 'cli', 'main.js')).href;
  writeFileSync(
    file,
    [`import { main } from ${JSON.stringify(main)};`, 'process.exitCode = await main(process.argv);'].join(
      '\n',
    ),
  );
  return file;
}

/**
 * The start-up table. Its scratch (the tarball, the installed project, the entry files) is made
 * under one directory, removed at the end, as the test run's is (test/support/tempDir.ts).
 */
export async function benchStartup(): Promise<(string | number)[][]> {
  const root = mkdtempSync(join(tmpdir(), 'intcheck-bench-'));
  const outer = process.env[TEST_TMP_ENV];
  process.env[TEST_TMP_ENV] = root;
  try {
    return await startupRows();
  } finally {
    rmSync(root, { recursive: true, force: true });
    if (outer === undefined) delete process.env[TEST_TMP_ENV];
    else process.env[TEST_TMP_ENV] = outer;
  }
}

async function startupRows(): Promise<(string | number)[][]> {
  const app = await installInEmptyProject(await pack());
  const installedBin = join(app, 'node_modules', '.bin', 'intcheck');
  const modules = modulesEntry(app);
  const explore = ['explore', '--protocol', 'wakeup', '--preset', 'nosuch'];
  return [
    [
      'before: sources through tsx, help loading every protocol',
      ...measure([process.execPath, beforeEntry(), '--help'], REPO),
    ],
    ['installed package: node_modules/.bin/intcheck --help', ...measure([installedBin, '--help'], app)],
    [
      '  the same --help from the module files (not bundled)',
      ...measure([process.execPath, modules, '--help'], app),
    ],
    ['installed package: intcheck --version', ...measure([installedBin, '--version'], app)],
    [
      'installed package: explore --protocol wakeup --preset nosuch',
      ...measure([installedBin, ...explore], app, 2),
    ],
    [
      '  the same from the module files (not bundled)',
      ...measure([process.execPath, modules, ...explore], app, 2),
    ],
    ['node -e 0 (Node alone, for scale)', ...measure([process.execPath, '-e', '0'], app)],
  ];
}

export function printStartup(rows: (string | number)[][]): void {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  printTable(
    `intcheck start-up, ${RUNS} starts each (load average ${load})`,
    ['start', 'median ms', 'fastest ms', 'median CPU ms'],
    rows,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printStartup(await benchStartup());
