/**
 * Hart symmetry of the wakeup model (protocols/wakeup/engine/hartRenaming.ts): on every reachable
 * state of the wakeup `harts2` preset (`tiny` with two harts; `tiny` itself has one hart and no
 * renaming), renaming the harts commutes with every event of the alphabet — the renamed state
 * enables the renamed events, and each step is the renamed successor with the same ghosts and
 * verdicts — and deliberately wrong renamings are caught; the §6 drain is not symmetric (why the
 * leads-to check drains every member); every member of an orbit gets one canonical key; the
 * reduced search keeps one state per orbit of the full one; and seeded violations are found at
 * their BFS-shortest length with and without symmetry.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../../../engine/explore/explore.ts';
import { CONTROLLER_DESIGNS } from '../../../../protocols/controller/designs/registry.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import { exploreProtocol } from '../../../../protocols/family/exploreProtocol.ts';
import {
  canonicalWakeup,
  type HartRenaming,
  hartRenamingCount,
  hartRenamings,
  renameSystemEvent,
  renameSystemState,
  renameWakeupNode,
} from '../../../../protocols/wakeup/engine/hartRenaming.ts';
import type { WakeupNode } from '../../../../protocols/wakeup/engine/wakeupJudge.ts';
import { wakeupSpace } from '../../../../protocols/wakeup/engine/wakeupSpace.ts';
import { drain } from '../../../../protocols/wakeup/model/drain.ts';
import { formatSystemEvent, type SystemEvent } from '../../../../protocols/wakeup/model/events.ts';
import type {
  WakeupLivenessProperty,
  WakeupStepProperty,
} from '../../../../protocols/wakeup/properties/context.ts';
import {
  selectWakeupProperties,
  type WakeupSelection,
  wakeupPropertyIds,
} from '../../../../protocols/wakeup/properties/selection.ts';
import { presetOf } from '../../../support/presetOf.ts';
import { reachable as walk } from '../../../support/reachable.ts';
import { expectSameShortestViolation } from '../../../support/sameShortestViolation.ts';

const preset = (name: string): Config => presetOf('wakeup', name);
const TINY = preset('tiny');
const HARTS2 = preset('harts2');
/** Every wakeup property the model alone can judge (systemRefinement has no implementation to judge). */
const ALL = selectWakeupProperties(wakeupPropertyIds(), undefined);
const [SWAP] = hartRenamings(HARTS2);

const REACHED = new Map<Config, readonly WakeupNode[]>();

/** Every reachable node of the model on `cfg` (ghosts in the key), in BFS order; computed once per configuration. */
function reachable(cfg: Config): readonly WakeupNode[] {
  const known = REACHED.get(cfg);
  if (known !== undefined) return known;
  const out: WakeupNode[] = [];
  walk(wakeupSpace(cfg, undefined, ALL), Number.POSITIVE_INFINITY, (n) => out.push(n));
  REACHED.set(cfg, out);
  return out;
}

/** The alphabet of `cfg`'s model: every event some reachable state enables, once each. */
function alphabetOf(cfg: Config): SystemEvent[] {
  const space = wakeupSpace(cfg, undefined, ALL);
  const seen = new Map<string, SystemEvent>();
  for (const n of reachable(cfg)) for (const e of space.enabled(n)) seen.set(formatSystemEvent(e), e);
  return [...seen.values()];
}

/** The whole wakeup ghost, step numbers included. */
function ghostOf(n: WakeupNode): string {
  const g = n.ghost;
  const woken = [...g.wokenNotRun].map(([t, i]) => `${t}@${i}`).sort();
  return `${JSON.stringify([g.undelivered, g.interrupts, g.overflowed])}/${woken.join()}`;
}

type Rename = (n: WakeupNode, g: HartRenaming) => WakeupNode;
type RenameEvent = (e: SystemEvent, g: HartRenaming) => SystemEvent;

/** Where renaming by `rename` fails to commute with a step of `cfg`'s model (at most a few). */
function commutationFailures(
  cfg: Config,
  nodes: readonly WakeupNode[],
  rename: Rename,
  renameEvent: RenameEvent = renameSystemEvent,
): { readonly bad: string[]; readonly steps: number; readonly violating: number } {
  // every property, and a seeded one that fails on reachable steps, so that verdicts are compared where they fail
  const space = wakeupSpace(cfg, undefined, { ...ALL, step: [...ALL.step, twoRunning] });
  const bad: string[] = [];
  let steps = 0;
  let violating = 0;
  const names = (es: readonly SystemEvent[]): string => es.map(formatSystemEvent).sort().join(' ');
  const alphabet = alphabetOf(cfg);
  for (const g of hartRenamings(cfg)) {
    for (const n of nodes) {
      if (bad.length > 3) break;
      const m = rename(n, g);
      // the alphabet: every event, enabled or not (a rejected one must be rejected alike)
      for (const e of alphabet) {
        const a = space.step(n, e, 7, false);
        const b = space.step(m, renameEvent(e, g), 7, false);
        steps++;
        const va = a.kind === 'violation' ? a.violations.map((v) => v.property).join() : '';
        const vb = b.kind === 'violation' ? b.violations.map((v) => v.property).join() : '';
        if (va !== vb) bad.push(`${formatSystemEvent(e)}: ${va} vs ${vb}`);
        if (va !== '') violating++;
        if (a.kind !== 'next' || b.kind !== 'next') continue;
        if ((a.node === n) !== (b.node === m)) bad.push(`${formatSystemEvent(e)}: rejected on one side only`);
        if (ghostOf(a.node) !== ghostOf(b.node)) bad.push(`${formatSystemEvent(e)}: another wakeup ghost`);
        if (space.key(rename(a.node, g)) !== space.key(b.node))
          bad.push(`${formatSystemEvent(e)}: the renamed successor differs`);
      }
      if (names(space.enabled(m)) !== names(space.enabled(n).map((e) => renameEvent(e, g))))
        bad.push('the renamed state enables other events');
    }
  }
  return { bad, steps, violating };
}

describe('wakeup hart symmetry: the renamings', () => {
  it('renames every hart: none on tiny (one hart), one swap on harts2, H! in all', () => {
    expect(TINY.harts).toBe(1);
    expect(hartRenamings(TINY)).toEqual([]);
    expect(hartRenamings(HARTS2)).toEqual([[1, 0]]);
    expect(hartRenamings({ ...HARTS2, harts: 4 })).toHaveLength(23);
    expect(hartRenamingCount({ ...HARTS2, harts: 7 })).toBe(5040);
  });

  it('commutes with every event of the alphabet and keeps every verdict and ghost (harts2, a seeded step property)', () => {
    const nodes = reachable(HARTS2);
    expect(nodes.length).toBe(5740);
    const { bad, steps, violating } = commutationFailures(HARTS2, nodes, renameWakeupNode);
    expect(bad).toEqual([]);
    expect(violating).toBeGreaterThan(0);
    // one line's interrupt, four STATUS writes, four spawns, and the nine steps of each hart
    // (fetch, park, return, two switches, four poll outcomes)
    const alphabet = alphabetOf(HARTS2);
    expect(alphabet.length).toBe(27);
    expect(steps).toBe(nodes.length * alphabet.length);
  });

  it("catches a wrong renaming: an event's hart not renamed, a hart's task left in place", () => {
    const nodes = reachable(HARTS2).slice(0, 2000);
    const eventStays: RenameEvent = (e) => e;
    expect(commutationFailures(HARTS2, nodes, renameWakeupNode, eventStays).bad.length).toBeGreaterThan(0);
    const pollStays: RenameEvent = (e, g) => (e.type === 'HartPoll' ? e : renameSystemEvent(e, g));
    expect(commutationFailures(HARTS2, nodes, renameWakeupNode, pollStays).bad.length).toBeGreaterThan(0);
    const taskStays: Rename = (n, g) => {
      const m = renameWakeupNode(n, g);
      const harts = m.sys.harts.map((h, i) => ({ ...h, task: n.sys.harts[i]?.task ?? 0n }));
      return { ...m, sys: { ...m.sys, harts } };
    };
    expect(commutationFailures(HARTS2, nodes, taskStays).bad.length).toBeGreaterThan(0);
  });

  it('finds the §6 drain not symmetric: from some state the renamed drain is not the drain renamed', () => {
    if (SWAP === undefined) throw new Error('no renaming');
    const line = (es: readonly SystemEvent[]): string => es.map(formatSystemEvent).join(' ');
    const differs = reachable(HARTS2).find(
      (n) =>
        line(drain(HARTS2, renameSystemState(n.sys, SWAP)).events) !==
        line(drain(HARTS2, n.sys).events.map((e) => renameSystemEvent(e, SWAP))),
    );
    expect(differs).toBeDefined();
  });
});

/** A seeded step violation naming no hart: two harts run tasks at once. */
const twoRunning: WakeupStepProperty = {
  id: 'twoRunning',
  protocol: 'wakeup',
  kind: 'step',
  on: 'wakeupStep',
  judgesRejected: false,
  spec: 'test',
  description: 'seeded',
  check: ({ after }) => (after.harts.every((h) => h.phase === 'running') ? 'two running' : null),
};

/** A seeded leads-to violation naming no hart (a tighter bound): the drain takes more than 4 steps. */
const longDrain: WakeupLivenessProperty = {
  id: 'longDrain',
  protocol: 'wakeup',
  kind: 'liveness',
  on: 'wakeupDrain',
  spec: 'test',
  description: 'seeded',
  check: ({ drain: d }) => (d.steps > 4 ? `${d.steps} drain steps` : null),
};

/**
 * A seeded leads-to violation that names hart 1 (not closed under renaming): the drain leaves
 * hart 1 idle. Its shortest witness is HartPark(hart=1), whose state the search by orbits reaches
 * as the member HartPark(hart=0) reached first, so only that member's drain shows it.
 */
const hart1Idle: WakeupLivenessProperty = {
  ...longDrain,
  id: 'hart1Idle',
  check: ({ state }) => (state.harts[1]?.phase === 'idle' ? 'hart 1 idle' : null),
};

const withSeeded = (
  step: readonly WakeupStepProperty[],
  liveness: readonly WakeupLivenessProperty[],
): WakeupSelection => ({ controller: ALL.controller, step: [...ALL.step, ...step], liveness });

describe('wakeup hart symmetry: the search by orbits', () => {
  it('gives every member of an orbit one canonical key, which the identity key is not', () => {
    const space = wakeupSpace(HARTS2, undefined, ALL);
    const canonical = canonicalWakeup(HARTS2, space.key);
    let differ = 0;
    let moved = 0;
    for (const n of reachable(HARTS2))
      for (const g of hartRenamings(HARTS2)) {
        const m = renameWakeupNode(n, g);
        if (canonical(m) !== canonical(n)) differ++;
        if (space.key(m) !== space.key(n)) moved++;
      }
    expect(differ).toBe(0);
    expect(moved).toBeGreaterThan(0);
  });

  it('keeps exactly one state per orbit of the full search (harts2, ghosts in the key)', () => {
    const nodes = reachable(HARTS2);
    const full = explore(wakeupSpace(HARTS2, undefined, ALL));
    expect(full).toMatchObject({ kind: 'complete', distinct: nodes.length });
    const plain = wakeupSpace(HARTS2, undefined, ALL);
    const orbits = new Set(nodes.map(canonicalWakeup(HARTS2, plain.key)));
    const reduced = explore(wakeupSpace(HARTS2, undefined, ALL, true, true), { symmetry: true });
    expect(reduced.kind).toBe('complete');
    expect(reduced.distinct).toBe(orbits.size);
    expect(orbits.size).toBe(3454);
    expect(reduced.diameter).toBeLessThanOrEqual(full.diameter);
  });

  it('explores tiny (one hart) by orbits to the same counts', () => {
    const full = explore(wakeupSpace(TINY, undefined, ALL));
    const reduced = explore(wakeupSpace(TINY, undefined, ALL, true, true), { symmetry: true });
    expect(reduced).toMatchObject({
      kind: 'complete',
      distinct: full.distinct,
      transitions: full.transitions,
    });
  });

  it.each([
    ['a step violation', withSeeded([twoRunning], [])],
    ['a leads-to violation with a tighter bound', withSeeded([], [longDrain])],
    ['a leads-to violation only a renamed member shows', withSeeded([], [hart1Idle])],
  ] as const)('finds %s at its BFS-shortest length with symmetry', (_, sel) => {
    expectSameShortestViolation((orbits) => wakeupSpace(HARTS2, undefined, sel, false, orbits));
  });

  it('needs the drain from every member: the node alone misses a violation only a renamed member shows', () => {
    const sel = withSeeded([], [hart1Idle]);
    const full = explore(wakeupSpace(HARTS2, undefined, sel, false));
    const own = wakeupSpace(HARTS2, undefined, sel, false);
    const nodeOnly = explore({ ...own, canonical: canonicalWakeup(HARTS2, own.key) }, { symmetry: true });
    if (full.kind !== 'violation' || nodeOnly.kind !== 'violation') throw new Error('no violation');
    expect(full.path.map(formatSystemEvent)).toEqual(['HartPark(hart=1)']);
    expect(nodeOnly.path.length).toBe(2);
  });

  it('explores by orbits through exploreProtocol, and refuses a product (a runtime has no renaming)', () => {
    const r = exploreProtocol({ protocol: 'wakeup', impl: undefined, cfg: HARTS2, symmetry: true });
    expect(r).toMatchObject({ kind: 'complete', distinct: 3454 });
    const impl = CONTROLLER_DESIGNS[0];
    expect(() => wakeupSpace(HARTS2, impl, ALL, true, true)).toThrow(/model alone/);
  });
});
