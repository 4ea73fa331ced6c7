/**
 * The implementations' own `copy` methods, which the explorer uses to branch from every product
 * state instead of the generic snapshot (SoftwareRuntime, SyscallRuntime, ReferenceDevice and its
 * parts): from every reachable state (up to a cap) of the tiny products of the reference, every
 * mutant and the published designs, the copy must be the same object graph as the original (same
 * prototypes, fields in the same order, values and aliasing) sharing nothing mutable with it.
 */
import { describe, expect, it } from 'vitest';
import { explorePreset } from '../../../engine/explore/explorePresets.ts';
import type { ControllerImpl } from '../../../protocols/controller/designs/device.ts';
import { driverOf } from '../../../protocols/controller/designs/drive.ts';
import { referenceImpl } from '../../../protocols/controller/designs/reference/index.ts';
import { CONTROLLER_IMPLS } from '../../../protocols/controller/designs/registry.ts';
import { type Config, SMALL } from '../../../protocols/controller/model/config/config.ts';
import { CONTROLLER_MUTANTS } from '../../../protocols/controller/mutants/controllerMutants.ts';
import { exploredConfig } from '../../../protocols/family/exploreProtocol.ts';
import { copySyscallRuntime } from '../../../protocols/syscall/engine/copySyscallRuntime.ts';
import { syscallSpace } from '../../../protocols/syscall/engine/syscallSpace.ts';
import { layoutOf } from '../../../protocols/syscall/model/layout.ts';
import { SYSCALL_MUTANTS } from '../../../protocols/syscall/mutants/syscallMutants.ts';
import { selectSyscallProperties } from '../../../protocols/syscall/properties/selection.ts';
import { copyRuntime } from '../../../protocols/wakeup/engine/copyRuntime.ts';
import { wakeupSpace } from '../../../protocols/wakeup/engine/wakeupSpace.ts';
import { WAKEUP_MUTANTS } from '../../../protocols/wakeup/mutants/wakeupMutants.ts';
import { selectWakeupProperties } from '../../../protocols/wakeup/properties/selection.ts';
import { reachable } from '../../support/reachable.ts';
import { sameGraph } from '../../support/sameGraph.ts';

/** The abstraction caches every copy shares (never modified once handed out). */
const CACHES: ReadonlySet<string> = new Set(['snapshot', 'shown', 'shownWaiters']);
/** Two harts on one process (tiny has one hart), so executors interleave on shared tasks. */
const DUO: Config = { ...SMALL, processes: 1, devices: 1, taskPool: 2, capacity: 2 };

/** Every wakeup implementation: the reference, the published designs, then all mutants. */
const WAKEUP_IMPLS: readonly ControllerImpl[] = [
  ...CONTROLLER_IMPLS.filter((i) => !CONTROLLER_MUTANTS.includes(i as never)),
  ...WAKEUP_MUTANTS,
  ...CONTROLLER_MUTANTS,
];

/** The first differences between reachable wakeup runtimes of `impl` on `preset` and their copies. */
function wakeupCopyDifferences(impl: ControllerImpl, preset: Config): string[] {
  const cfg = exploredConfig('wakeup', preset, impl);
  const space = wakeupSpace(cfg, impl, selectWakeupProperties([], impl));
  const shared = new Set<object>([cfg, driverOf(impl)]); // the design's driver is a stateless module function
  const found: string[] = [];
  const states = reachable(space, 200, (n) => {
    if (n.rt === undefined) throw new Error('a product node without a runtime');
    const diff = sameGraph(n.rt, copyRuntime(n.rt, { objects: shared, fields: CACHES }), shared, CACHES);
    if (diff !== null) found.push(diff);
  });
  if (states < 2) found.push('nothing reachable');
  return found.slice(0, 3);
}

describe('copies of wakeup runtimes and their devices', () => {
  const tiny = explorePreset('wakeup', 'tiny');
  it.each(WAKEUP_IMPLS.map((i) => [i.name, i] as const))('%s', (_, impl) => {
    if (tiny === undefined) throw new Error('no tiny wakeup preset');
    expect(wakeupCopyDifferences(impl, tiny)).toEqual([]);
    expect(wakeupCopyDifferences(impl, DUO)).toEqual([]);
  });
});

describe('copies of syscall runtimes and their devices', () => {
  const tiny = explorePreset('syscall', 'tiny');
  it.each([referenceImpl, ...SYSCALL_MUTANTS].map((i) => [i.name, i] as const))('%s', (_, impl) => {
    if (tiny === undefined) throw new Error('no syscall tiny preset');
    const space = syscallSpace(tiny, impl, selectSyscallProperties([], impl));
    const shared = new Set<object>([tiny, layoutOf(tiny), driverOf(impl)]);
    const found: string[] = [];
    const states = reachable(space, 150, (n) => {
      if (n.rt === undefined) throw new Error('a product node without a runtime');
      const copy = copySyscallRuntime(n.rt, { objects: shared, fields: CACHES });
      const diff = sameGraph(n.rt, copy, shared, CACHES);
      if (diff !== null) found.push(diff);
    });
    expect(found.slice(0, 3)).toEqual([]);
    expect(states).toBeGreaterThan(1);
  });
});

describe('sameGraph', () => {
  it('catches a copy that shares, misses or over-copies something', () => {
    const cfg = { n: 1 };
    const shared = new Set<object>([cfg]);
    const a = { cfg, ring: [1n, 2n], head: 1, shown: [1n] };
    expect(sameGraph(a, { ...a }, shared, CACHES)).toMatch(/shares a mutable/);
    expect(sameGraph(a, { ...a, ring: [1n, 2n], head: 0 }, shared, CACHES)).toMatch(/head/);
    expect(sameGraph(a, { ...a, ring: [1n, 2n], shown: [1n] }, shared, CACHES)).toMatch(/cache/);
    expect(sameGraph(a, { ...a, ring: [1n, 2n], cfg: { n: 1 } }, shared, CACHES)).toMatch(/shared/);
    expect(sameGraph(a, { ...a, ring: [1n, 2n] }, shared, CACHES)).toBeNull();
  });
});
