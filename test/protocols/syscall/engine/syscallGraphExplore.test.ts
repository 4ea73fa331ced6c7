/**
 * The syscall graph engine (protocols/syscall/engine/syscallGraphExplore.ts): the drain walked over
 * the explored graph (syscallDrainGraph.ts) is the §6 drain itself, state by state — from every
 * reachable state, with and without symmetry, on the default bound and on a bound short enough
 * for drains to fail; the (representative, renaming) pairs it closes are exactly the reachable
 * states, and give the full space's counts; and the engine answers what the object engine answers (counts, or the violation).
 */
import { describe, expect, it } from 'vitest';
import { type ExploreOutcome, explore } from '../../../../engine/explore/explore.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import {
  exploreSyscallGraph,
  searchSyscallGraph,
} from '../../../../protocols/syscall/engine/syscallGraphExplore.ts';
import type { SyscallNode } from '../../../../protocols/syscall/engine/syscallJudge.ts';
import { syscallOrbitKey } from '../../../../protocols/syscall/engine/syscallOrbitKey.ts';
import { syscallSpace } from '../../../../protocols/syscall/engine/syscallSpace.ts';
import {
  canonicalSyscallOrbit,
  renameSyscallOrbitMember,
  syscallSymmetryGroup,
} from '../../../../protocols/syscall/engine/syscallSymmetry.ts';
import { drainSyscall } from '../../../../protocols/syscall/model/drain.ts';
import type { SyscallEvent } from '../../../../protocols/syscall/model/events.ts';
import {
  defaultSyscallPropertyIds,
  selectSyscallProperties,
} from '../../../../protocols/syscall/properties/selection.ts';
import { presetOf } from '../../../support/presetOf.ts';
import { reachableSyscallNodes } from '../../../support/reachableSyscallNodes.ts';
import { ROTATING_DISPATCHERS, TWO_DISPATCHERS } from '../../../support/syscallConfigs.ts';

const SEL = selectSyscallProperties(defaultSyscallPropertyIds(undefined), undefined);

const tiny = (): Config => presetOf('syscall', 'tiny');
const small = (): Config => presetOf('syscall', 'small');

/** Every reachable node of the model (full space), in BFS order (walked once per configuration). */
function reachableNodes(cfg: Config): readonly SyscallNode[] {
  return reachableSyscallNodes(cfg, { ...SEL, liveness: [] });
}

/** From every reachable state: the walk over the graph against the drain and the leads-to verdict. */
function walksAgree(cfg: Config, symmetry: boolean): { states: number; failing: number; bad: string[] } {
  const space = syscallSpace(cfg, undefined, SEL);
  const group = syscallSymmetryGroup(cfg, symmetry);
  const canon = symmetry
    ? canonicalSyscallOrbit(cfg, group, syscallOrbitKey(cfg, true))
    : (n: SyscallNode) => ({ key: space.key(n), perm: 0, stabilizer: 1 });
  const reps: SyscallNode[] = [];
  const found = searchSyscallGraph(cfg, SEL, { symmetry }, (id, n) => {
    reps[id] = n;
  });
  if (found.kind === 'violation') throw new Error('the model violates a step property');
  const idOf = new Map(
    reps.map((n, id) => {
      const c = canon(n);
      return [c.key, { id, perm: c.perm }] as const;
    }),
  );
  const nodes = reachableNodes(cfg);
  const bad: string[] = [];
  let failing = 0;
  const k = group.perms.length;
  const pairs = found.graph.reachable();
  const fromPairs = new Set<string>();
  for (let id = 0; id < reps.length; id++)
    for (let s = 0; s < k; s++) {
      const rep = reps[id];
      if (pairs[id * k + s] === 1 && rep !== undefined)
        fromPairs.add(space.key(renameSyscallOrbitMember(cfg, group, rep, s)));
    }
  expect(fromPairs).toEqual(new Set(nodes.map((n) => space.key(n))));
  for (const x of nodes) {
    const c = canon(x);
    const at = idOf.get(c.key);
    if (at === undefined) {
      bad.push('a reachable state outside the explored orbits');
      continue;
    }
    const sigma = group.compose[group.inverse[c.perm] ?? 0]?.[at.perm] ?? 0;
    const walk = found.graph.walk(at.id, sigma);
    const drain = drainSyscall(cfg, x.sys);
    const verdict = space.liveness?.(x) ?? null;
    if (verdict !== null) failing++;
    if (walk.ok !== (verdict === null))
      bad.push(`ok ${walk.ok}, the drain's verdict ${verdict?.[0]?.property}`);
    if (walk.steps !== drain.steps) bad.push(`${walk.steps} steps walked, ${drain.steps} drained`);
    if (walk.reachedQuiescence !== drain.reachedQuiescence) bad.push('quiescence differs');
    if (bad.length > 3) break;
  }
  return { states: nodes.length, failing, bad };
}

describe('syscall graph engine', () => {
  it.each([
    ['tiny, drain bound 5', { ...tiny(), drainBound: 5 }, false],
    ['two dispatchers, symmetry', TWO_DISPATCHERS, true],
    ['two dispatchers, symmetry, drain bound 6', { ...TWO_DISPATCHERS, drainBound: 6 }, true],
    ['two ring slots, symmetry (rotation)', small(), true],
    ['two ring slots, symmetry (rotation), drain bound 7', { ...small(), drainBound: 7 }, true],
    ['two dispatchers on two ring slots, symmetry (both)', ROTATING_DISPATCHERS, true],
  ])('walks the drain exactly as it runs, from every reachable state (%s)', (name, cfg, symmetry) => {
    const { states, failing, bad } = walksAgree(cfg, symmetry);
    expect(bad).toEqual([]);
    const count =
      cfg === ROTATING_DISPATCHERS ? 40_600 : cfg.ringSlots === 2 ? 12_184 : symmetry ? 15_812 : 6092;
    expect(states).toBe(count);
    if (name.includes('bound')) expect(failing).toBeGreaterThan(100);
    else expect(failing).toBe(0);
  });

  it("derives the full space's counts from the graph of orbits", () => {
    const reduced = searchSyscallGraph(TWO_DISPATCHERS, SEL, { symmetry: true });
    const full = searchSyscallGraph(TWO_DISPATCHERS, SEL, {});
    if (reduced.kind === 'violation' || full.kind === 'violation') throw new Error('a violation');
    expect(reduced.distinct).toBe(4256);
    expect(reduced.graph.fullCounts()).toEqual({ distinct: 15_812, transitions: 70_982, diameter: 74 });
    expect(full.graph.fullCounts()).toEqual({ distinct: 15_812, transitions: 70_982, diameter: 74 });
    const rotated = searchSyscallGraph(small(), SEL, { symmetry: true });
    if (rotated.kind === 'violation') throw new Error('a violation');
    expect(rotated.distinct).toBe(3046);
    expect(rotated.graph.fullCounts()).toEqual({ distinct: 12_184, transitions: 48_936, diameter: 92 });
  });

  it('counts what the object engine counts', () => {
    const cfg = tiny();
    const objects = explore(syscallSpace(cfg, undefined, SEL));
    expect(objects).toMatchObject({ kind: 'complete', distinct: 6092 });
    expect(exploreSyscallGraph(cfg, SEL, {})).toEqual(objects);
  });

  const failingBound = { ...TWO_DISPATCHERS, drainBound: 6 };
  /** The object engine's answer there, searched once for both cases below. */
  let failingObjects: ExploreOutcome<SyscallEvent> | undefined;
  it.each([
    ['without symmetry', false],
    ['with symmetry', true],
  ])('answers a failing leads-to check as the object engine does (%s)', (_, symmetry) => {
    const cfg = failingBound;
    failingObjects ??= explore(syscallSpace(cfg, undefined, SEL));
    const objects = failingObjects;
    expect(objects).toMatchObject({ kind: 'violation', where: 'liveness' });
    expect(exploreSyscallGraph(cfg, SEL, { symmetry })).toEqual(objects);
  });
});
