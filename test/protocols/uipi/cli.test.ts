/**
 * `intcheck check --protocol uipi` end to end: the reference passes (exit 0), a mutant fails
 * (exit 1) with its trace saved, `intcheck replay` re-runs that trace, and bad input is exit 2
 * with one line.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { jsonOf, runCli, tempDir } from '../../cli/runCli.ts';

describe('intcheck check --protocol uipi', () => {
  test('the reference passes (exit 0)', async () => {
    const r = await runCli([
      'check',
      '--protocol',
      'uipi',
      '--impl',
      'reference',
      '--preset',
      'small',
      '--runs',
      '100',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ uipi / reference / small: 14 properties hold on 100 storms');
  });

  test('a mutant fails, saves a trace, and replay re-runs it', async () => {
    const out = tempDir();
    const args = [
      'check',
      '--protocol',
      'uipi',
      '--mutant',
      'skyloft-no-repost',
      '--out',
      out,
      '--runs',
      '200',
    ];
    const r = await runCli([...args, '--json']);
    expect(r.code).toBe(1);
    const results = jsonOf(r).results as {
      readonly preset: string;
      readonly failure?: { readonly trace: string };
    }[];
    expect(results.map((x) => x.preset)).toEqual(['small', 'skyloft']);
    const file = results[1]?.failure?.trace ?? '';
    expect(file).toBe(join(out, 'uipi--skyloft-no-repost--uipiRefinement--skyloft.itf.json'));
    expect(existsSync(file)).toBe(true);
    const replay = await runCli(['replay', file]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('✗ still fails on "skyloft-no-repost": uipiRefinement');
    const fixed = await runCli(['replay', file, '--impl', 'reference']);
    expect(fixed.code).toBe(0);
  });

  test.each([[['--mutant', 'nope'], '--mutant: unknown UIPI mutant "nope"']])(
    '%j is refused with exit 2',
    async (args, message) => {
      const r = await runCli(['check', '--protocol', 'uipi', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    },
  );

  test('a bad configuration file names the field', async () => {
    const file = join(tempDir(), 'cfg.json');
    writeFileSync(file, JSON.stringify({ cpus: 1, receivers: 2 }));
    const r = await runCli(['check', '--protocol', 'uipi', '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'intcheck: uipi configuration field "receivers": 2 receivers need at least as many cpus (1)',
    );
  });
});
