/**
 * Waveforms of a counterexample: conform catches a seeded bug and saves the shrunk trace;
 * `intcheck replay TRACE --dut "intc-dut --bug NAME --vcd FILE"` replays exactly that trace on
 * the RTL and the VCD shows it: one reset, one response per read or write of the trace and one
 * interrupt pulse per Irq, each response tagged with its step (sim_step_i), and at the failing
 * step's response the value the report calls "actual" on rsp_rdata_o. Also the small VCD reader
 * itself, on a hand-written file.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHarness } from '../../scripts/hw/hw.ts';
import { bugCommand, conformArgs } from '../../scripts/hw/rtlBugs.ts';
import { runMain, tempDir } from '../engine/dut/runMain.ts';
import { parseVcd, readVcd, risingEdges } from './support/vcd.ts';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => buildHarness(), 600_000);

describe('the VCD reader', () => {
  test('reads scopes, scalars, vectors and the value at a time', () => {
    const vcd = parseVcd(
      [
        '$timescale 1ns $end',
        '$scope module TOP $end',
        '$var wire 1 ! clk $end',
        '$scope module sub $end',
        '$var wire 8 " data [7:0] $end',
        '$upscope $end',
        '$upscope $end',
        '$enddefinitions $end',
        '#0',
        '$dumpvars',
        '0!',
        'b0 "',
        '$end',
        '#5',
        '1!',
        'b101 "',
        '#10',
        '0!',
        'bx1 "',
      ].join('\n'),
    );
    expect(vcd.timescale).toBe('1ns');
    expect(vcd.signals).toEqual(['TOP.clk', 'TOP.sub.data']);
    expect(vcd.valueAt('TOP.sub.data', 4)).toBe(0n);
    expect(vcd.valueAt('TOP.sub.data', 5)).toBe(5n);
    expect(vcd.valueAt('TOP.sub.data', 99)).toBe(1n);
    expect(risingEdges(vcd, 'TOP.clk')).toEqual([5]);
    expect(() => vcd.valueAt('TOP.nope', 0)).toThrow(/no signal TOP.nope/);
  });
});

describe('the waveform of a shrunk counterexample', () => {
  // prio-enc-reversed returns a wrong task (0x2 for 0x1); waiter-pop-tail's trace has an interrupt.
  test.each(['prio-enc-reversed', 'waiter-pop-tail'])(
    '%s: replay --dut "… --vcd" dumps exactly the trace, with the failing value at its step',
    async (bug) => {
      const caught = await runMain(conformArgs(bug, join(dir, bug)));
      expect(caught.code).toBe(1);
      const r = (
        JSON.parse(caught.stdout.join('\n')) as {
          results: {
            step: number;
            actual: string;
            expected: string;
            trace: string;
            counterexample: string[];
          }[];
        }
      ).results[0];
      if (r === undefined) throw new Error('no result');
      const file = join(dir, `${bug}.vcd`);
      const replay = await runMain(['replay', r.trace, '--dut', `${bugCommand(bug)} --vcd ${file}`]);
      expect(replay.code).toBe(1);
      expect(replay.stdout.at(-1)).toMatch(/still fails/);

      const vcd = readVcd(file);
      const accesses = r.counterexample.flatMap((e, step) => (e.startsWith('Irq') ? [] : [step]));
      const irqs = r.counterexample.filter((e) => e.startsWith('Irq')).length;
      // The replay resets first alone (a configuration check) and then for the run: after the last
      // reset, one response per access, tagged with its step, and one pulse per interrupt; before
      // it, nothing.
      const resets = risingEdges(vcd, 'TOP.rst_ni');
      expect(resets.length).toBeGreaterThanOrEqual(1);
      const start = resets.at(-1) ?? 0;
      const posedges = risingEdges(vcd, 'TOP.clk_i');
      const responses = posedges.filter((t) => vcd.valueAt('TOP.rsp_valid_o', t) === 1n);
      expect(responses.every((t) => t > start)).toBe(true);
      expect(responses.map((t) => Number(vcd.valueAt('TOP.sim_step_i', t)))).toEqual(accesses);
      const pulses = vcd.changes('TOP.irq_i').filter((c) => c.value !== 0n);
      expect(pulses).toHaveLength(irqs);
      expect(pulses.every((c) => c.time > start)).toBe(true);
      // The failing step's response carries the value the report calls "actual".
      const at = responses[accesses.indexOf(r.step)];
      if (at === undefined) throw new Error(`no response of step ${r.step} in the waveform`);
      expect(vcd.valueAt('TOP.rsp_rdata_o', at)).toBe(BigInt(r.actual));
      expect(BigInt(r.actual)).not.toBe(BigInt(r.expected));
      // …and it answers the request of that step, a DEQUEUE of page 0.
      const taken = posedges.filter(
        (t) =>
          vcd.valueAt('TOP.req_valid_i', t - 1) === 1n && vcd.valueAt('TOP.sim_step_i', t) === BigInt(r.step),
      );
      expect(taken).toHaveLength(1);
      expect(vcd.valueAt('TOP.req_addr_i', taken[0] ?? 0)).toBe(0x1000_0000n);
    },
  );
});
