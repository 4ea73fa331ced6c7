/**
 * Symmetry of the UIPI model (uipiRenaming.ts, canonicalUipi.ts, orbitDrain.ts): on every
 * reachable node of two configurations (Skyloft on two CPUs: the CPUs; Skyloft with two senders
 * bound alike: the senders), renaming a node commutes with every enabled event — the renamed
 * node enables the renamed events, its step is the renamed successor with the same ghost and
 * the same verdicts — and a deliberately wrong renaming is caught; the drain is not symmetric
 * (why the leads-to check drains every member); every member of an orbit gets one canonical key;
 * the reduced search keeps one node per orbit of the full one; and seeded violations are found
 * at their BFS-shortest length with and without symmetry.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../../../engine/explore/explore.ts';
import { KeyBuilder } from '../../../../engine/explore/keyBuilder.ts';
import type { StateSpace } from '../../../../engine/explore/stateSpace.ts';
import {
  canonicalUipi,
  cpuSignatures,
  senderSignatures,
} from '../../../../protocols/uipi/engine/canonicalUipi.ts';
import {
  exploreUipi,
  exploreUipiSpace,
  UIPI_EXPLORE_PRESETS,
} from '../../../../protocols/uipi/engine/exploreUipi.ts';
import { keyUipiState } from '../../../../protocols/uipi/engine/keyUipiState.ts';
import { keyUipiGhost } from '../../../../protocols/uipi/engine/uipiGhostMeasure.ts';
import type { UipiNode } from '../../../../protocols/uipi/engine/uipiJudge.ts';
import {
  isIdentityRenaming,
  renameUipiEvent,
  renameUipiNode,
  senderClasses,
  type UipiRenaming,
  uipiRenamings,
} from '../../../../protocols/uipi/engine/uipiRenaming.ts';
import { uipiSpace } from '../../../../protocols/uipi/engine/uipiSpace.ts';
import { UIPI_SKYLOFT, type UipiConfig } from '../../../../protocols/uipi/model/config.ts';
import { drainUipi } from '../../../../protocols/uipi/model/drain.ts';
import { enabled } from '../../../../protocols/uipi/model/enabled.ts';
import { formatUipiEvent, type UipiEvent } from '../../../../protocols/uipi/model/events.ts';
import { stateKey } from '../../../../protocols/uipi/model/stateKey.ts';
import { step } from '../../../../protocols/uipi/model/step.ts';
import { UIPI_MUTANTS } from '../../../../protocols/uipi/mutants/uipiMutants.ts';
import type {
  UipiLivenessProperty,
  UipiStepProperty,
} from '../../../../protocols/uipi/properties/context.ts';
import { selectUipi, type UipiSelection } from '../../../../protocols/uipi/properties/selection.ts';
import { reachable as walk } from '../../../support/reachable.ts';
import { expectSameShortestViolation } from '../../../support/sameShortestViolation.ts';

const SKY2 = UIPI_EXPLORE_PRESETS.skyloft2 ?? UIPI_SKYLOFT;
/** Skyloft with two senders of two slots each: both bound to (receiver 0, vector 0) and (receiver 0, vector 1). */
const SKY_SENDERS: UipiConfig = { ...UIPI_SKYLOFT, senders: 2, uittSize: 2 };
const SEL = selectUipi(undefined, undefined);

/** One builder for every exact key (a builder per key cost a buffer and its garbage each time). */
const EXACT = new KeyBuilder();

/** The space's key with the owed masks (the model's credits are read by no verdict: uipiGhostMeasure.ts). */
function exactKey(space: StateSpace<UipiNode, UipiEvent>, n: UipiNode): string {
  const kb = EXACT.reset();
  kb.int(0).int(0);
  keyUipiGhost(kb, n, false);
  return space.key(n) + kb.done();
}

const REACHED = new Map<UipiConfig, readonly UipiNode[]>();

/** Every reachable node of the model on `cfg` (its owed masks kept apart), in BFS order; computed once per configuration. */
function reachable(cfg: UipiConfig): readonly UipiNode[] {
  const known = REACHED.get(cfg);
  if (known !== undefined) return known;
  const out = search(cfg);
  REACHED.set(cfg, out);
  return out;
}

function search(cfg: UipiConfig): UipiNode[] {
  const { measure: _covering, ...space } = uipiSpace(cfg, undefined, SEL);
  const out: UipiNode[] = [];
  walk({ ...space, key: (n) => exactKey(space, n) }, Number.POSITIVE_INFINITY, (n) => out.push(n));
  return out;
}

/** A key of nodes as canonicalUipi takes it: the key of the node renamed by `g` (built). */
const renamedKey =
  (key: (n: UipiNode) => string) =>
  (n: UipiNode, g: UipiRenaming | undefined): string =>
    key(g === undefined ? n : renameUipiNode(n, g));

/** The whole ghost of a node (owed, credits, undo flags), which no renaming moves. */
const ghostOf = (n: UipiNode): string => `${n.owed.join()}/${n.credit.join()}/${n.undo.join()}`;

type Rename = (n: UipiNode, g: UipiRenaming) => UipiNode;
type RenameEvent = (e: UipiEvent, g: UipiRenaming) => UipiEvent;

/** Where renaming by `rename` fails to commute with a step of `cfg`'s model (at most a few). */
function commutationFailures(
  cfg: UipiConfig,
  nodes: readonly UipiNode[],
  rename: Rename,
  renameEvent: RenameEvent = renameUipiEvent,
): { readonly bad: string[]; readonly steps: number } {
  const space = uipiSpace(cfg, undefined, SEL);
  const bad: string[] = [];
  let steps = 0;
  const names = (es: readonly UipiEvent[]): string => es.map(formatUipiEvent).sort().join(' ');
  for (const g of uipiRenamings(cfg).filter((x) => !isIdentityRenaming(x))) {
    for (const n of nodes) {
      if (bad.length > 3) break;
      const m = rename(n, g);
      const es = space.enabled(n);
      if (names(space.enabled(m)) !== names(es.map((e) => renameEvent(e, g))))
        bad.push(`${stateKey(n.sys)}: the renamed node enables other events`);
      for (const e of es) {
        const a = space.step(n, e, 0, false);
        const b = space.step(m, renameEvent(e, g), 0, false);
        steps++;
        const va = a.kind === 'violation' ? a.violations.map((v) => v.property).join() : '';
        const vb = b.kind === 'violation' ? b.violations.map((v) => v.property).join() : '';
        if (va !== vb) bad.push(`${formatUipiEvent(e)}: ${va} vs ${vb}`);
        if (a.kind === 'next' && b.kind === 'next' && ghostOf(a.node) !== ghostOf(b.node))
          bad.push(`${formatUipiEvent(e)} from ${stateKey(n.sys)}: another ghost`);
        if (
          a.kind === 'next' &&
          b.kind === 'next' &&
          exactKey(space, rename(a.node, g)) !== exactKey(space, b.node)
        )
          bad.push(`${formatUipiEvent(e)} from ${stateKey(n.sys)}: the renamed successor differs`);
      }
    }
  }
  return { bad, steps };
}

describe('UIPI symmetry: the renamings', () => {
  it('renames every CPU, and senders bound alike slot by slot', () => {
    expect(uipiRenamings(SKY2)).toHaveLength(2);
    expect(senderClasses(SKY2)).toEqual([]);
    expect(senderClasses(SKY_SENDERS)).toEqual([[0, 1]]);
    expect(uipiRenamings(SKY_SENDERS)).toHaveLength(2);
    // UIPI_SMALL's two senders are bound to different vectors: not interchangeable.
    expect(senderClasses({ ...SKY_SENDERS, uittSize: 1 })).toEqual([]);
    expect(
      uipiRenamings({ ...SKY2, cpus: 4, receivers: 4, senders: 4, vectors: 64, uittSize: 4 }),
    ).toHaveLength(24);
    expect(() => uipiRenamings({ ...SKY2, cpus: 7 })).toThrow(/more than 720/);
  });

  it.each([
    ['CPUs (Skyloft on two CPUs)', SKY2, 10_080],
    ['senders (Skyloft, two senders bound alike)', SKY_SENDERS, 41_760],
  ] as const)('commutes with every step and keeps its verdicts: %s', (_, cfg, count) => {
    const nodes = reachable(cfg);
    expect(nodes.length).toBe(count);
    const { bad, steps } = commutationFailures(cfg, nodes, renameUipiNode);
    expect(bad).toEqual([]);
    expect(steps).toBeGreaterThan(count * 3);
  });

  it('catches a wrong renaming: NDST left, sender records left, a tick not renamed', () => {
    const cpuNodes = reachable(SKY2).slice(0, 2000);
    const forgetsNdst: Rename = (n, g) => {
      const m = renameUipiNode(n, g);
      return { ...m, sys: { ...m.sys, upids: n.sys.upids } };
    };
    expect(commutationFailures(SKY2, cpuNodes, forgetsNdst).bad.length).toBeGreaterThan(0);
    const tickStays: RenameEvent = (e, g) => (e.type === 'TimerTick' ? e : renameUipiEvent(e, g));
    expect(commutationFailures(SKY2, cpuNodes, renameUipiNode, tickStays).bad.length).toBeGreaterThan(0);
    const sendersStay: Rename = (n, g) => {
      const m = renameUipiNode(n, g);
      return { ...m, sys: { ...m.sys, senders: n.sys.senders } };
    };
    const senderNodes = reachable(SKY_SENDERS).slice(0, 2000);
    expect(commutationFailures(SKY_SENDERS, senderNodes, sendersStay).bad.length).toBeGreaterThan(0);
  });

  it('finds the drain not symmetric: from some state the renamed drain is not the drain renamed', () => {
    const [g] = uipiRenamings(SKY2).filter((x) => !isIdentityRenaming(x));
    if (g === undefined) throw new Error('no renaming');
    const drainOf = (n: UipiNode): UipiEvent[] => {
      let s = n.sys;
      const out = drainUipi(
        SKY2,
        {
          state: () => s,
          enabled: () => enabled(SKY2, s),
          apply: (e) => {
            const r = step(SKY2, s, e);
            if (r.kind !== 'accepted') return false;
            s = r.state;
            return true;
          },
        },
        n.undo,
      );
      return [...out.events];
    };
    const line = (es: readonly UipiEvent[]): string => es.map(formatUipiEvent).join(' ');
    const differs = reachable(SKY2).find(
      (n) => line(drainOf(renameUipiNode(n, g))) !== line(drainOf(n).map((e) => renameUipiEvent(e, g))),
    );
    expect(differs).toBeDefined();
  });
});

/** A seeded step violation naming no CPU: a vector is pending on a CPU no receiver runs on. */
const pendingOnIdle: UipiStepProperty = {
  id: 'pendingOnIdle',
  protocol: 'uipi',
  kind: 'step',
  on: 'uipiStep',
  judgesRejected: false,
  spec: 'test',
  description: 'seeded',
  check: ({ after }) =>
    after.cpus.some((c) => c.cur < 0 && c.pending.length > 0) ? 'pending on idle' : null,
};

/**
 * A seeded leads-to violation naming no CPU: the drain had to switch a receiver in. It reads the
 * drain's events, not only where it ends, so it is judged without the drain memo (whose cut
 * drains skip the verdicts of a position already drained).
 */
const drainSwitchesIn: UipiLivenessProperty = {
  id: 'drainSwitchesIn',
  protocol: 'uipi',
  kind: 'liveness',
  on: 'uipiDrain',
  spec: 'test',
  description: 'seeded',
  check: ({ drain }) => (drain.events.some((e) => e.type === 'SwitchInRestore') ? 'switched in' : null),
};

/** A seeded leads-to violation that names CPU 1 (not closed under renaming): the drain ends with receiver 0 there. */
const endsOnCpu1: UipiLivenessProperty = {
  ...drainSwitchesIn,
  id: 'endsOnCpu1',
  check: ({ state }) => (state.receivers[0]?.cpu === 1 ? 'on CPU 1' : null),
};

const withSeeded = (
  step: readonly UipiStepProperty[],
  liveness: readonly UipiLivenessProperty[],
): UipiSelection => ({ step: [...SEL.step, ...step], liveness: [...SEL.liveness, ...liveness] });

describe('UIPI symmetry: the search by orbits', () => {
  it('gives every member of an orbit one canonical key, and sorts by signature (one key mostly)', () => {
    for (const cfg of [SKY2, SKY_SENDERS]) {
      const space = uipiSpace(cfg, undefined, SEL, true, true);
      const canonical = canonicalUipi(cfg, renamedKey(space.key));
      const gs = uipiRenamings(cfg);
      let moved = 0;
      let otherKey = 0; // one expect at the end: an expect per node and renaming cost more than the keys
      for (const n of reachable(cfg)) {
        const k = canonical(n);
        const cs = cpuSignatures(n.sys);
        const ss = senderSignatures(n.sys);
        for (const g of gs) {
          const m = renameUipiNode(n, g);
          if (canonical(m) !== k) otherKey++;
          // a CPU's (a sender's) signature moves with it
          const cm = cpuSignatures(m.sys);
          const sm = senderSignatures(m.sys);
          if (cs.some((x, c) => cm[g.cpu[c] ?? c] !== x) || ss.some((x, i) => sm[g.sender[i] ?? i] !== x))
            moved++;
        }
      }
      expect(otherKey).toBe(0);
      expect(moved).toBe(0);
    }
  });

  it('writes the key of a renamed node without building it (every reachable node and renaming)', () => {
    for (const cfg of [SKY2, SKY_SENDERS]) {
      const kb = new KeyBuilder();
      const written = (n: UipiNode, g: UipiRenaming): string => {
        kb.reset();
        keyUipiState(kb, n.sys, g);
        return kb.done();
      };
      const built = (n: UipiNode, g: UipiRenaming): string => {
        kb.reset();
        keyUipiState(kb, renameUipiNode(n, g).sys);
        return kb.done();
      };
      let differ = 0;
      for (const g of uipiRenamings(cfg))
        for (const n of reachable(cfg)) if (written(n, g) !== built(n, g)) differ++;
      expect(differ).toBe(0);
    }
  });

  it('catches a canonical form that is not one (the identity key)', () => {
    const space = uipiSpace(SKY2, undefined, SEL, true, true);
    const [g] = uipiRenamings(SKY2).filter((x) => !isIdentityRenaming(x));
    if (g === undefined) throw new Error('no renaming');
    expect(reachable(SKY2).some((n) => space.key(renameUipiNode(n, g)) !== space.key(n))).toBe(true);
  });

  it.each([
    ['skyloft2', SKY2, 5040],
    ['two senders', SKY_SENDERS, 26_100],
  ] as const)(
    'keeps exactly one node per orbit of the full search (%s, ghost in the key)',
    (_, cfg, count) => {
      const exact = (orbits: boolean): StateSpace<UipiNode, UipiEvent> => {
        const { measure: _covering, canonical: _c, ...space } = uipiSpace(cfg, undefined, SEL, true, orbits);
        const key = (n: UipiNode): string => exactKey(space, n);
        return orbits ? { ...space, key, canonical: canonicalUipi(cfg, renamedKey(key)) } : { ...space, key };
      };
      const nodes = reachable(cfg);
      const full = explore(exact(false));
      expect(full).toMatchObject({ kind: 'complete', distinct: nodes.length });
      const plain = uipiSpace(cfg, undefined, SEL);
      const canonical = canonicalUipi(
        cfg,
        renamedKey((n) => exactKey(plain, n)),
      );
      const orbits = new Set(nodes.map(canonical));
      const reduced = explore(exact(true), { symmetry: true });
      expect(reduced.kind).toBe('complete');
      expect(reduced.distinct).toBe(orbits.size);
      expect(orbits.size).toBe(count);
      expect(reduced.distinct).toBeLessThan(full.distinct);
      expect(reduced.diameter).toBeLessThanOrEqual(full.diameter);
    },
  );

  it('explores with the covering measure by orbits: the same verdict, fewer states', () => {
    const full = explore(uipiSpace(SKY2, undefined, SEL));
    const reduced = explore(uipiSpace(SKY2, undefined, SEL, true, true), { symmetry: true });
    expect(full).toMatchObject({ kind: 'complete', distinct: 8640 });
    expect(reduced).toMatchObject({ kind: 'complete', distinct: 4320 });
  });

  it.each([
    ['a step violation', withSeeded([pendingOnIdle], [])],
    ['a leads-to violation', withSeeded([], [drainSwitchesIn])],
    ['a leads-to violation only a renamed member shows', withSeeded([], [endsOnCpu1])],
  ] as const)('finds %s at its BFS-shortest length with symmetry', (_, sel) => {
    expectSameShortestViolation((orbits) => uipiSpace(SKY2, undefined, sel, false, orbits));
  });

  it('needs the drain from every member: the node alone misses a violation only a renamed member shows', () => {
    const sel = withSeeded([], [endsOnCpu1]);
    const full = exploreUipiSpace((orbits) => uipiSpace(SKY2, undefined, sel, true, orbits), {});
    const own = uipiSpace(SKY2, undefined, sel);
    const nodeOnly = explore(
      { ...own, canonical: canonicalUipi(SKY2, renamedKey(own.key)) },
      { symmetry: true },
    );
    if (full.kind !== 'violation') throw new Error('no violation without symmetry');
    expect(nodeOnly.kind === 'violation' && nodeOnly.path.length === full.path.length).toBe(false);
  });

  it('refuses a product (a UIPI mutant): a machine has no renaming', () => {
    expect(() => uipiSpace(SKY2, UIPI_MUTANTS[0], SEL, true, true)).toThrow(/model alone/);
    expect(() => exploreUipi({ cfg: SKY2, impl: UIPI_MUTANTS[0], symmetry: true })).toThrow(/model alone/);
  });
});
