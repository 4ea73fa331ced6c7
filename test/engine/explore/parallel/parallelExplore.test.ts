/**
 * The parallel explorer (engine/explore/parallel/): on two worker threads, a complete search counts
 * exactly what the sequential explorer counts (distinct states, transitions, diameter), with and
 * without symmetry, and on UIPI's keyed space (`--no-covering`); a violation is reported at the
 * depth of the sequential search's first one; through exploreProtocol and exploreUipi the
 * counterexample is the sequential one; and searches one after another leave the process able
 * to start a child, its commit charge grown by no reservation of theirs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore } from '../../../../engine/explore/explore.ts';
import { balance } from '../../../../engine/explore/parallel/levelWorker.ts';
import { exploreParallel } from '../../../../engine/explore/parallel/parallelExplore.ts';
import { workerEntry } from '../../../../engine/workerEntry.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import {
  type ExploreProtocol,
  exploreProtocol,
  modelSpace,
  type ParallelExploreJob,
} from '../../../../protocols/family/exploreProtocol.ts';
import { exploreUipi, UIPI_EXPLORE_PRESETS } from '../../../../protocols/uipi/engine/exploreUipi.ts';
import {
  type UipiParallelJob,
  uipiParallelSpace,
} from '../../../../protocols/uipi/engine/uipiParallelJob.ts';
import { UIPI_SKYLOFT, type UipiConfig } from '../../../../protocols/uipi/model/config.ts';
import { presetOf } from '../../../support/presetOf.ts';
import { runs, SEED } from '../../../support/seed.ts';
import { TWO_DISPATCHERS } from '../../../support/syscallConfigs.ts';

const ENTRY = workerEntry('exploreWorker');

const preset = (protocol: ExploreProtocol, name: string): Config => presetOf(protocol, name);

function job(protocol: ExploreProtocol, cfg: Config, symmetry = false): ParallelExploreJob {
  return { protocol, cfg, properties: undefined, bounds: undefined, liveness: true, symmetry };
}

/** The UIPI model alone, keyed (`--no-covering`), as a worker is given it. */
function uipiJob(cfg: UipiConfig): UipiParallelJob {
  return { protocol: 'uipi', cfg, properties: undefined, liveness: true, symmetry: false };
}

/** The plain UIPI scenario at skyloft's sizes (no timer). */
const PLAIN: UipiConfig = { ...UIPI_SKYLOFT, timer: -1 };

/**
 * The bytes of this process's mappings Linux charges to its commit (overcommit accounting): the
 * private writable ones not mapped MAP_NORESERVE (`nr` in /proc/self/smaps). A fixed 4 GiB
 * SharedArrayBuffer adds 4 GiB here, a growable one's reservation nothing.
 */
function chargedBytes(): number {
  let bytes = 0;
  for (const mapping of readFileSync('/proc/self/smaps', 'utf8').split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/)) {
    const perms = mapping.split(' ')[1] ?? '';
    const flags = /^VmFlags:(.*)$/m.exec(mapping)?.[1]?.trim().split(' ') ?? [];
    const size = Number(/^Size:\s+(\d+) kB$/m.exec(mapping)?.[1] ?? 0);
    if (perms.includes('w') && perms.includes('p') && !flags.includes('nr')) bytes += 1024 * size;
  }
  return bytes;
}

describe('parallel explorer', () => {
  it('evens out the frontiers: shares differ by at most one, only surplus moves, to a worker short of its share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 6 }), (sizes) => {
        const after = [...sizes];
        const moves = balance(sizes);
        for (const t of moves) {
          expect(t.count).toBeGreaterThan(0);
          expect(t.from).not.toBe(t.to);
          after[t.from] = (after[t.from] ?? 0) - t.count;
          after[t.to] = (after[t.to] ?? 0) + t.count;
        }
        const total = sizes.reduce((a, b) => a + b, 0);
        const n = sizes.length;
        // worker i ends with its share, floor(total / n), and the first total mod n one more
        expect(after).toEqual(sizes.map((_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0)));
        // a worker only gives or only takes, never more than it must
        const moved = moves.reduce((a, t) => a + t.count, 0);
        const surplus = sizes.reduce((a, x, i) => a + Math.max(0, x - (after[i] ?? 0)), 0);
        expect(moved).toBe(surplus);
      }),
      { seed: SEED, numRuns: runs(500) },
    );
    expect(balance([10, 2])).toEqual([{ from: 0, to: 1, count: 4 }]);
  });

  it('counts what the sequential explorer counts on three workers (controller tiny)', () => {
    const j = job('controller', preset('controller', 'tiny'));
    expect(exploreParallel(ENTRY, j, { workers: 3 })).toEqual({ ...explore(modelSpace(j)) });
  });

  it.each([
    ['syscall tiny', job('syscall', preset('syscall', 'tiny'))],
    ['controller tiny, symmetry', job('controller', preset('controller', 'tiny'), true)],
  ])('counts what the sequential explorer counts (%s, two workers)', (_, j) => {
    const sequential = explore(modelSpace(j), { symmetry: j.symmetry });
    const parallel = exploreParallel(ENTRY, j, { workers: 2 });
    expect(sequential.kind).toBe('complete');
    expect(parallel).toEqual({ ...sequential });
  });

  it('reports a violation at the depth of the first one, and the counterexample is the sequential one', () => {
    const cfg = { ...TWO_DISPATCHERS, drainBound: 6 };
    const sequential = exploreProtocol({
      protocol: 'syscall',
      impl: undefined,
      cfg,
      syscallEngine: 'objects',
    });
    const parallel = exploreParallel(ENTRY, job('syscall', cfg), { workers: 2 });
    expect(sequential.kind).toBe('violation');
    if (sequential.kind !== 'violation') return;
    expect(parallel).toMatchObject({ kind: 'violation', depth: sequential.path.length });
    const via = exploreProtocol({
      protocol: 'syscall',
      impl: undefined,
      cfg,
      syscallEngine: 'objects',
      workers: 2,
    });
    expect(via).toEqual(sequential);
  });

  it.each<[string, UipiConfig | undefined, number]>([
    ['skyloft', UIPI_EXPLORE_PRESETS.skyloft, 2520],
    ['plain', PLAIN, 34_328],
  ])(
    'counts what the sequential object engine counts on UIPI keyed (%s, two workers)',
    (_, cfg, distinct) => {
      if (cfg === undefined) throw new Error('no UIPI skyloft preset');
      const j = uipiJob(cfg);
      const sequential = explore(uipiParallelSpace(j));
      expect(sequential).toMatchObject({ kind: 'complete', distinct });
      expect(exploreParallel(ENTRY, j, { workers: 2 })).toEqual({ ...sequential });
      expect(exploreUipi({ cfg, impl: undefined, covering: false, workers: 2 })).toEqual({ ...sequential });
    },
  );

  it('finds a UIPI keyed violation at the sequential depth, and the counterexample is the sequential one', () => {
    const cfg: UipiConfig = { ...PLAIN, drainBound: 17 };
    const sequential = exploreUipi({ cfg, impl: undefined, covering: false });
    expect(sequential).toMatchObject({ kind: 'violation', where: 'liveness' });
    if (sequential.kind !== 'violation') return;
    expect(sequential.path).toHaveLength(4);
    const parallel = exploreParallel(ENTRY, uipiJob(cfg), { workers: 2 });
    expect(parallel).toMatchObject({ kind: 'violation', depth: sequential.path.length });
    expect(exploreUipi({ cfg, impl: undefined, covering: false, workers: 2 })).toEqual(sequential);
  });

  // Linux only: the commit charge is read from /proc/self/smaps
  it.runIf(process.platform === 'linux')(
    'three searches one after another leave the process able to spawn, its commit charge not grown by gigabytes',
    () => {
      const j = job('controller', preset('controller', 'tiny'));
      const before = chargedBytes();
      // three, not more: each search costs two workers' start (about 0.7 s each), and one search
      // alone was enough to fail the bound below (sharedKeySet.test.ts holds twenty sets at once)
      const outcomes = Array.from({ length: 3 }, () => exploreParallel(ENTRY, j, { workers: 2 }));
      expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
      // each search had reserved 4.5 GiB charged in full (a visited set and a drain memo), held
      // until collected: six of them were enough to make spawn fail at 24 GB
      expect(chargedBytes() - before).toBeLessThan(2 ** 30);
      expect(spawnSync('true').error).toBeUndefined();
    },
  );

  it('a worker that throws ends the search with its error, never a wait for ever', () => {
    // a job no worker can build a state space from: the worker reports the error it threw
    const bad = {
      ...job('controller', preset('controller', 'tiny')),
      protocol: 'no-such' as ExploreProtocol,
    };
    expect(() => exploreParallel(ENTRY, bad, { workers: 2 })).toThrow(/^parallel explore: worker 0 failed: /);
  });

  it('a missing worker entry is said at once', () => {
    expect(() =>
      exploreParallel(
        new URL('file:///nonexistent/exploreWorker.js'),
        job('controller', preset('controller', 'tiny')),
        { workers: 2 },
      ),
    ).toThrow(/worker entry/);
  });
});
