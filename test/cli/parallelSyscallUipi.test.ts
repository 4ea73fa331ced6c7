/**
 * `--workers N` on the syscall and UIPI checks (as on controller and wakeup): the same verdict,
 * counts, counterexample, JSON report and trace bytes as `--workers 1` for the same seed, only
 * spread over worker threads. The failing mutants are chosen so that their first failing storm
 * (seed 42) lies in a later batch, not the first one.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { comparable, jsonOf, runCli, tempDir, traceOf } from './runCli.ts';

const SLOW = 180_000;

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (protocol: string) => [
  'check',
  '--protocol',
  protocol,
  '--seed',
  '42',
  '--json',
  '--preset',
  'small',
];

const CASES: readonly (readonly [string, readonly string[], number | null])[] = [
  ['syscall reference, passing', [...check('syscall'), '--impl', 'reference', '--runs', '40'], null],
  [
    'syscall overwrite-slot, failing at storm 124',
    [...check('syscall'), '--mutant', 'overwrite-slot', '--runs', '300'],
    124,
  ],
  ['uipi reference, passing', [...check('uipi'), '--impl', 'reference', '--runs', '40'], null],
  [
    // A failure well inside the range (storms with kernel steps; pir-read-then-clear now fails at storm 1).
    'uipi wake-keeps-kernel-nv, failing at storm 36',
    [...check('uipi'), '--mutant', 'wake-keeps-kernel-nv', '--runs', '300'],
    36,
  ],
];

describe('--workers 2 is --workers 1 on syscall and UIPI', () => {
  test.each(CASES)(
    '%s',
    async (name, args, failingRun) => {
      const slug = name.replace(/\W+/g, '-');
      const [one, two] = await Promise.all([
        runCli([...args, '--workers', '1', '--out', join(dir, `w1-${slug}`)]),
        runCli([...args, '--workers', '2', '--out', join(dir, `w2-${slug}`)]),
      ]);
      expect(one.stderr).toBe('');
      expect(two.stderr).toBe('');
      expect(one.code).toBe(failingRun === null ? 0 : 1);
      expect(two.code).toBe(one.code);
      expect(comparable(two)).toEqual(comparable(one));
      if (failingRun !== null) {
        const [result] = jsonOf(one).results as { failure?: { run: number } }[];
        expect(result?.failure?.run).toBe(failingRun);
        expect(traceOf(two)).toEqual(traceOf(one));
      }
    },
    SLOW,
  );
});
