/**
 * The RTL of the reference controller (hw/rtl) through its Verilator harness (hw/sim): built
 * with `npm run hw:build` (make: cached), then `intcheck conform` at the small and the published
 * preset, each elaborated in the same binary; with both interrupt schedules of the harness; and
 * a configuration the binary was not elaborated for is refused, not passed. Without Verilator
 * every test here fails with a message saying so.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHarness, HW_DUT } from '../../scripts/hw/hw.ts';
import { runMain, tempDir } from '../engine/dut/runMain.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => buildHarness(), 600_000);

describe('hw/rtl behind the Verilator harness', () => {
  test('conforms at the small and the published preset (no --preset: both)', async () => {
    const run = await runMain(['conform', '--dut', HW_DUT, '--out', dir]);
    expect(run.stderr.join('\n')).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toHaveLength(3);
    expect(run.stdout[0]).toMatch(/^✓ dut intc-rtl \/ small: 1000 runs conform/);
    expect(run.stdout[1]).toMatch(/^✓ dut intc-rtl \/ published: 1000 runs conform/);
    // the closing line every conform prints: nothing skipped or refused
    expect(run.stdout[2]).toBe('dut intc-rtl: 2 configurations checked, 0 skipped, 0 refused');
  });

  test('conforms with the irq pulse applied at once (--irq-mode immediate)', async () => {
    const run = await runMain([
      'conform',
      '--dut',
      `${HW_DUT} --irq-mode immediate`,
      '--preset',
      'small',
      '--out',
      dir,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toMatch(/^✓ dut intc-rtl \/ small: 1000 runs conform/);
  });

  test('conforms in lockstep (--window 1) as pipelined', async () => {
    const run = await runMain([
      'conform',
      '--dut',
      HW_DUT,
      '--preset',
      'small',
      '--runs',
      '200',
      '--window',
      '1',
      '--out',
      dir,
    ]);
    expect(run.code).toBe(0);
  });

  test('a configuration it was not elaborated for is refused, and nothing passes', async () => {
    const run = await runMain([
      'conform',
      '--dut',
      HW_DUT,
      '--config',
      configFile({ capacity: 4 }),
      '--out',
      dir,
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout.join('\n')).toMatch(/elaborated for the small preset .* and the published preset/);
  });
});

/** A configuration file: the small preset with `change` applied. */
function configFile(change: Record<string, number>): string {
  const file = `${dir}/config.json`;
  const small = {
    processes: 2,
    priorities: 2,
    capacity: 3,
    devices: 2,
    ipcTypes: 2,
    waitDepth: 2,
    pendingMax: 2,
    base: '0x10000000',
  };
  writeFileSync(file, JSON.stringify({ ...small, ...change }));
  return file;
}
