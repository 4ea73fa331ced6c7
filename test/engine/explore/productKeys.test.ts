/**
 * The product keys, now built from the runtimes' declared hidden state (SoftwareRuntime and
 * SyscallRuntime `hiddenState`) instead of a reflective fingerprint of all their fields:
 * - wakeup: from the reachable states of every implementation and mutant (tiny, and two harts on
 *   one process), the key partitions the states exactly as that fingerprint did (equal
 *   fingerprints, equal keys; equal keys, equal fingerprints);
 * - syscall: the key deliberately merges what the fingerprint split but nothing reads (how many
 *   requests a dispatcher took, which grows without bound, and the order callers parked in, for
 *   all but the mutants that read them), so from every pair of reachable states it merges, the
 *   futures must agree: the same events enabled, every step judged alike to two steps deep with
 *   equal successor keys, and the same leads-to verdict.
 * Both checks are shown to catch a key that leaves the runtime's hidden state out.
 */
import { describe, expect, it } from 'vitest';
import { explorePreset } from '../../../engine/explore/explorePresets.ts';
import { fingerprint } from '../../../engine/explore/fingerprint.ts';
import { controllerGhostKey } from '../../../engine/explore/ghostKey.ts';
import { hiddenKey } from '../../../engine/explore/hiddenKey.ts';
import { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import type { StateSpace } from '../../../engine/explore/stateSpace.ts';
import type { Violation } from '../../../engine/property.ts';
import type { ControllerImpl } from '../../../protocols/controller/designs/device.ts';
import { referenceImpl } from '../../../protocols/controller/designs/reference/index.ts';
import { CONTROLLER_IMPLS } from '../../../protocols/controller/designs/registry.ts';
import { type Config, SMALL } from '../../../protocols/controller/model/config/config.ts';
import { CONTROLLER_MUTANTS } from '../../../protocols/controller/mutants/controllerMutants.ts';
import { exploredConfig } from '../../../protocols/family/exploreProtocol.ts';
import { syscallGhostKey } from '../../../protocols/syscall/engine/syscallGhostKey.ts';
import type { SyscallNode } from '../../../protocols/syscall/engine/syscallJudge.ts';
import { syscallSpace } from '../../../protocols/syscall/engine/syscallSpace.ts';
import { layoutOf } from '../../../protocols/syscall/model/layout.ts';
import { stateKey } from '../../../protocols/syscall/model/stateKey.ts';
import { SYSCALL_MUTANTS } from '../../../protocols/syscall/mutants/syscallMutants.ts';
import {
  defaultSyscallPropertyIds,
  selectSyscallProperties,
} from '../../../protocols/syscall/properties/selection.ts';
import { systemKey } from '../../../protocols/wakeup/engine/systemKey.ts';
import { wakeupSpace } from '../../../protocols/wakeup/engine/wakeupSpace.ts';
import { WAKEUP_MUTANTS } from '../../../protocols/wakeup/mutants/wakeupMutants.ts';
import { selectWakeupProperties } from '../../../protocols/wakeup/properties/selection.ts';
import { reachable } from '../../support/reachable.ts';

/** Two harts on one process: where a return action owed can differ between equal abstractions. */
const DUO: Config = { ...SMALL, processes: 1, devices: 1, taskPool: 2, capacity: 2 };
const CACHES: ReadonlySet<string> = new Set(['snapshot', 'fresh', 'device', 'bus']);

/**
 * Key collisions either way between the wakeup key (or, `ablated`, the key without the runtime's
 * hidden state) and the fingerprint key, from up to `cap` reachable states of `impl` on `preset`.
 */
function wakeupPartitionDifferences(
  impl: ControllerImpl,
  preset: Config,
  cap: number,
  ablated = false,
): string[] {
  const cfg = exploredConfig('wakeup', preset, impl);
  const space = wakeupSpace(cfg, impl, selectWakeupProperties([], impl));
  const kb = new KeyBuilder();
  const byKey = new Map<string, string>();
  const byPrint = new Map<string, string>();
  const found: string[] = [];
  reachable(space, cap, (n) => {
    const rt = n.rt;
    if (rt === undefined) throw new Error('a product node without a runtime');
    kb.reset();
    systemKey(kb, rt.abs());
    fingerprint(kb, rt, CACHES, new Set<object>([cfg]));
    hiddenKey(kb, rt.device);
    const print = kb.done();
    kb.reset();
    systemKey(kb, rt.abs());
    if (!ablated) hiddenKey(kb, rt);
    hiddenKey(kb, rt.device);
    const key = kb.done();
    if ((byKey.get(key) ?? print) !== print) found.push('two fingerprints, one key');
    if ((byPrint.get(print) ?? key) !== key) found.push('one fingerprint, two keys');
    byKey.set(key, print);
    byPrint.set(print, key);
  });
  return found.slice(0, 3);
}

const WAKEUP_IMPLS: readonly ControllerImpl[] = [
  ...CONTROLLER_IMPLS.filter((i) => !CONTROLLER_MUTANTS.includes(i as never)),
  ...WAKEUP_MUTANTS,
  ...CONTROLLER_MUTANTS,
];

describe('wakeup product key', () => {
  const tiny = explorePreset('wakeup', 'tiny');
  it.each(WAKEUP_IMPLS.map((i) => [i.name, i] as const))(
    '%s: partitions reachable states as the fingerprint of all runtime fields did',
    (_, impl) => {
      if (tiny === undefined) throw new Error('no tiny wakeup preset');
      expect(wakeupPartitionDifferences(impl, tiny, 300)).toEqual([]);
      expect(wakeupPartitionDifferences(impl, DUO, 300)).toEqual([]);
    },
  );

  it('the check catches a key without the runtime hidden state (double-wake, two harts)', () => {
    const impl = WAKEUP_MUTANTS.find((m) => m.name === 'double-wake');
    if (impl === undefined) throw new Error('no double-wake mutant');
    expect(wakeupPartitionDifferences(impl, DUO, 700)).toEqual([]);
    expect(wakeupPartitionDifferences(impl, DUO, 700, true)).toContain('two fingerprints, one key');
  });
});

/** Property ids of a verdict, in order ('' for none). */
const ids = (v: readonly Violation[] | null): string => (v ?? []).map((x) => x.property).join();

/** How the futures of `a` and `b` differ within `depth` steps (events, verdicts, successor keys), or null. */
function futuresDiffer<N, E>(space: StateSpace<N, E>, a: N, b: N, depth: number): string | null {
  const ea = space.enabled(a);
  const eb = space.enabled(b);
  if (ea.map((e) => space.indexOf(e)).join() !== eb.map((e) => space.indexOf(e)).join())
    return 'enabled events differ';
  for (const e of ea) {
    const ta = space.step(a, e, 0, false);
    const tb = space.step(b, e, 0, false);
    const at = `after event ${space.indexOf(e)}`;
    if (ta.kind === 'violation' || tb.kind === 'violation') {
      const va = ta.kind === 'violation' ? ta.violations : null;
      const vb = tb.kind === 'violation' ? tb.violations : null;
      if (ids(va) !== ids(vb)) return `verdicts differ ${at}`;
      continue;
    }
    if (space.key(ta.node) !== space.key(tb.node)) return `successor keys differ ${at}`;
    const deeper = depth > 1 ? futuresDiffer(space, ta.node, tb.node, depth - 1) : null;
    if (deeper !== null) return deeper;
  }
  return null;
}

/** The syscall key without the runtime's hidden state (to show the check catches it missing). */
function keyWithoutRuntime(kb: KeyBuilder, n: SyscallNode): string {
  kb.reset();
  if (n.rt !== undefined) hiddenKey(kb, n.rt.device);
  controllerGhostKey(kb, n.cghost);
  syscallGhostKey(kb, n.ghost);
  return `${stateKey(n.sys)}#${kb.done()}`;
}

/**
 * Pairs of reachable syscall states of `impl` (tiny, up to `cap` states) that the key merges
 * although the fingerprint of all runtime fields tells them apart (at most `pairs` of them), and
 * the differences found between their futures. `judged`: with the default properties (verdicts
 * compared too, but a mutant's violations stop the walk early); else none (the walk goes deeper).
 */
function mergedFutures(
  impl: ControllerImpl,
  judged: boolean,
  opts: { readonly cap: number; readonly pairs: number; readonly ablated?: boolean },
): { readonly checked: number; readonly differences: string[] } {
  const cfg = explorePreset('syscall', 'tiny');
  if (cfg === undefined) throw new Error('no syscall tiny preset');
  const base = syscallSpace(
    cfg,
    impl,
    selectSyscallProperties(judged ? defaultSyscallPropertyIds(impl) : [], impl),
  );
  const kb = new KeyBuilder();
  const space: StateSpace<SyscallNode, (typeof base.alphabet)[number]> =
    opts.ablated === true ? { ...base, key: (n) => keyWithoutRuntime(kb, n) } : base;
  const shared = new Set<object>([cfg, layoutOf(cfg)]);
  const print = (n: SyscallNode): string => {
    const k = new KeyBuilder();
    if (n.rt !== undefined) fingerprint(k, n.rt, new Set([...CACHES, 'rings']), shared);
    return `${space.key(n)}#${k.done()}`;
  };
  const differences: string[] = [];
  let checked = 0;
  reachable(
    space,
    opts.cap,
    () => {},
    (first, again) => {
      if (checked >= opts.pairs || print(first) === print(again)) return;
      checked++;
      const lv = ids(space.liveness?.(first) ?? null) === ids(space.liveness?.(again) ?? null);
      const d = lv ? futuresDiffer(space, first, again, 2) : 'leads-to verdicts differ';
      if (d !== null) differences.push(d);
    },
  );
  return { checked, differences: differences.slice(0, 3) };
}

describe('syscall product key', () => {
  /** The reference, and the mutants that read what the key leaves out or shows differently. */
  const names = ['one-request-per-wake', 'reply-to-queue-head', 'take-without-cas', 'ring-no-wraparound'];
  const impls = [referenceImpl, ...SYSCALL_MUTANTS.filter((m) => names.includes(m.name))];
  it.each(impls.map((i) => [i.name, i] as const))(
    '%s: states the key merges have the same futures',
    (_, impl) => {
      const judged = mergedFutures(impl, true, { cap: 600, pairs: 8 });
      const deeper = mergedFutures(impl, false, { cap: 600, pairs: 8 });
      expect([...judged.differences, ...deeper.differences]).toEqual([]);
      // the reference's dispatcher takes request after request: the key merges those counts
      if (impl === referenceImpl) expect(judged.checked + deeper.checked).toBeGreaterThan(0);
    },
  );

  it('the check catches a key without the runtime hidden state (take-without-cas)', () => {
    const impl = SYSCALL_MUTANTS.find((m) => m.name === 'take-without-cas');
    if (impl === undefined) throw new Error('no take-without-cas mutant');
    expect(
      mergedFutures(impl, false, { cap: 600, pairs: 8, ablated: true }).differences.length,
    ).toBeGreaterThan(0);
  });
});
