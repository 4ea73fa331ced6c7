/**
 * The syscall model alone, graph engine against packed engine, in one process
 * (`npx tsx bench/syscallPacked.ts`): the graph engine (protocols/syscall/engine/syscallGraphExplore.ts,
 * the default before the packed engine) and the packed engine
 * (protocols/syscall/engine/packed/syscallPackedExplore.ts, `intcheck explore`'s default now),
 * each judging every default property on every transition and running the leads-to check, on the
 * `small` preset (best of three runs each, after a first run of each) and on the spec's small with
 * one system-call dispatcher (two callers on a two-slot ring: 424,912 states; one run each). Prints
 * distinct states, seconds, states per second by the clock and by CPU time (the machine is
 * shared: the load average before and after is printed), and the packed engine's ratio; both
 * engines must count the same.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { explorePreset } from '../engine/explore/explorePresets.ts';
import { type Config, SMALL } from '../protocols/controller/model/config/config.ts';
import { exploreSyscallPacked } from '../protocols/syscall/engine/packed/syscallPackedExplore.ts';
import { exploreSyscallGraph } from '../protocols/syscall/engine/syscallGraphExplore.ts';
import {
  defaultSyscallPropertyIds,
  selectSyscallProperties,
} from '../protocols/syscall/properties/selection.ts';
import { printTable } from './table.ts';

const sel = selectSyscallProperties(defaultSyscallPropertyIds(undefined), undefined);

/** One run: its counts, elapsed and CPU seconds. */
interface Run {
  readonly distinct: number;
  readonly transitions: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/** Runs `engine` on `cfg` once, timed by the clock and by the process's CPU time. */
function timed(engine: 'graph' | 'packed', cfg: Config): Run {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = engine === 'graph' ? exploreSyscallGraph(cfg, sel, {}) : exploreSyscallPacked(cfg, sel);
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  if (out.kind !== 'complete') throw new Error(`syscall ${engine} engine: ${out.kind}`);
  return {
    distinct: out.distinct,
    transitions: out.transitions,
    seconds,
    cpuSeconds: (c.user + c.system) / 1e6,
  };
}

/** The fastest of `runs` runs. */
function best(engine: 'graph' | 'packed', cfg: Config, runs: number): Run {
  let top = timed(engine, cfg);
  for (let i = 1; i < runs; i++) {
    const r = timed(engine, cfg);
    if (r.seconds < top.seconds) top = r;
  }
  return top;
}

const small = explorePreset('syscall', 'small');
if (small === undefined) throw new Error('no syscall small preset');
const twoCallers: Config = { ...SMALL, dispatchers: 1 };
const load0 = loadavg()[0] ?? 0;
const rows: string[][] = [];
for (const [name, cfg, runs] of [
  ['small', small, 3],
  ['spec-small, one dispatcher', twoCallers, 1],
] as const) {
  const firstGraph = timed('graph', cfg);
  const firstPacked = timed('packed', cfg);
  const graph = runs > 1 ? best('graph', cfg, runs) : firstGraph;
  const packed = runs > 1 ? best('packed', cfg, runs) : firstPacked;
  if (graph.distinct !== packed.distinct || graph.transitions !== packed.transitions)
    throw new Error(`${name}: the engines count differently`);
  const rate = (r: Run) => Math.round(r.distinct / r.seconds).toLocaleString('en-US');
  const cpuRate = (r: Run) => Math.round(r.distinct / r.cpuSeconds).toLocaleString('en-US');
  const label = runs > 1 ? `best of ${runs} after a first run` : 'one run';
  for (const [engine, r] of [
    ['graph (first run)', firstGraph],
    ['packed (first run)', firstPacked],
    [`graph (${label})`, graph],
    [`packed (${label})`, packed],
  ] as const) {
    if (runs === 1 && !engine.includes('first')) continue;
    rows.push([name, engine, r.distinct.toLocaleString('en-US'), r.seconds.toFixed(2), rate(r), cpuRate(r)]);
  }
  rows.push([name, 'packed ÷ graph', '', '', `${(graph.seconds / packed.seconds).toFixed(1)}×`, '']);
}
printTable(
  `syscall model alone, every default property and leads-to (load average ${load0.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end)`,
  ['configuration', 'engine', 'states', 's', 'states/s', 'states/CPU-s'],
  rows,
);
