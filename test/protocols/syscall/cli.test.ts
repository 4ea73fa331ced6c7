/**
 * `intcheck check --protocol syscall` and `intcheck replay` of its traces, end to end: the
 * reference passes, a mutant fails with exit 1 and a saved ITF trace, the trace replays (still
 * failing on the mutant, passing on the reference), and a syscall mutant under another protocol
 * is a usage error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { jsonOf, runCli, tempDir } from '../../cli/runCli.ts';

describe('intcheck check --protocol syscall', () => {
  test('the reference passes; a mutant fails with a trace that replays', async () => {
    const out = tempDir();
    const ok = await runCli([
      'check',
      '--protocol',
      'syscall',
      '--impl',
      'reference',
      '--preset',
      'small',
      '--runs',
      '60',
      '--out',
      out,
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/✓ syscall \/ reference \/ small/);
    const bad = await runCli([
      'check',
      '--protocol',
      'syscall',
      '--mutant',
      'publish-after-signal',
      '--preset',
      'small',
      '--property',
      'publishBeforeSignal',
      '--out',
      out,
      '--json',
    ]);
    expect(bad.code, bad.stderr).toBe(1);
    const report = jsonOf(bad);
    const failure = (report.results as { failure: { trace: string; property: string } }[])[0]?.failure;
    expect(failure?.property).toBe('publishBeforeSignal');
    const trace = failure?.trace ?? '';
    expect(existsSync(trace)).toBe(true);
    const again = await runCli(['replay', trace]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/still fails on "publish-after-signal": publishBeforeSignal/);
    const fixed = await runCli(['replay', trace, '--impl', 'reference']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/passes on "reference"/);
    expect(existsSync(join(out, 'syscall--publish-after-signal--publishBeforeSignal--small.itf.json'))).toBe(
      true,
    );
  });

  test('a syscall mutant under another protocol is refused with exit 2', async () => {
    const wrong = await runCli([
      'check',
      '--protocol',
      'wakeup',
      '--mutant',
      'take-without-cas',
      '--preset',
      'small',
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/use --protocol syscall/);
  });
});
