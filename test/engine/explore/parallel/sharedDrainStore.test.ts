/**
 * The drain memo the parallel search's workers share (engine/explore/parallel/sharedDrainStore.ts):
 * a DrainMemo over it answers as one over this thread's own store (LocalDrainStore), for string
 * and unit keys; two threads writing and reading one memo at once give the same id to a position
 * and only ever read values some thread wrote (-1 before); and a full memo stops remembering
 * instead of failing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrainMemo } from '../../../../engine/explore/drainMemo.ts';
import { LocalDrainStore } from '../../../../engine/explore/drainStore.ts';
import { KeyBuilder } from '../../../../engine/explore/keyBuilder.ts';
import {
  SharedDrainStore,
  sharedDrainBuffers,
} from '../../../../engine/explore/parallel/sharedDrainStore.ts';
import { compiledModule, evalWorker } from '../../../support/evalWorker.ts';
import { runs, SEED } from '../../../support/seed.ts';

/**
 * A thread that, for `rounds` passes over positions p0..p(count-1), reads each one's value (any
 * value seen that is not -1 and not one of its two possible writes is counted as wrong) and writes
 * one of the two values of that position (`i` or `i + count`, the thread's own choice per pass),
 * then posts the ids it got and its count of wrong reads.
 */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then(({ SharedDrainStore }) => {
  const store = new SharedDrainStore(workerData.buffers);
  const { count, rounds, thread } = workerData;
  const ids = new Int32Array(count);
  let wrong = 0;
  for (let round = 0; round < rounds; round++)
    for (let i = 0; i < count; i++) {
      const id = store.idOf('p' + i);
      if (round === 0) ids[i] = id;
      else if (ids[i] !== id) wrong++;
      const seen = store.remainingAt(id);
      if (seen !== -1 && seen !== i && seen !== i + count) wrong++;
      store.remember(id, (i + round + thread) % 2 === 0 ? i : i + count);
    }
  parentPort.postMessage({ ids: Array.from(ids), wrong });
});
`;

/** One drain memo operation: a drain through `keys` (unit keys where `units`) ending in success or not. */
type Drain = readonly [keys: readonly number[], units: boolean, succeeds: boolean];

describe('shared drain store', () => {
  it('a DrainMemo over the shared store answers as one over a local store, for string and unit keys', () => {
    const kb = new KeyBuilder();
    // one shared memo for every run: each run's keys carry its number, so runs do not meet
    const shared = sharedDrainBuffers();
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(fc.nat(40), { minLength: 1, maxLength: 9 }), fc.boolean(), fc.boolean()), {
          maxLength: 40,
        }),
        fc.integer({ min: 4, max: 12 }),
        (drains: readonly Drain[], bound) => {
          run++;
          // string and unit positions never meet (a memo takes string keys or ids, never both):
          // a local and a shared memo for each kind
          const local = {
            strings: new DrainMemo(new LocalDrainStore()),
            units: new DrainMemo(new LocalDrainStore()),
          };
          const other = {
            strings: new DrainMemo(new SharedDrainStore(shared)),
            units: new DrainMemo(new SharedDrainStore(shared)),
          };
          /** Whether memo `m` knows the drain through position `k` (steps so far `steps`) succeeds. */
          const visit = (m: DrainMemo, units: boolean, k: number, steps: number): boolean =>
            units
              ? m.visitAt(m.idOfUnits(kb.reset().int(run).int(k)), steps, bound)
              : m.visit(`${run}:${k}`, steps, bound);
          for (const [keys, units, succeeds] of drains) {
            const [a, b] = units ? [local.units, other.units] : [local.strings, other.strings];
            a.begin();
            b.begin();
            let steps = 0;
            for (const k of keys) {
              const known = visit(a, units, k, steps);
              expect(visit(b, units, k, steps)).toBe(known);
              if (known) break;
              steps++;
            }
            expect(b.cut).toBe(a.cut);
            if (a.cut || succeeds) {
              a.succeeded(steps);
              b.succeeded(steps);
            }
            expect(b.size).toBe(a.size);
          }
        },
      ),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('gives two threads writing and reading at once one id per position and only values written', async () => {
    const module = compiledModule('engine/explore/parallel/sharedDrainStore.js');
    const buffers = sharedDrainBuffers();
    const count = 200_000;
    const rounds = 4;
    const results = await Promise.all(
      [0, 1].map((thread) =>
        evalWorker<{ readonly ids: readonly number[]; readonly wrong: number }>(WRITER, {
          module,
          buffers,
          count,
          rounds,
          thread,
        }),
      ),
    );
    const [a, b] = results;
    expect(a?.wrong).toBe(0);
    expect(b?.wrong).toBe(0);
    expect(a?.ids).toEqual(b?.ids);
    expect(new Set(a?.ids).size).toBe(count);
    // and this thread sees the same ids, each with one of the values written
    const here = new SharedDrainStore(buffers);
    let wrong = 0;
    for (let i = 0; i < count; i++) {
      const id = here.idOf(`p${i}`);
      const v = here.remainingAt(id);
      if (id !== a?.ids[i] || (v !== i && v !== i + count)) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('a full memo stops remembering new positions, and still knows the ones it holds', () => {
    const store = new SharedDrainStore(sharedDrainBuffers(1 << 12));
    const memo = new DrainMemo(store);
    // 4,096 ints hold some 800 positions of five ints: the rest get id 0
    const ids = Array.from({ length: 2_000 }, (_, i) => store.idOf(`p${i}`));
    const held = ids.filter((id) => id !== 0).length;
    expect(held).toBeGreaterThan(500);
    expect(held).toBeLessThan(2_000);
    expect(ids.slice(0, held).every((id) => id > 0)).toBe(true);
    expect(ids.slice(held).every((id) => id === 0)).toBe(true);
    // a drain through a held position and a forgotten one: only the held one is remembered
    memo.begin();
    expect(memo.visit('p0', 0, 10)).toBe(false);
    expect(memo.visit('p1999', 1, 10)).toBe(false);
    memo.succeeded(3);
    expect(store.remainingAt(store.idOf('p0'))).toBe(3);
    expect(store.remainingAt(store.idOf('p1999'))).toBe(-1);
    expect(store.size).toBe(1);
    memo.begin();
    expect(memo.visit('p1999', 0, 10)).toBe(false);
    expect(memo.visit('p0', 1, 10)).toBe(true);
    expect(memo.cut).toBe(true);
  });
});
