import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { initialState } from '../../../../protocols/controller/model/state.ts';
import { computeStepFacts, queueChange } from '../../../../protocols/controller/properties/stepFacts.ts';
import { runs, SEED } from '../../../support/seed.ts';
import { withIrqWait, withReady } from './support/stepContext.ts';

const same = (x: bigint, y: bigint) => x === y;
const change = (b: bigint[], a: bigint[]) => queueChange(0, b, a, same);

describe('queueChange: the smallest change that explains two FIFOs', () => {
  test.each([
    ['unchanged', [3n, 5n], [3n, 5n], null],
    ['appended', [3n], [3n, 5n, 7n], { removed: [], added: [5n, 7n], headDrop: 0 }],
    ['head left', [3n, 5n], [5n], { removed: [3n], added: [], headDrop: 1 }],
    ['two heads left', [3n, 5n, 7n], [7n], { removed: [3n, 5n], added: [], headDrop: 2 }],
    ['head left and one appended', [3n, 5n], [5n, 9n], { removed: [3n], added: [9n], headDrop: 1 }],
    ['inserted ahead', [3n], [9n, 3n], { removed: [], added: [9n], headDrop: -1 }],
    ['rotated', [3n, 5n], [5n, 3n], { removed: [], added: [], headDrop: -1 }],
    ['middle removed', [3n, 5n, 7n], [3n, 7n], { removed: [5n], added: [], headDrop: -1 }],
    ['tail removed, repeated ids', [3n, 3n, 5n], [3n, 3n], { removed: [5n], added: [], headDrop: -1 }],
    ['emptied', [3n, 3n], [], { removed: [3n, 3n], added: [], headDrop: 2 }],
  ] as const)('%s', (_name, b, a, want) => {
    const got = change([...b], [...a]);
    expect(got === null ? null : { removed: got.removed, added: got.added, headDrop: got.headDrop }).toEqual(
      want,
    );
  });

  test(`removed and added are always the multiset difference (seed: ${SEED})`, () => {
    const queue = fc.array(fc.bigInt({ min: 1n, max: 4n }), { maxLength: 6 });
    fc.assert(
      fc.property(queue, queue, (b, a) => {
        const c = change(b, a);
        const count = (q: readonly bigint[]) => {
          const m = new Map<bigint, number>();
          for (const x of q) m.set(x, (m.get(x) ?? 0) + 1);
          return m;
        };
        const want = count(a);
        for (const [x, n] of count(b)) want.set(x, (want.get(x) ?? 0) - n);
        for (const x of c?.removed ?? []) want.set(x, (want.get(x) ?? 0) + 1);
        for (const x of c?.added ?? []) want.set(x, (want.get(x) ?? 0) - 1);
        expect([...want.values()].every((n) => n === 0)).toBe(true);
        if (c !== null && c.headDrop >= 0) expect([...b.slice(c.headDrop), ...c.added]).toEqual(a);
      }),
      { seed: SEED, numRuns: runs(500) },
    );
  });
});

describe('computeStepFacts', () => {
  test('a wake: the waiter leaves its blocked queue, the task enters ready; held instances do not change', () => {
    const cfg = SMALL;
    const before = withIrqWait(initialState(cfg), 1, [{ p: 1, task: 5n }]);
    const after = withReady(cfg, withIrqWait(before, 1, []), 1, 0, [5n]);
    const f = computeStepFacts(before, after);
    expect(f.irqWait).toEqual([{ index: 1, removed: [{ p: 1, task: 5n }], added: [], headDrop: 1 }]);
    expect(f.ready).toEqual([{ index: cfg.priorities, removed: [], added: [5n], headDrop: 0 }]);
    expect(f.held.size).toBe(0);
    expect([...f.readyNet]).toEqual([[5n, 1]]);
  });
});
