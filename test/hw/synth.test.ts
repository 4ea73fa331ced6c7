/**
 * The RTL synthesizes, from the same source the Verilator harness simulates: Yosys 0.23 (Debian)
 * at the small preset, `synth -top intc_top`, with the three RAMs inferred as memories ($mem_v2)
 * before they are mapped, no latch in the netlist, and `check -assert` clean (no combinational
 * loop, no undriven or multiply driven signal). Also the Yosys `stat` reader. Without Yosys the
 * test fails with a message saying so.
 */
import { describe, expect, test } from 'vitest';
import { parseStat, synthesize } from '../../scripts/hw/synth.ts';

describe('Yosys synthesis of hw/rtl', () => {
  test('small preset: synth -top intc_top, memories inferred, no latch, check -assert clean', () => {
    const run = synthesize('small', 'map');
    if (!run.ok) throw new Error(`yosys failed:\n${run.log.slice(-3000)}`);
    expect(run.stats?.cells).toBeGreaterThan(1000);
    expect(run.stats?.flipFlops).toBeGreaterThan(400);
    expect(run.stats?.memories).toBe(0);
    expect(Object.keys(run.stats?.byType ?? {}).filter((t) => /LATCH/i.test(t))).toEqual([]);
  }, 120_000);

  test('the stat reader takes the design hierarchy totals', () => {
    const stat = [
      '=== sub ===',
      '   Number of cells:                  9',
      '     $_DFF_P_                        9',
      '=== design hierarchy ===',
      '   Number of cells:                 12',
      '     $_AND_                          2',
      '     $_DFFE_PP_                      3',
      '     $_SDFF_PN0_                     4',
      '     $mem_v2                         1',
      '     $paramod$abc\\sub               2',
    ].join('\n');
    expect(parseStat(stat)).toEqual({
      cells: 12,
      flipFlops: 7,
      memories: 1,
      byType: { $_AND_: 2, $_DFFE_PP_: 3, $_SDFF_PN0_: 4, $mem_v2: 1, '$paramod$abc\\sub': 2 },
    });
  });
});
