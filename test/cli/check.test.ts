/**
 * `intcheck check` and `intcheck replay` end to end: exit codes, the saved trace and its replay,
 * the JSON report, and byte-identical traces from the same seed.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { jsonOf, runCli, tempDir } from './runCli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function outDir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

const MUTANT = ['check', '--protocol', 'controller', '--mutant', 'lifo-within-priority', '--preset', 'small'];
const TRACE = 'controller--lifo-within-priority--fifoWithinPriority--small.itf.json';

describe('intcheck check', () => {
  test('the reference passes: exit 0 and one line per configuration', async () => {
    const r = await runCli(['check', '--protocol', 'controller', '--impl', 'reference', '--runs', '30']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ controller \/ reference \/ small: \d+ properties hold on 30 storms/m);
    expect(r.stdout).toMatch(/^✓ controller \/ reference \/ published: /m);
  });

  test('a mutant fails: exit 1, the trace is written, replay fails on it and passes on the reference', async () => {
    const out = outDir();
    const r = await runCli([...MUTANT, '--runs', '50', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ controller / lifo-within-priority / small: fifoWithinPriority failed');
    const file = join(out, TRACE);
    expect(r.stdout).toContain(`replay: npx intcheck replay ${file}`);
    expect(r.stdout).toMatch(/fast-check: \{ seed: 42, path: "\d+(:\d+)*", endOnFailure: true \}/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('states');
    const replay = await runCli(['replay', file]);
    expect(replay.code).toBe(1);
    const fixed = await runCli(['replay', file, '--impl', 'reference']);
    expect(fixed.code).toBe(0);
    const unknown = await runCli(['replay', file, '--impl', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^intcheck: --impl: unknown controller implementation "nope", which is not built in \(known: reference, .*\)\n$/,
    );
  });

  test('--json prints one parsable report with the failure and its trace', async () => {
    const out = outDir();
    const r = await runCli([...MUTANT, '--runs', '50', '--seed', '7', '--out', out, '--json']);
    expect(r.code).toBe(1);
    const report = jsonOf(r);
    expect(report).toMatchObject({
      ok: false,
      protocol: 'controller',
      implementation: 'lifo-within-priority',
      seed: 7,
      runs: 50,
      maxEvents: 80,
    });
    expect(report).not.toHaveProperty('shard');
    const [result] = report.results as Record<string, unknown>[];
    expect(result).toMatchObject({
      preset: 'small',
      ok: false,
      failure: { property: 'fifoWithinPriority', seed: 7 },
    });
    const failure = result?.failure as {
      trace: string;
      counterexample: string[];
      length: number;
      step: number;
    };
    expect(failure.trace).toBe(join(out, TRACE));
    expect(failure.counterexample).toHaveLength(failure.length);
    expect(failure.step).toBe(failure.length - 1);
  });

  test('a passing --json report lists every configuration', async () => {
    const r = await runCli(['check', '--protocol', 'controller', '--runs', '10', '--json']);
    expect(r.code).toBe(0);
    const report = jsonOf(r);
    expect(report.ok).toBe(true);
    expect((report.results as { preset: string; ok: boolean }[]).map((x) => [x.preset, x.ok])).toEqual([
      ['small', true],
      ['published', true],
    ]);
  });

  test('the same seed twice gives a byte-identical trace', async () => {
    const a = outDir();
    const b = outDir();
    const [ra, rb] = await Promise.all([
      runCli([...MUTANT, '--runs', '50', '--seed', '123', '--out', a]),
      runCli([...MUTANT, '--runs', '50', '--seed', '123', '--out', b]),
    ]);
    expect([ra.code, rb.code]).toEqual([1, 1]);
    expect(readFileSync(join(a, TRACE))).toEqual(readFileSync(join(b, TRACE)));
  });
});

describe('what a check did not cover is said', () => {
  test('storms a design stopped in are counted, in text and JSON (no silent storms)', async () => {
    // ats-intc-qemu asserts on a page ≥ 16 and writes past its waiter array; its storms reach both.
    const args = [
      'check',
      '--protocol',
      'controller',
      '--impl',
      'ats-intc-qemu',
      '--preset',
      'small',
      '--runs',
      '200',
    ];
    const [text, json] = await Promise.all([
      runCli([...args, '--property', 'strictPriority', '--out', outDir()]),
      runCli([...args, '--property', 'strictPriority', '--out', outDir(), '--json']),
    ]);
    expect(text.stdout).toMatch(/^ {2}\d+ of 200 storms ended early: \d+ abort/m);
    const [result] = jsonOf(json).results as { endedEarly: { runs: number; abort: number; stall: number } }[];
    expect(result?.endedEarly.runs).toBeGreaterThan(0);
    expect(result?.endedEarly.stall).toBe(0);
  });

  test('a check that stops at small says published was not checked, and how the others fared', async () => {
    const r = await runCli([
      'check',
      '--protocol',
      'controller',
      '--mutant',
      'lifo-within-priority',
      '--runs',
      '50',
      '--out',
      outDir(),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^ {2}the other \d+ properties held in the \d+ storms before it \(\d[\d,]* events in all\), when the check stopped: not a full pass$/m,
    );
    expect(r.stdout).toMatch(
      /^published was not checked: the check stops at the first configuration that fails \(run it: npx intcheck check --protocol controller --mutant lifo-within-priority --preset published\)$/m,
    );
    expect(r.stdout).toMatch(/^1 configuration checked, 1 skipped$/m);
  });
});
