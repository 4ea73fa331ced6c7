/**
 * The closing accesses of a formal trace make what a design holds visible on the bus: planned
 * on one state, they are answered differently from any other state that differs in a queue, a
 * waiter, a pending counter or the error bits (a "design" is the reference model started from
 * that other state), and they leave the planned state empty.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { closingReads } from '../../../../protocols/controller/formal/closingReads.ts';
import { SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { controllerStorm } from '../../../../protocols/controller/model/controllerEvent.ts';
import type { ControllerEvent } from '../../../../protocols/controller/model/events.ts';
import { type ControllerState, initialState } from '../../../../protocols/controller/model/state.ts';
import { formatObservation } from '../../../../protocols/controller/model/stateCells.ts';
import { step } from '../../../../protocols/controller/model/step.ts';
import { runs, SEED } from '../../../support/seed.ts';

const stateAfter = (events: readonly ControllerEvent[], from = initialState(SMALL)): ControllerState =>
  events.reduce((s, e) => step(SMALL, s, e).state, from);
const replies = (from: ControllerState, events: readonly ControllerEvent[]): string[] => {
  let s = from;
  return events.map((e) => {
    const r = step(SMALL, s, e);
    s = r.state;
    return formatObservation(r.obs);
  });
};
/** What the closing must reveal: everything but the status table. */
const held = (s: ControllerState) =>
  JSON.stringify([s.ready, s.irqWait, s.irqPending, s.ipcWait, s.ipcPending, s.error], (_, v) =>
    typeof v === 'bigint' ? v.toString(16) : v,
  );
const storm = controllerStorm(SMALL, { maxLength: 30 });

describe('closingReads', () => {
  test('they leave the state they were planned on with every queue, counter and error bit empty', () => {
    fc.assert(
      fc.property(storm, (events) => {
        const s = stateAfter(events);
        expect(held(stateAfter(closingReads(SMALL, s), s))).toBe(held(initialState(SMALL)));
      }),
      { seed: SEED, numRuns: runs(200) },
    );
  });

  test('a state that holds something else answers them differently', () => {
    fc.assert(
      fc.property(storm, storm, (a, b) => {
        const planned = stateAfter(a);
        const other = stateAfter(b);
        fc.pre(held(planned) !== held(other));
        const closing = closingReads(SMALL, planned);
        expect(replies(other, closing)).not.toEqual(replies(planned, closing));
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  test('a lost pending count and two waiters swapped show', () => {
    const irq = (line: number): ControllerEvent => ({ type: 'Irq', line });
    const register = (task: bigint): ControllerEvent => ({
      type: 'Write',
      addr: SMALL.base + 0x1900n,
      data: task,
    });
    const cases: [ControllerEvent[], ControllerEvent[]][] = [
      [[irq(0)], []],
      [
        [register(1n), register(2n)],
        [register(2n), register(1n)],
      ],
    ];
    for (const [a, b] of cases) {
      const closing = closingReads(SMALL, stateAfter(a));
      expect(replies(stateAfter(b), closing)).not.toEqual(replies(stateAfter(a), closing));
    }
  });
});
