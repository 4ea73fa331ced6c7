/**
 * A formal counterexample as a controller trace: the witness's replies recorded, closing reads
 * after it, cut at the first reply that differs from the reference's (its failing step); and
 * replayed on the reference, the report puts the reference's reply beside the recorded one there.
 */
import { describe, expect, test } from 'vitest';
import { formalTrace, formalTraceEvents } from '../../../../protocols/controller/formal/formalTrace.ts';
import type { WitnessEvent } from '../../../../protocols/controller/formal/witness.ts';
import { SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { registerAddress } from '../../../../protocols/controller/model/decode.ts';
import { parseTrace } from '../../../../protocols/readTrace.ts';
import { traceToJson } from '../../../../traces/writeTrace.ts';

const enqueue = (p: number, prio: number, task: bigint, cycle: number): WitnessEvent => ({
  event: { type: 'Write', addr: registerAddress(SMALL, p, 'ENQUEUE', prio), data: task },
  cycle,
});
const dequeue = (p: number, data: bigint, cycle: number): WitnessEvent => ({
  event: { type: 'Read', addr: registerAddress(SMALL, p, 'DEQUEUE') },
  data,
  cycle,
});
const args = (witness: readonly WitnessEvent[]) => ({
  cfg: SMALL,
  design: 'intc-rtl-bug-prio-enc-reversed',
  property: 'strictPriority',
  assertions: ['u_chk.strictPriority_A'],
  depth: 14,
  witness,
});

describe('formalTrace', () => {
  // A priority encoder reversed: priority 1 is served before priority 0.
  const reversed = [enqueue(1, 0, 5n, 8), enqueue(1, 1, 7n, 10), dequeue(1, 7n, 12)];

  test('the closing accesses after a witness start with an ERROR read, then empty every page', () => {
    const events = formalTraceEvents({ cfg: SMALL, witness: [enqueue(1, 1, 3n, 8), enqueue(1, 0, 4n, 9)] });
    const dequeue1 = { type: 'Read', addr: registerAddress(SMALL, 1, 'DEQUEUE') };
    expect(events.slice(2, 7)).toEqual([
      { type: 'Read', addr: registerAddress(SMALL, 0, 'ERROR') },
      { type: 'Read', addr: registerAddress(SMALL, 0, 'DEQUEUE') },
      dequeue1,
      dequeue1,
      dequeue1,
    ]);
  });

  test('the trace ends at the first reply that differs, which is its failing step', () => {
    const { trace, failingStep } = formalTrace(args(reversed));
    expect(failingStep).toBe(2);
    expect(trace.meta.implementation).toBe('dut:intc-rtl-bug-prio-enc-reversed');
    expect(trace.meta.message).toContain('the design returned 0x7, the reference 0x5');
    expect(trace.states).toHaveLength(4);
  });

  test('when no reply differs, the failing step is the last witness event', () => {
    const { failingStep, trace } = formalTrace(args([enqueue(0, 0, 3n, 8), enqueue(0, 1, 4n, 10)]));
    expect(failingStep).toBe(1);
    expect(trace.meta.message).toContain('no reply differs from the reference');
  });

  test('replayed on the reference, the reference reply is shown beside the recorded one', () => {
    const loaded = parseTrace(traceToJson(formalTrace(args(reversed)).trace), 'cex.itf.json');
    const replay = loaded.replay('reference');
    if (replay === undefined) throw new Error('the reference replays every controller trace');
    expect(replay.verdict.ok).toBe(true);
    const lines = replay.text().split('\n');
    const at = lines.findIndex((l) => l.includes('Read(addr=0x10001000) → 0x5'));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at).join('\n')).toContain(
      'recorded failing step: "reference" replies 0x5, the trace (dut:intc-rtl-bug-prio-enc-reversed) recorded 0x7: they differ',
    );
  });
});
