/**
 * Shrinking quality: for each published design and each mutant, the length of the random-storm
 * counterexample after fast-check's shrinking and the final minimization pass (what `intcheck
 * check` saves), beside the BFS-shortest counterexample the explorer finds on the same
 * configuration and the same properties (wakeup protocol, small preset, refinement left out as in
 * the kill matrix, so both must catch the bug on its own abstraction). A ratio of 1.00 means
 * shrinking reached a shortest counterexample; "–" means the explorer found none within its
 * bound (liveness counterexamples are the storm before the drain, in both columns).
 */
import { performance } from 'node:perf_hooks';
import type { ControllerImpl } from '../protocols/controller/designs/device.ts';
import { findControllerImpl } from '../protocols/controller/designs/registry.ts';
import { SMALL } from '../protocols/controller/model/config/config.ts';
import { CONTROLLER_MUTANTS } from '../protocols/controller/mutants/controllerMutants.ts';
import { shortestCounterexample } from '../protocols/family/shortestCounterexample.ts';
import { checkWakeup } from '../protocols/wakeup/engine/checkWakeup.ts';
import { WAKEUP_MUTANTS } from '../protocols/wakeup/mutants/wakeupMutants.ts';
import { defaultWakeupPropertyIds } from '../protocols/wakeup/properties/selection.ts';
import { printTable } from './table.ts';

/** Distinct states the explorer may visit per implementation. */
const MAX_STATES = 5_000;

export interface ShrinkRow {
  readonly impl: string;
  readonly shrunk: number | undefined;
  readonly shortest: number | undefined;
  readonly seconds: number;
}

export function benchShrinkQuality(): ShrinkRow[] {
  const impls: ControllerImpl[] = [
    ...['ats-intc-qemu', 'ats-intc-chisel'].flatMap((n) => findControllerImpl(n) ?? []),
    ...WAKEUP_MUTANTS,
    ...CONTROLLER_MUTANTS,
  ];
  return impls.map((impl) => {
    const t0 = performance.now();
    const properties = defaultWakeupPropertyIds(impl).filter(
      (id) => id !== 'refinement' && id !== 'systemRefinement',
    );
    const storm = checkWakeup({ cfg: SMALL, impl, runs: 1000, seed: 42, properties });
    const shortest = shortestCounterexample('wakeup', impl, SMALL, MAX_STATES, properties);
    return {
      impl: impl.name,
      shrunk: storm.ok ? undefined : storm.counterexample.length,
      shortest,
      seconds: (performance.now() - t0) / 1000,
    };
  });
}

export function printShrinkQuality(rows: readonly ShrinkRow[]): void {
  printTable(
    `shrinking quality: shrunk storm vs BFS-shortest counterexample (wakeup small, explorer bound ${MAX_STATES.toLocaleString('en-US')} states)`,
    ['implementation', 'shrunk', 'shortest', 'ratio', 'seconds'],
    rows.map((r) => [
      r.impl,
      r.shrunk ?? '–',
      r.shortest ?? '–',
      r.shrunk !== undefined && r.shortest !== undefined ? (r.shrunk / r.shortest).toFixed(2) : '–',
      Math.round(r.seconds * 10) / 10,
    ]),
  );
  const both = rows.filter((r) => r.shrunk !== undefined && r.shortest !== undefined);
  const exact = both.filter((r) => r.shrunk === r.shortest).length;
  const mean = both.reduce((a, r) => a + (r.shrunk ?? 0) / (r.shortest ?? 1), 0) / Math.max(1, both.length);
  console.log(
    `${exact}/${both.length} shrunk counterexamples are as short as the BFS-shortest; mean ratio ${mean.toFixed(2)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printShrinkQuality(benchShrinkQuality());
