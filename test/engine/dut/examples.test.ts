/**
 * The example designs of examples/ through the whole bridge: the conforming Python design passes
 * both presets, the copy with one seeded bug is caught with a short counterexample whose trace
 * names the DUT and replays (still failing on the buggy design, passing on the good one and on
 * the built-in reference). The verdict does not depend on the request window.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readTrace } from '../../../protocols/readTrace.ts';
import { BUGGY, GOOD, runMain, tempDir } from './runMain.ts';

const dir = tempDir();
/** The --json report of the buggy design with the default window (set by the test that runs it). */
let pipelined = '';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('examples/: Python designs behind the DUT bridge', () => {
  test('the conforming design passes the small and the published preset', async () => {
    const run = await runMain(['conform', '--dut', GOOD, '--runs', '100', '--out', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toEqual([
      expect.stringMatching(/^✓ dut python-reference \/ small: 100 runs conform to the reference/),
      expect.stringMatching(/^✓ dut python-reference \/ published: 100 runs conform to the reference/),
      'dut python-reference: 2 configurations checked, 0 skipped, 0 refused',
    ]);
  });

  test('the seeded bug is caught, shrunk, saved as a trace naming the DUT, and replays', async () => {
    const out = join(dir, 'buggy');
    const run = await runMain([
      'conform',
      '--dut',
      BUGGY,
      '--preset',
      'small',
      '--runs',
      '150',
      '--out',
      out,
      '--json',
    ]);
    expect(run.code).toBe(1);
    pipelined = run.stdout.join('');
    const report = JSON.parse(run.stdout.join('\n')) as {
      ok: boolean;
      dut: string;
      results: { verdict: string; counterexample: string[]; trace: string; message: string }[];
    };
    expect(report.ok).toBe(false);
    expect(report.dut).toBe('python-buggy');
    const r = report.results[0];
    expect(r?.verdict).toBe('mismatch');
    expect(r?.counterexample.length).toBeLessThanOrEqual(4);
    expect(r?.message).toMatch(
      /DEQUEUE on page \d\), request \{"op":"read","addr":"0x10000000"\}: expected 0x\w+, actual 0x0/,
    );
    const trace = r?.trace ?? '';
    const parsed = readTrace(trace).header;
    expect(parsed.implementation).toBe('dut:python-buggy');
    expect(parsed.meta.property).toBe('refinement');
    expect((await runMain(['replay', trace, '--dut', BUGGY])).code).toBe(1);
    expect((await runMain(['replay', trace, '--dut', GOOD])).code).toBe(0);
    expect((await runMain(['replay', trace, '--impl', 'reference'])).code).toBe(0);
    const plain = await runMain(['replay', trace]);
    expect(plain.code).toBe(2);
    expect(plain.stderr[0]).toMatch(/external design "python-buggy": replay it with --dut/);
  });

  test('a failure at small says that published was not run, and how to run it', async () => {
    const out = join(dir, 'stops');
    const run = await runMain(['conform', '--dut', BUGGY, '--runs', '150', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout[0]).toMatch(/^✗ dut python-buggy \/ small: differs from the reference at step/);
    expect(run.stdout.at(-2)).toBe(
      `⚠ dut python-buggy / published: not checked, not counted as a pass: not run: the check stopped at the difference at small; run it with: npx intcheck conform --dut ${JSON.stringify(BUGGY)} --preset published`,
    );
    expect(run.stdout.at(-1)).toBe('dut python-buggy: 1 configuration checked, 1 skipped, 0 refused');
    const json = await runMain(['conform', '--dut', BUGGY, '--runs', '150', '--out', out, '--json']);
    const report = JSON.parse(json.stdout.join('')) as {
      configurations: unknown;
      results: { preset: string; verdict: string; run?: number; how?: string }[];
    };
    expect(report.configurations).toEqual({ checked: 1, skipped: 1, refused: 0 });
    expect(report.results[1]).toMatchObject({ preset: 'published', verdict: 'skipped' });
    expect(report.results[1]?.how).toMatch(/--preset published$/);
    // One numbering: the text's "run N" is the JSON's run.
    const n = /\(run (\d+),/.exec(run.stdout[0] ?? '')?.[1];
    expect(report.results[0]?.run).toBe(Number(n));
  });

  test('lockstep (--window 1) and pipelined runs find the same counterexample', async () => {
    const args = ['conform', '--dut', BUGGY, '--preset', 'small', '--runs', '150', '--json'];
    const one = await runMain([...args, '--window', '1', '--out', join(dir, 'w1')]);
    const strip = (s: string) => s.replace(/"trace":"[^"]*"/, '').replace(/"window":\d+/, '');
    expect(pipelined).toMatch(/"window":32/);
    expect(strip(one.stdout.join(''))).toBe(strip(pipelined));
  });

  test('a wakeup trace of the suite replays on the DUT', async () => {
    const run = await runMain([
      'check',
      '--protocol',
      'wakeup',
      '--impl',
      'ats-intc-qemu',
      '--preset',
      'small',
      '--out',
      dir,
      '--json',
    ]);
    expect(run.code).toBe(1);
    const trace = (JSON.parse(run.stdout.join('')) as { results: { failure: { trace: string } }[] })
      .results[0]?.failure.trace;
    const replay = await runMain(['replay', trace ?? '', '--dut', GOOD]);
    expect(replay.code).toBe(0);
    expect(replay.stdout.at(-1)).toMatch(/^✓ passes on "dut:python-reference"/);
  });
});
