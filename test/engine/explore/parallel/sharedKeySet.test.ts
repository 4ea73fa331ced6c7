/**
 * The parallel explorer's shared visited set (engine/explore/parallel/sharedKeySet.ts): through any
 * of its views it says what a Set of the keys would say, for keys of any 16-bit units and chains of
 * any length; and of two threads adding the same keys at the same time, exactly one is told each
 * key is new (the compare-exchange race the workers run into), also while their keys grow the arena
 * past its first length; and twenty sets held at once charge the process no reservation.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedKeySet, sharedKeyBuffers } from '../../../../engine/explore/parallel/sharedKeySet.ts';
import { compiledModule, evalWorker } from '../../../support/evalWorker.ts';
import { runs, SEED } from '../../../support/seed.ts';

/** A thread that adds keys k0..k(count-1) to the set and posts how many it was told were new. */
const ADDER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then(({ SharedKeySet }) => {
  const set = new SharedKeySet(workerData.buffers);
  let fresh = 0;
  for (let i = 0; i < workerData.count; i++) if (set.add(workerData.pad + i)) fresh++;
  parentPort.postMessage(fresh);
});
`;

describe('shared key set', () => {
  it('the shared visited set says a key is new exactly once, as a Set would, through any of its views', () => {
    const buffers = sharedKeyBuffers();
    const views = [new SharedKeySet(buffers), new SharedKeySet(buffers)];
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 9 }), fc.nat(1)), { maxLength: 60 }),
        (adds) => {
          // one set for every run: each run's keys carry its number, so runs do not meet
          const prefix = `${run++}:`;
          const expected = new Set<string>();
          for (const [k, v] of adds) {
            const known = expected.size;
            expected.add(k);
            expect(views[v]?.add(prefix + k)).toBe(expected.size !== known);
          }
        },
      ),
      { seed: SEED, numRuns: runs(500) },
    );
    // keys of one bucket chain (20,000 keys in 4M buckets meet) and units above 255
    const one = new SharedKeySet(sharedKeyBuffers());
    const keys = Array.from({ length: 20_000 }, (_, i) => `\u{1F600}${i}\u0100`);
    expect(keys.filter((k) => one.add(k)).length).toBe(20_000);
    expect(keys.filter((k) => one.add(k)).length).toBe(0);
  });

  it("a key added as units (a builder's buffer, units past its length ignored) is the entry of its string", () => {
    const buffers = sharedKeyBuffers();
    const views = [new SharedKeySet(buffers), new SharedKeySet(buffers)];
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 9 }), fc.nat(1), fc.boolean()), {
          maxLength: 60,
        }),
        (adds) => {
          const prefix = `${run++}:`;
          const expected = new Set<string>();
          for (const [k, v, asUnits] of adds) {
            const key = prefix + k;
            const known = expected.size;
            expected.add(key);
            const view = views[v];
            // the builder's buffer holds more than the key: a stale unit after it
            const buf = Uint16Array.from([
              ...Array.from({ length: key.length }, (_, i) => key.charCodeAt(i)),
              0xfffd,
            ]);
            const added = asUnits ? view?.addUnits(buf, key.length) : view?.add(key);
            expect(added).toBe(expected.size !== known);
          }
        },
      ),
      { seed: SEED, numRuns: runs(500) },
    );
  });

  it('tells exactly one of two threads adding the same keys at once that a key is new', async () => {
    const module = compiledModule('engine/explore/parallel/sharedKeySet.js');
    const buffers = sharedKeyBuffers();
    const count = 200_000;
    const fresh = await Promise.all(
      [0, 1].map(() => evalWorker<number>(ADDER, { module, buffers, count, pad: 'k' })),
    );
    expect((fresh[0] ?? 0) + (fresh[1] ?? 0)).toBe(count);
    // and every key is there for this thread too
    const here = new SharedKeySet(buffers);
    expect(Array.from({ length: count }, (_, i) => here.add(`k${i}`)).filter((x) => x).length).toBe(0);
  });

  it('tells exactly one of two threads that a key is new while their keys grow the arena', async () => {
    const module = compiledModule('engine/explore/parallel/sharedKeySet.js');
    const buffers = sharedKeyBuffers();
    const first = buffers.arena.byteLength;
    const early = new SharedKeySet(buffers);
    // keys of some 100 units: 200,000 of them fill about 45 MiB, so the 16 MiB arena doubles twice
    const pad = 'k'.repeat(100);
    const count = 200_000;
    const fresh = await Promise.all(
      [0, 1].map(() => evalWorker<number>(ADDER, { module, buffers, count, pad })),
    );
    expect((fresh[0] ?? 0) + (fresh[1] ?? 0)).toBe(count);
    expect(buffers.arena.byteLength).toBeGreaterThanOrEqual(4 * first);
    // a view made before the growth and one made after both see every key
    for (const here of [early, new SharedKeySet(buffers)])
      expect(Array.from({ length: count }, (_, i) => here.add(pad + i)).filter((x) => x).length).toBe(0);
  });

  it('twenty sets held at once, keys in each, leave the process able to spawn a child', () => {
    // a fixed 4 GiB arena each was 80 GiB charged to the process: fork failed with ENOMEM
    const sets = Array.from({ length: 20 }, () => new SharedKeySet(sharedKeyBuffers()));
    for (const set of sets) for (let i = 0; i < 1000; i++) set.add(`k${i}`);
    expect(spawnSync('true').error).toBeUndefined();
    expect(sets.every((set) => !set.add('k999'))).toBe(true);
  });
});
