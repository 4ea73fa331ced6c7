/**
 * `intcheck replay FILE --dut CMD` for syscall traces: the syscall runtime's register accesses
 * for the storm (start-up, events, drain, over the reference device) go to the external design.
 * The conforming Python design passes both saved syscall counterexamples (they are runtime bugs,
 * not controller bugs); the seeded pending-count bug of examples/dut_buggy.py is caught by the
 * one whose reply is sent while the reply dispatcher runs, at the DEQUEUE that misses its task.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SMALL } from '../../../protocols/controller/model/config/config.ts';
import { syscallAccesses } from '../../../protocols/syscall/engine/syscallAccesses.ts';
import { layoutOf } from '../../../protocols/syscall/model/layout.ts';
import { BUGGY, GOOD, ROOT, runMain } from '../../engine/dut/runMain.ts';

const SAVED = join(ROOT, 'traces', 'saved');
const ROUTING = join(SAVED, 'syscall--reply-to-queue-head--replyRouting.itf.json');
const FREES = join(SAVED, 'syscall--kernel-frees-slot--requestConservation.itf.json');

describe('syscall traces on an external design', () => {
  test('the accesses: start-up registrations, then the call, the send, the DEQUEUEs of the drain', () => {
    const caller = layoutOf(SMALL).callers[1]?.[0] ?? -1;
    const none = syscallAccesses(SMALL, []);
    const one = syscallAccesses(SMALL, [{ type: 'Call', a: caller, target: 0 }]);
    // Every dispatcher registers and every user process comes online; an empty storm drains at once.
    expect(none.every((a) => a.type === 'Write')).toBe(true);
    expect(one.slice(0, none.length)).toEqual(none);
    // The call is served in the drain: a send, DEQUEUEs (reads), the reply, the re-registrations.
    expect(one.length).toBeGreaterThan(none.length + 3);
    expect(one.some((a) => a.type === 'Read')).toBe(true);
    expect(one.every((a) => a.type !== 'Irq')).toBe(true);
  });

  test.each([ROUTING, FREES])('%s passes on the conforming design', async (trace) => {
    const run = await runMain(['replay', trace, '--dut', GOOD]);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout.at(-1)).toMatch(/^✓ passes on "dut:python-reference"/);
  });

  test("the buggy design's lost pending send is caught at the DEQUEUE that misses its task", async () => {
    const run = await runMain(['replay', ROUTING, '--dut', BUGGY]);
    expect(run.code).toBe(1);
    expect(run.stdout.at(-1)).toMatch(
      /^✗ still fails on "dut:python-buggy": refinement at step \d+: .*DEQUEUE on page 1.*expected 0x3, actual 0x0/,
    );
  });

  test('--html with --dut is still refused in one line', async () => {
    const run = await runMain(['replay', ROUTING, '--dut', GOOD, '--html', join(ROOT, 'out', 'never.html')]);
    expect(run.code).toBe(2);
    expect(run.stderr[0]).toMatch(/--html and --dut cannot be used together/);
  });
});
