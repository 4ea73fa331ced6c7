/**
 * The bridge judges a design by its replies alone (spec/controller.md §6: refinement): built-in
 * mutants served as external DUTs are caught, each by the access where their replies first
 * differ, including a wrong error bit traced back to its cause, and the reference served the
 * same way conforms.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT, runMain, tempDir } from './runMain.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const served = (name: string) =>
  `node ${join(ROOT, 'test', 'engine', 'dut', 'fixtures', 'implDut.mjs')} ${name}`;

describe.concurrent('built-in implementations behind the bridge', () => {
  test('the reference conforms', async () => {
    const run = await runMain([
      'conform',
      '--dut',
      served('reference'),
      '--preset',
      'small',
      '--runs',
      '200',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/^✓ dut impl-reference \/ small: 200 runs conform/);
  });

  test.each([
    [
      'pending-saturates-silently',
      /ERROR read on page 0\), .*expected 0x\w+ \(.*PENDING_OVERFLOW.*\), actual .*earliest step since the previous ERROR read that could have set PENDING_OVERFLOW: step \d+/,
    ],
    ['lifo-within-priority', /DEQUEUE on page \d\), request .*: expected 0x\w+, actual 0x\w+/],
    ['occupancy-leak', /: expected 0x\w+( \(.*\))?, actual 0x\w+/],
  ])('the mutant %s is caught', async (name, says) => {
    const out = join(dir, name);
    const run = await runMain([
      'conform',
      '--dut',
      served(name),
      '--preset',
      'small',
      '--runs',
      '300',
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toMatch(
      new RegExp(`^✗ dut impl-${name} / small: differs from the reference at step \\d+`),
    );
    expect(run.stdout[1]).toMatch(says);
  });
});
