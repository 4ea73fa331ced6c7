/**
 * The parallel explorer beside the sequential one (`npx tsx bench/parallelExplore.ts [ROUNDS]`):
 * the same complete search of a model alone with over a million states, on this thread
 * (`explore`) and on two worker threads (`exploreParallel`, what `intcheck explore --workers 2`
 * runs), alternately, ROUNDS times each (default 2), so both see the same load. Each run prints
 * its wall time, the CPU time of the whole process (every thread), its counts (which must agree)
 * and the load average (1 minute, from os.loadavg, before and after): the machine is shared, and
 * only the ratio of two runs taken side by side means anything. Worker start-up (loading the
 * compiled package: `built()` rebuilds dist/ first) is inside the parallel run's time.
 *
 * The space: the wakeup model alone at small with four task ids instead of three (`SPACE` below:
 * 1,298,356 states, 9,792,688 transitions, the packed engine's count), every default property on
 * every transition and the leads-to check (the §6 drain, memoised) from every state: the object
 * engine, which is what the workers run.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { type ExploreStats, explore } from '../engine/explore/explore.ts';
import { exploreParallel } from '../engine/explore/parallel/parallelExplore.ts';
import { workerEntry } from '../engine/workerEntry.ts';
import { SMALL } from '../protocols/controller/model/config/config.ts';
import { modelSpace, type ParallelExploreJob } from '../protocols/family/exploreProtocol.ts';
import { built } from './built.ts';
import { printTable } from './table.ts';

const SPACE: ParallelExploreJob = {
  protocol: 'wakeup',
  cfg: { ...SMALL, taskPool: 4 },
  properties: undefined,
  bounds: undefined,
  liveness: true,
  symmetry: false,
};
built();
const ENTRY = workerEntry('exploreWorker');
const rounds = Number(process.argv[2] ?? 2);

interface Run {
  readonly name: string;
  readonly stats: ExploreStats;
  readonly wall: number;
  readonly cpu: number;
  readonly load: string;
}

function timed(name: string, run: () => ExploreStats): Run {
  const before = loadavg()[0] ?? 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const stats = run();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const after = loadavg()[0] ?? 0;
  const r = {
    name,
    stats,
    wall,
    cpu: (c.user + c.system) / 1e6,
    load: `${before.toFixed(1)}–${after.toFixed(1)}`,
  };
  console.log(`${name}: ${stats.distinct} states, ${wall.toFixed(1)} s wall, load ${r.load}`);
  return r;
}

const runs: Run[] = [];
for (let i = 0; i < rounds; i++) {
  runs.push(timed('sequential', () => explore(modelSpace(SPACE))));
  runs.push(timed('2 workers', () => exploreParallel(ENTRY, SPACE, { workers: 2 })));
}
const counts = new Set(runs.map((r) => `${r.stats.distinct}/${r.stats.transitions}/${r.stats.diameter}`));
if (counts.size !== 1) throw new Error(`the counts differ: ${[...counts].join(' vs ')}`);
const rows = runs.map((r, i) => {
  const partner = runs[i % 2 === 0 ? i + 1 : i - 1];
  const speedup =
    r.name === 'sequential' || partner === undefined ? '' : `${(partner.wall / r.wall).toFixed(2)}×`;
  return [
    r.name,
    r.stats.distinct.toLocaleString('en-US'),
    r.stats.transitions.toLocaleString('en-US'),
    r.wall.toFixed(1),
    r.cpu.toFixed(1),
    Math.round(r.stats.distinct / r.wall).toLocaleString('en-US'),
    speedup,
    r.load,
  ];
});
printTable(
  'parallel explorer: wakeup model, small with taskPool 4 (every property, leads-to)',
  [
    'run',
    'distinct',
    'transitions',
    'wall s',
    'CPU s',
    'distinct/s',
    'speedup vs the run before',
    'load (1 min)',
  ],
  rows,
);
