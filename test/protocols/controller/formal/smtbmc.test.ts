/** What a finished yosys-smtbmc run says: passed, failed at a cycle (and which assertions), or no status. */
import { describe, expect, test } from 'vitest';
import { parseSmtbmc } from '../../../../protocols/controller/formal/smtbmc.ts';

const bmc = { smt2: 'x.smt2', depth: 20, induction: false, timeoutMs: 1000 };
const steps = (n: number) =>
  Array.from({ length: n }, (_, i) => `##   0:00:0${i % 10}  Checking assertions in step ${i}..`).join('\n');

describe('parseSmtbmc', () => {
  test('a BMC run that passes every step holds to the depth asked', () => {
    const text = `${steps(20)}\n##   0:00:09  Status: PASSED\n`;
    expect(parseSmtbmc(text, bmc, 9.5)).toEqual({ kind: 'passed', depth: 20, seconds: 9.5 });
  });

  test('a BMC failure is at the cycle after the last step checked, with the failing assertions', () => {
    const text = [
      steps(16),
      '##   0:00:12  BMC failed!',
      '##   0:00:12  Assert failed in intc_formal_top: u_chk.strictPriority_A',
      '##   0:00:12  Assert failed in intc_formal_top: u_chk.fifoWithinPriority_A',
      '##   0:00:12  Writing trace to VCD file: out/strictPriority.vcd',
      '##   0:00:12  Status: FAILED',
    ].join('\n');
    expect(parseSmtbmc(text, bmc, 12)).toEqual({
      kind: 'failed',
      depth: 16,
      seconds: 12,
      assertions: ['u_chk.strictPriority_A', 'u_chk.fifoWithinPriority_A'],
    });
  });

  test('an induction step that fails is reported at its length', () => {
    const text = '##   0:00:01  Trying induction in step 2..\n##   0:00:02  Status: FAILED\n';
    const r = parseSmtbmc(text, { ...bmc, depth: 2, induction: true }, 2);
    expect(r).toMatchObject({ kind: 'failed', depth: 2 });
  });

  test('a run that ends without a status is an error quoting its last lines', () => {
    const r = parseSmtbmc('Traceback (most recent call last):\nBrokenPipeError\n', bmc, 0.1);
    expect(r).toEqual({
      kind: 'error',
      message: 'yosys-smtbmc ended without a status: Traceback (most recent call last): / BrokenPipeError',
      seconds: 0.1,
    });
  });
});
