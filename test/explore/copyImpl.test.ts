/**
 * The explorer's fast paths for products, against what they replace: the implementations' own
 * `copy` methods (SoftwareRuntime, ReferenceDevice and its parts) must give exactly the object
 * graph the generic snapshot gives (same shape, values and aliasing, nothing mutable shared), and
 * the wakeup product's key, now the runtime's declared hidden state instead of a reflective
 * fingerprint of all its fields, must partition the reachable states exactly as that fingerprint
 * did (canonical: equal fingerprints, equal keys; injective: equal keys, equal fingerprints),
 * from the reachable tiny states of the reference, every wakeup mutant, every controller mutant
 * and the published designs.
 */
import { describe, expect, it } from 'vitest';
import type { ControllerImpl } from '../../impl/device.ts';
import { CONTROLLER_MUTANTS } from '../../impl/mutants/controllerMutants.ts';
import { WAKEUP_MUTANTS } from '../../impl/mutants/wakeupMutants.ts';
import { CONTROLLER_IMPLS } from '../../impl/registry.ts';
import type { SoftwareRuntime } from '../../impl/runtime/softwareRuntime.ts';
import { type Config, SMALL } from '../../model/config/config.ts';
import { copyRuntime } from '../../properties/explore/copyImpl.ts';
import { explorePreset } from '../../properties/explore/explorePresets.ts';
import { exploredConfig } from '../../properties/explore/exploreProtocol.ts';
import { fingerprint } from '../../properties/explore/fingerprint.ts';
import { hiddenKey } from '../../properties/explore/hiddenKey.ts';
import { KeyBuilder } from '../../properties/explore/keyBuilder.ts';
import { systemKey } from '../../properties/explore/systemKey.ts';
import { type WakeupNode, wakeupSpace } from '../../properties/explore/wakeupSpace.ts';
import { selectWakeupProperties } from '../../properties/wakeup/selection.ts';
import { sameGraph } from '../support/sameGraph.ts';

const TINY = explorePreset('wakeup', 'tiny');
/**
 * Two harts on one process (tiny has one hart): where an executor's return action owed can differ
 * between states with equal abstractions (a task woken twice by `double-wake` runs on the other
 * hart while the first still owes its second ENQUEUE).
 */
const DUO: Config = { ...SMALL, processes: 1, devices: 1, taskPool: 2, capacity: 2 };
/** The abstraction caches every copy shares (never modified once handed out). */
const CACHES: ReadonlySet<string> = new Set(['snapshot', 'shown', 'shownWaiters']);
/** Reachable states visited per implementation (the reference's whole tiny space is 1,704). */
const CAP = 300;

/** The wakeup product key before the runtime declared its hidden state: a fingerprint of its fields. */
function fingerprintKey(kb: KeyBuilder, cfg: Config, rt: SoftwareRuntime): string {
  kb.reset();
  systemKey(kb, rt.abs());
  fingerprint(kb, rt, new Set(['snapshot', 'device', 'bus']), new Set<object>([cfg]));
  hiddenKey(kb, rt.device);
  return kb.done();
}

/** BFS over the product of `impl` on tiny (no property judged), calling `visit` on every distinct state. */
function reachable(
  impl: ControllerImpl,
  visit: (n: WakeupNode, cfg: Config) => void,
  preset = TINY,
  cap = CAP,
): number {
  if (preset === undefined) throw new Error('no wakeup preset');
  const cfg = exploredConfig('wakeup', preset, impl);
  const space = wakeupSpace(cfg, impl, selectWakeupProperties([], impl));
  const seen = new Set<string>();
  const queue: WakeupNode[] = [space.initial()];
  seen.add(space.key(queue[0] as WakeupNode));
  for (let head = 0; head < queue.length && seen.size < cap; head++) {
    const n = queue[head] as WakeupNode;
    visit(n, cfg);
    for (const e of space.enabled(n)) {
      const t = space.step(n, e, head, false);
      if (t.kind !== 'next') continue;
      const k = space.key(t.node);
      if (seen.has(k)) continue;
      seen.add(k);
      queue.push(t.node);
    }
  }
  return seen.size;
}

const IMPLS: readonly ControllerImpl[] = [
  ...CONTROLLER_IMPLS.filter((i) => !CONTROLLER_MUTANTS.includes(i as never)),
  ...WAKEUP_MUTANTS,
  ...CONTROLLER_MUTANTS,
];

/**
 * Differences found from the reachable tiny states of `impl`: copies that are not faithful, and
 * key collisions either way between the key and the fingerprint. `ablate` leaves a part out of
 * the key, to show that the check catches a key missing something.
 */
function differences(
  impl: ControllerImpl,
  ablate?: 'runtime hidden state',
  preset = TINY,
  cap = CAP,
): string[] {
  const kb = new KeyBuilder();
  const byKey = new Map<string, string>();
  const byPrint = new Map<string, string>();
  const found: string[] = [];
  const states = reachable(
    impl,
    (n, cfg) => {
      const rt = n.rt;
      if (rt === undefined) throw new Error('a product node without a runtime');
      const copy = copyRuntime(rt, { objects: new Set<object>([cfg]), fields: CACHES });
      const diff = sameGraph(rt, copy, new Set<object>([cfg]), CACHES);
      if (diff !== null) found.push(diff);
      const print = fingerprintKey(kb, cfg, rt);
      kb.reset();
      systemKey(kb, rt.abs());
      if (ablate === undefined) hiddenKey(kb, rt);
      hiddenKey(kb, rt.device);
      const key = kb.done();
      const k1 = byKey.get(key);
      const p1 = byPrint.get(print);
      if (k1 !== undefined && k1 !== print) found.push('two fingerprints, one key');
      if (p1 !== undefined && p1 !== key) found.push('one fingerprint, two keys');
      byKey.set(key, print);
      byPrint.set(print, key);
    },
    preset,
    cap,
  );
  if (states < 2) found.push('nothing reachable');
  return found;
}

describe('product fast paths (wakeup, tiny)', () => {
  it.each(IMPLS.map((i) => [i.name, i] as const))(
    '%s: copies equal the original graph; the key partitions states as the fingerprint did',
    (_, impl) => {
      expect(differences(impl).slice(0, 3)).toEqual([]);
      expect(differences(impl, undefined, DUO).slice(0, 3)).toEqual([]);
    },
  );

  it('catches a key that leaves out the runtime hidden state (double-wake, two harts)', () => {
    const impl = WAKEUP_MUTANTS.find((m) => m.name === 'double-wake');
    if (impl === undefined) throw new Error('no double-wake mutant');
    expect(differences(impl, undefined, DUO, 700)).toEqual([]);
    expect(differences(impl, 'runtime hidden state', DUO, 700)).toContain('two fingerprints, one key');
  });

  it('catches a copy that shares or misses something', () => {
    const cfg = { n: 1 };
    const a = { cfg, ring: [1n, 2n], head: 1, shown: [1n] };
    expect(sameGraph(a, { ...a }, new Set<object>([cfg]), CACHES)).toMatch(/shares a mutable/);
    expect(sameGraph(a, { ...a, ring: [1n, 2n], head: 0 }, new Set<object>([cfg]), CACHES)).toMatch(/head/);
    expect(sameGraph(a, { ...a, ring: [1n, 2n], shown: [1n] }, new Set<object>([cfg]), CACHES)).toMatch(
      /cache/,
    );
    expect(sameGraph(a, { ...a, ring: [1n, 2n] }, new Set<object>([cfg]), CACHES)).toBeNull();
  });
});
