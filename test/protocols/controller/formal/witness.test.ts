/**
 * A counterexample waveform (a VCD as yosys-smtbmc writes it) read back per step, and its events
 * in the checker's order: completed accesses, each edge before the first access that starts at a
 * later clock edge than the one that sampled it, an access never answered left out.
 */
import { describe, expect, test } from 'vitest';
import { readVcd } from '../../../../protocols/controller/formal/vcd.ts';
import { witnessEvents } from '../../../../protocols/controller/formal/witness.ts';
import { SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { registerAddress } from '../../../../protocols/controller/model/decode.ts';

const SIGNALS = {
  ev_req_valid: 1,
  ev_req_ready: 1,
  ev_req_write: 1,
  ev_req_addr: 64,
  ev_req_wdata: 64,
  ev_rsp_valid: 1,
  ev_rsp_rdata: 64,
  ev_irq: 2,
  ev_step_valid: 1,
  ev_step_irq: 1,
} as const;
type Signal = keyof typeof SIGNALS;
type Step = Partial<Record<Signal, bigint>>;

/** A VCD of `steps` in the layout yosys-smtbmc writes: its step counter, then the top scope, a step every 10 time units. */
function vcd(steps: readonly Step[]): string {
  const names = Object.keys(SIGNALS) as Signal[];
  const id = (s: Signal) => `n${names.indexOf(s) + 2}`;
  const head = [
    '$var integer 32 t smt_step $end',
    '$var event 1 ! smt_clock $end',
    '$scope module intc_formal_top $end',
    '$var wire 1 n1 clock $end',
    ...names.map((s) => `$var wire ${SIGNALS[s]} ${id(s)} ${s} $end`),
    '$scope module u_dut $end',
    '$var wire 1 n99 ev_irq $end',
    '$upscope $end',
    '$upscope $end',
    '$enddefinitions $end',
  ];
  const body = steps.flatMap((s, i) => [
    `#${10 * i}`,
    '1!',
    `b${i.toString(2)} t`,
    'b1 n1',
    ...names.map((n) => {
      const v = s[n] ?? 0n;
      return SIGNALS[n] === 1 ? `${v}${id(n)}` : `b${v.toString(2)} ${id(n)}`;
    }),
    'b11 n99',
    `#${10 * i + 5}`,
    'b0 n1',
  ]);
  // The closing time stamp: the clock only.
  return [...head, ...body, `#${10 * steps.length}`, '1!', 'b1 n1'].join('\n');
}

const enq = registerAddress(SMALL, 0, 'ENQUEUE');
const deq = registerAddress(SMALL, 0, 'DEQUEUE');
const hs = (write: boolean, addr: bigint, wdata = 0n): Step => ({
  ev_req_valid: 1n,
  ev_req_ready: 1n,
  ev_req_write: write ? 1n : 0n,
  ev_req_addr: addr,
  ev_req_wdata: wdata,
});
const RUN: Step[] = [
  {}, // reset
  hs(true, enq, 5n), // 1: the ENQUEUE is taken
  { ev_step_valid: 1n, ev_irq: 1n }, // 2: it starts; line 0 rises in the same cycle
  { ev_rsp_valid: 1n, ev_irq: 1n, ...hs(false, deq) }, // 3: answered; a DEQUEUE taken
  { ev_step_valid: 1n, ev_step_irq: 1n, ev_irq: 1n }, // 4: the edge of line 0 is taken first
  { ev_step_valid: 1n, ev_irq: 3n }, // 5: the DEQUEUE starts; line 1 rises
  { ev_rsp_valid: 1n, ev_rsp_rdata: 5n, ev_irq: 3n, ...hs(false, deq) }, // 6: answered; another taken
  { ev_irq: 3n }, // 7: it never starts
];

describe('a counterexample waveform', () => {
  test('each step reads the top scope value at its time; x reads as 0; a missing signal is 0', () => {
    const w = readVcd(`${vcd(RUN)}\n`.replace('b101 n6', 'bx01 n6'));
    expect(w.steps).toBe(RUN.length);
    expect(w.value('ev_req_wdata', 1)).toBe(1n);
    expect(w.value('ev_irq', 5)).toBe(3n);
    expect(w.value('ev_rsp_rdata', 6)).toBe(5n);
    expect(w.has('ev_irq')).toBe(true);
    expect(w.has('smt_step')).toBe(false);
    expect(w.value('nothing', 3)).toBe(0n);
  });

  test('its events: accesses as completed, an edge before the access that starts after it, the unanswered one left out', () => {
    const events = witnessEvents(readVcd(vcd(RUN)), SMALL.devices);
    expect(events).toEqual([
      { event: { type: 'Write', addr: enq, data: 5n }, cycle: 1 },
      { event: { type: 'Irq', line: 0 }, cycle: 2 },
      { event: { type: 'Read', addr: deq }, data: 5n, cycle: 3 },
      { event: { type: 'Irq', line: 1 }, cycle: 5 },
    ]);
  });
});
