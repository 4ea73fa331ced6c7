/**
 * The Quint specifications themselves (spec/quint): they typecheck, their named `run` scenarios
 * pass, and the published ats-intc-qemu design's invariant check finds the lost wakeup.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runQuint } from '../../traces/quint/quintCli.ts';
import { SEED } from '../support/seed.ts';
import { readTestReport, scratch } from './support.ts';

const SPECS = ['controllerLogic.qnt', 'controller.qnt', 'wakeup.qnt', 'atsIntcQemu.qnt'];

describe('Quint specifications', () => {
  test('every specification typechecks (quint typecheck)', async () => {
    const results = await Promise.all(SPECS.map((f) => runQuint(['typecheck', f])));
    results.forEach((r, i) => {
      expect({ spec: SPECS[i], code: r.code, stderr: r.stderr }).toEqual({ spec: SPECS[i], code: 0, stderr: '' });
    });
  });

  test('the scenarios of both specifications pass (quint test)', async () => {
    const dir = scratch();
    const suites = [
      ['controller.qnt', 'controllerTests'],
      ['wakeup.qnt', 'wakeupTests'],
    ] as const;
    const results = await Promise.all(
      suites.map(([file, main]) =>
        runQuint(['test', `--main=${main}`, `--seed=${SEED}`, `--out=${join(dir, `${main}.json`)}`, file]),
      ),
    );
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const controller = readTestReport(join(dir, 'controllerTests.json'));
    const wakeup = readTestReport(join(dir, 'wakeupTests.json'));
    expect(controller.failed).toEqual([]);
    expect(wakeup.failed).toEqual([]);
    expect(controller.passed).toEqual(
      expect.arrayContaining(['pendingConsumedAtRegistrationTest', 'waiterFifoTest', 'badAccessTest']),
    );
    expect(wakeup.passed).toEqual(
      expect.arrayContaining(['pendingConsumedAtRegistrationTest', 'waiterFifoTest', 'disabledStepsTest']),
    );
  });

  test('quint run --invariant=noLostWakeup finds the lost wakeup of ats-intc-qemu', async () => {
    const r = await runQuint([
      'run',
      '--main=atsIntcQemuSmall',
      '--invariant=noLostWakeup',
      '--max-steps=10',
      '--seed=42',
      'atsIntcQemu.qnt',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[violation] Found an issue');
    expect(r.stdout).toMatch(/lastOp: IrqOp\(\d\)/);
  });
});
