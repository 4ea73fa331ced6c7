/**
 * Scaling out changes nothing but the time: `--workers N` and `--shard i/n` + `intcheck merge`
 * give the verdict, counterexample, trace and JSON report (timings and trace file names aside)
 * of the same check run in one process; merge refuses shards that do not fit together.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { referenceImpl } from '../../protocols/controller/designs/reference/index.ts';
import { type CheckResult, checkController } from '../../protocols/controller/engine/checkController.ts';
import { checkControllerParallel } from '../../protocols/controller/engine/checkControllerParallel.ts';
import { SMALL } from '../../protocols/controller/model/config/config.ts';
import { CONTROLLER_MUTANTS } from '../../protocols/controller/mutants/controllerMutants.ts';
import { PROTOCOLS } from '../../protocols/index.ts';
import { type CliRun, comparable, runCli, tempDir, traceOf } from './runCli.ts';

/** Time limit of a test that runs several checks (CI shares two cores with the rest of the suite). */
const SLOW = 180_000;

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = ['check', '--protocol', 'controller', '--seed', '42', '--json'];
/** Passes on both presets. */
const PASSING = [...BASE, '--impl', 'reference', '--runs', '30'];
/** With seed 42 its first failing storm on small is not the first one, and later ones fail too. */
const FAILING = [...BASE, '--mutant', 'priority-index-wraps', '--runs', '60'];

/** Runs the check whole and as `n` shards (three by default), and merges the shards' reports: [single, merged, shards]. */
async function shardedAndMerged(
  args: readonly string[],
  name: string,
  n = 3,
): Promise<[CliRun, CliRun, CliRun[]]> {
  const out = join(dir, name);
  const single = await runCli([...args, '--out', join(out, 'single')]);
  const shards = await Promise.all(
    // Shard 1 also spreads its slice over two workers (when there are three).
    Array.from({ length: n }, (_, i) =>
      runCli([
        ...args,
        '--shard',
        `${i}/${n}`,
        '--workers',
        i === 1 && n === 3 ? '2' : '1',
        '--out',
        join(out, 'shards'),
      ]),
    ),
  );
  const files = shards.map((s, i) => {
    const file = join(dir, `${name}-${i}.json`);
    writeFileSync(file, s.stdout);
    return file;
  });
  const merged = await runCli(['merge', '--json', ...files.reverse()]);
  return [single, merged, shards];
}

describe('in-process, under vitest: worker threads find what one thread finds', () => {
  const same = (a: CheckResult, b: CheckResult) => {
    expect(b.ok).toBe(a.ok);
    if (a.ok || b.ok) return expect(b).toEqual(a);
    expect({ ...b, failure: b.failure.violation }).toEqual({ ...a, failure: a.failure.violation });
    expect(b.failure.recorded).toEqual(a.failure.recorded);
  };
  test('a passing check', async () => {
    const o = { cfg: SMALL, impl: referenceImpl, runs: 40, seed: 3 };
    same(checkController(o), await checkControllerParallel(o, 2));
  });
  test.each(['priority-index-wraps', 'zero-task-accepted'])(
    '%s, whose first failure is not in the first batch',
    async (name) => {
      const impl = CONTROLLER_MUTANTS.find((m) => m.name === name);
      const o = { cfg: SMALL, impl, runs: 120, seed: 42 };
      const one = checkController(o);
      expect(one.ok).toBe(false);
      same(one, await checkControllerParallel(o, 2));
    },
  );
});

describe('--workers 2 is --workers 1, sooner', () => {
  test.each([
    ['passing', PASSING],
    ['failing', FAILING],
  ])(
    'a %s check',
    async (name, args) => {
      const [one, two] = await Promise.all([
        runCli([...args, '--workers', '1', '--out', join(dir, `w1-${name}`)]),
        runCli([...args, '--workers', '2', '--out', join(dir, `w2-${name}`)]),
      ]);
      expect(two.stderr).toBe('');
      expect(two.code).toBe(one.code);
      expect(comparable(two)).toEqual(comparable(one));
      if (one.code === 1) expect(traceOf(two)).toEqual(traceOf(one));
    },
    SLOW,
  );
});

describe('shards 0/3, 1/3 and 2/3 merged are the single run', () => {
  test(
    'a passing check over both presets',
    async () => {
      const [single, merged, shards] = await shardedAndMerged(PASSING, 'pass');
      expect(single.code).toBe(0);
      expect(shards.map((s) => s.code)).toEqual([0, 0, 0]);
      expect(merged.code).toBe(0);
      expect(comparable(merged)).toEqual(comparable(single));
    },
    SLOW,
  );

  test(
    'a failing check: the lowest failing storm wins, its trace is the same',
    async () => {
      const [single, merged, shards] = await shardedAndMerged(FAILING, 'fail');
      expect(single.code).toBe(1);
      expect(merged.code).toBe(1);
      expect(shards.some((s) => s.code === 1)).toBe(true);
      expect(comparable(merged)).toEqual(comparable(single));
      expect(traceOf(merged)).toEqual(traceOf(single));
      const text = await runCli(['merge', ...[0, 1, 2].map((i) => join(dir, `fail-${i}.json`))]);
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(/^✗ controller \/ priority-index-wraps \/ small: /);
    },
    SLOW,
  );
});

describe('merge takes the shards of every protocol (regression: it refused UIPI shards)', () => {
  test.each(PROTOCOLS.map((p) => p.name))(
    '%s: shards 0/2 and 1/2 merged are the single run',
    async (protocol) => {
      const args = [
        'check',
        '--protocol',
        protocol,
        '--seed',
        '42',
        '--json',
        '--preset',
        'small',
        '--runs',
        '4',
        '--max-events',
        '20',
      ];
      const [single, merged] = await shardedAndMerged(args, `proto-${protocol}`, 2);
      expect(single.code).toBe(0);
      expect(merged.stderr).toBe('');
      expect(merged.code).toBe(0);
      expect(comparable(merged)).toEqual(comparable(single));
    },
    SLOW,
  );
});

describe.concurrent('merge refuses shards that do not fit together', () => {
  const reports: string[] = [];
  beforeAll(async () => {
    const args = [...BASE, '--impl', 'reference', '--preset', 'small', '--runs', '9'];
    const runs = await Promise.all([0, 1, 2].map((i) => runCli([...args, '--shard', `${i}/3`])));
    reports.push(...runs.map((r) => r.stdout));
  }, SLOW);
  let edited = 0;
  const shard = (i: number, edit: (r: Record<string, unknown>) => void = () => {}): string => {
    const report = JSON.parse(reports[i] ?? '') as Record<string, unknown>;
    edit(report);
    const file = join(dir, `edited-${edited++}.json`);
    writeFileSync(file, JSON.stringify(report));
    return file;
  };
  const refuse = async (files: string[], pattern: RegExp) => {
    const r = await runCli(['merge', ...files]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^intcheck: merge: [^\n]*\n$/);
    expect(r.stderr).toMatch(pattern);
  };
  test('a missing shard', () => refuse([shard(0), shard(2)], /shard 1\/3 is missing/));
  test('a shard given twice', () =>
    refuse([shard(0), shard(1), shard(1), shard(2)], /shard 1\/3 is given twice/));
  test('another seed', () =>
    refuse([shard(0), shard(1, (r) => (r.seed = 43)), shard(2)], /does not fit .*: seed 43 vs 42/));
  test('another run count', () =>
    refuse([shard(0), shard(1, (r) => (r.runs = 10)), shard(2)], /runs 10 vs 9/));
  test('another implementation', () =>
    refuse([shard(0), shard(1, (r) => (r.implementation = 'ats-intc-qemu')), shard(2)], /implementation/));
  test('another configuration', () =>
    refuse(
      [
        shard(0),
        shard(1, (r) => {
          const [first] = r.results as { config: Record<string, unknown> }[];
          if (first) first.config = { ...first.config, capacity: 9 };
        }),
        shard(2),
      ],
      /checked another small configuration than/,
    ));
  test('shards of another split', () =>
    refuse(
      [shard(0), shard(1, (r) => (r.shard = { index: 1, count: 4, from: 2, to: 4 })), shard(2)],
      /shard 1\/4/,
    ));
});
