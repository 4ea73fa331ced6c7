/**
 * The reference's incremental abstraction function (impl/reference): ring views that reuse the
 * previous view, and `abs()` that rebuilds only what changed and shares the rest. Checked against
 * the plain full rebuild (`toArray`/`toWaiters`), against a device that looks less often, and for
 * immutability: a state once returned never changes afterwards, for the reference and every mutant.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { drive } from '../../../../protocols/controller/designs/drive.ts';
import { ChangedIndices } from '../../../../protocols/controller/designs/reference/changedIndices.ts';
import { ReferenceDevice } from '../../../../protocols/controller/designs/reference/referenceDevice.ts';
import { TaskFifo } from '../../../../protocols/controller/designs/reference/taskFifo.ts';
import { WaiterFifo } from '../../../../protocols/controller/designs/reference/waiterFifo.ts';
import { controllerStorm } from '../../../../protocols/controller/engine/controllerEvent.ts';
import { PUBLISHED, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import type { ControllerState } from '../../../../protocols/controller/model/state.ts';
import {
  CONTROLLER_MUTATIONS,
  type ControllerMutation,
} from '../../../../protocols/controller/mutants/mutation.ts';
import {
  rotateTailToHead,
  rotateWaiterTailToHead,
} from '../../../../protocols/controller/mutants/rotateTailToHead.ts';
import { runs, SEED } from '../../../support/seed.ts';

/** One operation on a ring: push a task (owner p), pop, rotate the tail to the head, or take a view. */
type RingOp =
  | { readonly op: 'push'; readonly task: bigint; readonly p: number }
  | { readonly op: 'pop' }
  | { readonly op: 'rotate' }
  | { readonly op: 'view' };

const ringOps: fc.Arbitrary<RingOp[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('push' as const), task: fc.bigInt({ min: 1n, max: 6n }), p: fc.nat(3) }),
    fc.constant({ op: 'pop' as const }),
    fc.constant({ op: 'rotate' as const }),
    fc.constant({ op: 'view' as const }),
  ),
  { maxLength: 60 },
);

describe('ring views', () => {
  test(`a TaskFifo view equals its contents, is reused while unchanged and never changes (seed: ${SEED})`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), ringOps, (depth, ops) => {
        const log = new ChangedIndices(1);
        const fifo = new TaskFifo(depth, log, 0);
        const views: [readonly bigint[], bigint[]][] = [];
        let changed = false;
        let last = fifo.view();
        for (const o of ops) {
          if (o.op === 'push' && !fifo.full) {
            fifo.push(o.task);
            changed = true;
          }
          if (o.op === 'pop' && fifo.length > 0) {
            fifo.pop();
            changed = true;
          }
          if (o.op === 'rotate' && fifo.length > 1) {
            rotateTailToHead(fifo);
            changed = true;
          }
          expect(log.any).toBe(changed);
          if (o.op !== 'view') continue;
          const v = fifo.view();
          expect(v).toEqual(fifo.toArray());
          if (!changed) expect(v).toBe(last);
          log.clear();
          changed = false;
          expect(fifo.view()).toBe(v);
          views.push([v, [...v]]);
          last = v;
        }
        for (const [v, copy] of views) expect(v).toEqual(copy);
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  test(`a WaiterFifo view equals its waiters and never changes (seed: ${SEED})`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), ringOps, (depth, ops) => {
        const fifo = new WaiterFifo(depth, new ChangedIndices(1), 0);
        const views: [readonly unknown[], unknown[]][] = [];
        for (const o of ops) {
          if (o.op === 'push' && !fifo.full) fifo.pushWaiter(o.p, o.task);
          if (o.op === 'pop') fifo.pop();
          if (o.op === 'rotate') rotateWaiterTailToHead(fifo);
          if (o.op !== 'view') continue;
          const v = fifo.waiters();
          expect(v).toEqual(fifo.toWaiters());
          expect(fifo.waiters()).toBe(v);
          views.push([v, structuredClone([...v])]);
        }
        for (const [v, copy] of views) expect(v).toEqual(copy);
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  test('a push or pop is reported to the log once until it is cleared', () => {
    const log = new ChangedIndices(4);
    const fifo = new TaskFifo(3, log, 2);
    fifo.push(1n);
    fifo.push(2n);
    fifo.pop();
    expect([log.size, log.at(0)]).toEqual([1, 2]);
    expect(fifo.view()).toEqual([2n]);
    log.clear();
    expect(log.any).toBe(false);
    fifo.pop(); // empties the ring
    expect(fifo.pop()).toBe(0n); // an empty pop changes nothing
    expect([log.size, fifo.view()]).toEqual([1, []]);
  });
});

const MUTATIONS: readonly (ControllerMutation | undefined)[] = [undefined, ...CONTROLLER_MUTATIONS];

describe('incremental abs()', () => {
  test.each([
    ['small', SMALL, 60],
    ['published', PUBLISHED, 12],
  ] as const)(
    `equals a rarely-asking device's, shares what did not change, and never changes (%s, seed: ${SEED})`,
    (_n, cfg, n) => {
      fc.assert(
        fc.property(
          fc.constantFrom(...MUTATIONS),
          controllerStorm(cfg, { maxLength: 60 }),
          (mutation, storm) => {
            const often = new ReferenceDevice(cfg, mutation);
            const rarely = new ReferenceDevice(cfg, mutation);
            const seen: [ControllerState, ControllerState][] = [];
            let before = often.abs();
            storm.forEach((e, i) => {
              drive(cfg, often, e);
              drive(cfg, rarely, e);
              const after = often.abs();
              if (i % 7 === 6) expect(after).toEqual(rarely.abs());
              for (const key of ['ready', 'irqWait', 'ipcWait'] as const) {
                const b = before[key];
                const a = after[key];
                // An entry equal to its predecessor is the very same array (or both empty).
                for (let j = 0; j < a.length; j++) {
                  const x = a[j];
                  const y = b[j];
                  if (x !== y && x !== undefined && x.length > 0) expect(x).not.toEqual(y);
                }
              }
              seen.push([after, structuredClone(after)]);
              before = after;
            });
            expect(often.abs()).toEqual(rarely.abs());
            for (const [s, copy] of seen) expect(s).toEqual(copy);
          },
        ),
        { seed: SEED, numRuns: runs(n) },
      );
    },
  );

  test('a step that changes nothing returns the same state object', () => {
    const dev = new ReferenceDevice(SMALL);
    const s = dev.abs();
    drive(SMALL, dev, { type: 'StatusRead', p: 0 });
    drive(SMALL, dev, { type: 'Dequeue', p: 1 });
    expect(dev.abs()).toBe(s);
    drive(SMALL, dev, { type: 'Enqueue', p: 1, prio: 1, task: 3n });
    const t = dev.abs();
    expect(t).not.toBe(s);
    expect(t.ready[0]).toBe(s.ready[0]);
    expect(t.irqWait).toBe(s.irqWait);
    expect(t.online).toBe(s.online);
  });
});
