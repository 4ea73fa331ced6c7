/**
 * `--junit FILE` (issue 20): JUnit XML that a real JUnit reader reads back, one test case per
 * property per configuration (per mutant for `mutants`), a failure carrying the shrunk
 * counterexample, the trace and the replay command; with GITHUB_ACTIONS=true, one `::error`
 * workflow command per failure on standard error.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { jsonOf, runCli, tempDir } from '../cli/runCli.ts';
import { BUGGY, GOOD } from '../engine/dut/runMain.ts';
import { readJUnit } from './junitSupport.ts';

afterEach(() => {
  delete process.env.GITHUB_ACTIONS;
});

const caseNamed = (r: ReturnType<typeof readJUnit>, name: string) => {
  const found = r.suites.flatMap((s) => s.cases).find((c) => c.name === name);
  if (found === undefined) throw new Error(`no test case ${name}`);
  return found;
};

describe('--junit', () => {
  test('check: a failing property carries the counterexample, the trace and the replay command', async () => {
    process.env.GITHUB_ACTIONS = 'true';
    const dir = tempDir();
    const file = join(dir, 'junit.xml');
    const args = ['--protocol', 'controller', '--mutant', 'lifo-within-priority', '--preset', 'small'];
    const run = await runCli(['check', ...args, '--runs', '50', '--out', dir, '--json', '--junit', file]);
    expect(run.code).toBe(1);
    const report = jsonOf(run);
    const failure = (report.results as { failure: { trace: string; property: string } }[])[0]?.failure;
    if (failure === undefined) throw new Error('no failure');
    const r = readJUnit(file);
    const properties = report.properties as string[];
    expect(r.suites).toHaveLength(1);
    expect(r.suites[0]?.cases.map((c) => c.name)).toEqual(properties);
    expect(r.failed).toBe(1);
    expect(r.skipped).toBe(properties.length - 1);
    const failed = caseNamed(r, failure.property);
    expect(failed.status).toBe('FAIL');
    expect(failed.failure).toMatch(new RegExp(`^${failure.property} failed at step \\d+: `));
    expect(failed.stack_trace).toContain('counterexample:');
    expect(failed.stack_trace).toContain(`trace:  ${failure.trace}`);
    expect(failed.stack_trace).toContain(`replay: npx intcheck replay ${failure.trace}`);
    // The annotation: on standard error, so that --json's standard output stays one object.
    const annotations = run.stderr.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toHaveLength(1);
    const escaped = failure.trace.replace(/:/g, '%3A').replace(/,/g, '%2C');
    expect(annotations[0]).toMatch(
      new RegExp(
        `^::error file=${escaped.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')},title=intcheck%3A ${failure.property} failed `,
      ),
    );
    expect(annotations[0]).toContain(`%0Areplay: npx intcheck replay ${failure.trace}`);
    expect(annotations[0]).not.toContain('\n');
  });

  test('check: a passing configuration passes every property; no annotation outside GitHub Actions', async () => {
    const dir = tempDir();
    const file = join(dir, 'junit.xml');
    const run = await runCli([
      'check',
      '--protocol',
      'controller',
      '--preset',
      'small',
      '--runs',
      '20',
      '--out',
      dir,
      '--junit',
      file,
    ]);
    expect(run.code).toBe(0);
    const r = readJUnit(file);
    expect(r.total).toBeGreaterThan(5);
    expect(r.passed).toBe(r.total);
    expect(r.suites[0]?.name).toBe('controller / reference / small');
    expect(run.stderr).not.toContain('::error');
  });

  test('explore: the violated property fails with the shortest counterexample', async () => {
    const dir = tempDir();
    const file = join(dir, 'junit.xml');
    const run = await runCli([
      'explore',
      '--protocol',
      'wakeup',
      '--impl',
      'ats-intc-qemu',
      '--out',
      dir,
      '--json',
      '--junit',
      file,
    ]);
    expect(run.code).toBe(1);
    const report = jsonOf(run);
    const r = readJUnit(file);
    expect(r.suites[0]?.cases.map((c) => c.name)).toEqual(report.properties);
    expect(r.failed).toBe(1);
    const failed = caseNamed(r, (report.violation as { property: string }).property);
    expect(failed.stack_trace).toContain('shortest counterexample (BFS)');
    expect(failed.stack_trace).toContain(`replay: npx intcheck replay ${report.trace as string}`);
  });

  test('mutants: one test case per mutant, caught ones pass', async () => {
    const dir = tempDir();
    const file = join(dir, 'junit.xml');
    const run = await runCli([
      'mutants',
      '--protocol',
      'controller',
      '--mutant',
      'lifo-within-priority,dequeue-lower-priority',
      '--runs',
      '200',
      '--no-explore',
      '--junit',
      file,
    ]);
    const r = readJUnit(file);
    expect(r.suites.map((s) => s.name)).toEqual(['mutants controller']);
    expect(r.suites[0]?.cases.map((c) => c.name)).toEqual(['lifo-within-priority', 'dequeue-lower-priority']);
    expect(r.failed).toBe(run.code === 0 ? 0 : r.failed);
    expect(r.passed + r.failed).toBe(2);
  });

  test('conform: a difference fails refinement with the replay command on the DUT', async () => {
    const dir = tempDir();
    const file = join(dir, 'junit.xml');
    const run = await runCli([
      'conform',
      '--dut',
      BUGGY,
      '--preset',
      'small',
      '--runs',
      '150',
      '--out',
      dir,
      '--junit',
      file,
    ]);
    expect(run.code).toBe(1);
    const r = readJUnit(file);
    expect(r.suites[0]?.cases.map((c) => c.name)).toEqual(['refinement', 'neverStalls']);
    const failed = caseNamed(r, 'refinement');
    expect(failed.status).toBe('FAIL');
    expect(failed.stack_trace).toContain(`--dut ${JSON.stringify(BUGGY)}`);
    expect(caseNamed(r, 'neverStalls').status).toBe('SKIP');
    const good = join(dir, 'good.xml');
    expect(
      (
        await runCli([
          'conform',
          '--dut',
          GOOD,
          '--preset',
          'small',
          '--runs',
          '30',
          '--out',
          dir,
          '--junit',
          good,
        ])
      ).code,
    ).toBe(0);
    expect(readJUnit(good).passed).toBe(2);
  });

  test('--junit to a path that cannot be written is bad input (exit 2, one line)', async () => {
    const dir = tempDir();
    const notADirectory = join(dir, 'file');
    writeFileSync(notADirectory, '');
    const at = join(notADirectory, 'junit.xml');
    const run = await runCli([
      'check',
      '--protocol',
      'controller',
      '--preset',
      'small',
      '--runs',
      '5',
      '--out',
      dir,
      '--junit',
      at,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^intcheck: --junit: cannot write .*\/file\/junit.xml \(E[A-Z]+\)\n$/);
  });
});
