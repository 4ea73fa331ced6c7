/**
 * `intcheck check --protocol uipi` end to end: the reference passes (exit 0), a mutant fails
 * (exit 1) with its trace saved, `intcheck replay` re-runs that trace, linux-rfc-v1 gets one
 * verdict per drain (`--drain`), and bad input is exit 2 with one line.
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

  test('linux-rfc-v1: one verdict per drain, both by default, in text and --json; --drain picks', async () => {
    const out = tempDir();
    const args = ['check', '--protocol', 'uipi', '--impl', 'linux-rfc-v1', '--preset', 'small', '--out', out];
    const both = await runCli([...args, '--runs', '50', '--json']);
    expect(both.code).toBe(1);
    const results = jsonOf(both).results as {
      readonly preset: string;
      readonly ok: boolean;
      readonly config: { readonly drain: string };
    }[];
    expect(results.map((x) => [x.preset, x.config.drain])).toEqual([
      ['small', 'fair'],
      ['small drain=no-kernel-entry', 'no-kernel-entry'],
    ]);
    const text = await runCli([...args, '--runs', '50']);
    expect(text.stdout).toContain('✗ uipi / linux-rfc-v1 / small:');
    expect(text.stdout).toContain('✗ uipi / linux-rfc-v1 / small drain=no-kernel-entry:');
    const one = await runCli([...args, '--runs', '50', '--drain', 'no-kernel-entry', '--json']);
    const only = jsonOf(one).results as { readonly preset: string }[];
    expect(only.map((x) => x.preset)).toEqual(['small drain=no-kernel-entry']);
  });

  test.each([
    [['--mutant', 'nope'], '--mutant: unknown mutant "nope" for protocol uipi'],
    [['--drain', 'lazy'], '--drain: unknown UIPI drain "lazy" (known: fair, no-kernel-entry, all)'],
    [
      ['--impl', 'linux-rfc-v1', '--preset', 'skyloft'],
      'skyloft: linux-rfc-v1 models the plain UIPI scenario',
    ],
  ])('%j is refused with exit 2', async (args, message) => {
    const r = await runCli(['check', '--protocol', 'uipi', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

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
