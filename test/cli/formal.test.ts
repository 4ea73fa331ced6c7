/**
 * `intcheck formal` end to end at the small preset: the correct RTL (neverStalls proved by
 * induction, noLostWakeup holding with its edge part proved, the --json shape), a seeded bug
 * found by BMC and its witness saved as a controller trace that `replay --dut` reproduces on the
 * simulated buggy RTL and passes on the correct RTL, while replay on the reference prints the
 * reference's reply beside the recorded one; and the one-line refusals: an unknown bug (with the
 * list), an unknown property, a bad depth, a missing tool.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seededBugs } from '../../protocols/controller/formal/seededBugs.ts';
import { buildHarness, HW_DUT } from '../../scripts/hw/hw.ts';
import { runMain, tempDir } from '../engine/dut/runMain.ts';
import { tempDir as sharedTempDir } from '../support/tempDir.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('intcheck formal: bad input is one line and exit 2', () => {
  test('an unknown bug, with the list', async () => {
    const r = await runMain(['formal', '--bug', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toContain('unknown seeded bug "nope"');
    for (const b of seededBugs()) expect(r.stderr[0]).toContain(b.name);
  });

  test.each([['0'], ['x'], ['1001']])('--depth %s', async (depth) => {
    const r = await runMain(['formal', '--depth', depth]);
    expect(r.code).toBe(2);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(/--depth/);
  });

  test('an unknown property, an unknown preset', async () => {
    for (const args of [
      ['--property', 'nope'],
      ['--preset', 'nope'],
    ]) {
      const r = await runMain(['formal', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toHaveLength(1);
    }
  });

  test('a missing tool, named with its Debian package', async () => {
    const path = process.env.PATH;
    process.env.PATH = sharedTempDir('no-tools');
    try {
      const r = await runMain(['formal', '--out', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toEqual([
        'intcheck: formal: yosys is not installed, and the formal flow needs it (Debian: apt-get install yosys)',
      ]);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('intcheck formal on the RTL', () => {
  beforeAll(() => buildHarness(), 600_000);

  test('the correct RTL: neverStalls proved, noLostWakeup holds with its edge part proved (--json)', async () => {
    const r = await runMain([
      'formal',
      '--property',
      'neverStalls',
      'noLostWakeup',
      '--depth',
      '3',
      '--json',
      '--out',
      dir,
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout.join('\n')) as { properties: Record<string, unknown>[] };
    expect(
      report.properties.map(({ seconds, ...rest }) => ({ ...rest, timed: typeof seconds === 'number' })),
    ).toEqual([
      { id: 'neverStalls', verdict: 'proved', depth: 2, timed: true },
      { id: 'noLostWakeup', verdict: 'holds', depth: 3, provedParts: ['noLostWakeup_edges_A'], timed: true },
    ]);
  });

  test('a seeded bug: the witness is a trace that replays on the simulated RTL', async () => {
    const bug = 'edge-lost-on-accept';
    const out = join(dir, bug);
    const found = await runMain([
      'formal',
      '--bug',
      bug,
      '--property',
      'noLostWakeup',
      '--depth',
      '8',
      '--out',
      out,
    ]);
    expect(found.code).toBe(1);
    expect(found.stdout.join('\n')).toMatch(/✗ noLostWakeup +fails at depth 8/);
    const trace = join(out, 'noLostWakeup.itf.json');
    expect(existsSync(trace)).toBe(true);

    const buggy = await runMain(['replay', trace, '--dut', `${HW_DUT} --bug ${bug}`]);
    expect(buggy.code).toBe(1);
    expect(buggy.stdout.at(-1)).toMatch(/still fails on "dut:intc-rtl-bug-edge-lost-on-accept"/);
    const correct = await runMain(['replay', trace, '--dut', HW_DUT]);
    expect(correct.code).toBe(0);
    expect(correct.stdout.at(-1)).toMatch(/passes on "dut:intc-rtl"/);

    const reference = await runMain(['replay', trace, '--impl', 'reference']);
    expect(reference.code).toBe(0);
    expect(reference.stdout.join('\n')).toMatch(
      /recorded failing step: "reference" replies \S+, the trace \(dut:intc-rtl-bug-edge-lost-on-accept\) recorded \S+: they differ/,
    );
  });
});
