/**
 * The syscall model alone at the spec's `small` (`npx tsx bench/syscallSpecSmall.ts`): the graph
 * engine with symmetry (one state per orbit of the kernel's two system-call dispatchers and the ring rotations), every
 * default property on every transition and the leads-to check from every reachable state: what
 * `intcheck explore --protocol syscall --preset spec-small --symmetry` runs. Prints the orbits, the
 * full space's counts derived from them (syscallDrainGraph.ts `fullCounts`), wall and CPU time,
 * the heap, and the load average (1 minute) before and after: the machine is shared.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { SMALL } from '../protocols/controller/model/config/config.ts';
import { exploreSyscallOrbits } from '../protocols/syscall/engine/syscallGraphExplore.ts';
import {
  defaultSyscallPropertyIds,
  selectSyscallProperties,
} from '../protocols/syscall/properties/selection.ts';

const sel = selectSyscallProperties(defaultSyscallPropertyIds(undefined), undefined);
const load0 = loadavg()[0] ?? 0;
const c0 = process.cpuUsage();
const t0 = performance.now();
const { outcome, full } = exploreSyscallOrbits(SMALL, sel, {
  symmetry: true,
  progressEvery: 250_000,
  onProgress: (p) =>
    console.log(
      `  ${p.distinct} orbits, depth ${p.depth}, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    ),
});
const wall = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
const cpu = (c.user + c.system) / 1e6;
console.log(`syscall spec-small, graph engine, symmetry: ${outcome.kind}`);
console.log(`  orbits ${outcome.distinct}, transitions ${outcome.transitions}, diameter ${outcome.diameter}`);
if (full !== undefined)
  console.log(
    `  full space ${full.distinct} states, ${full.transitions} transitions, diameter ${full.diameter}`,
  );
console.log(
  `  ${wall.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU, ${Math.round(outcome.distinct / wall)} orbits/s, heap ${(process.memoryUsage().heapUsed / 1e9).toFixed(2)} GB, load ${load0.toFixed(1)}–${(loadavg()[0] ?? 0).toFixed(1)}`,
);
