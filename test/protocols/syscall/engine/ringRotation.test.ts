/**
 * Ring rotation symmetry of the syscall model (protocols/syscall/engine/ringRotation.ts, with the
 * dispatcher renamings in syscallSymmetry.ts): shifting a ring's indices, with every slot reference
 * moved along, commutes with every step and keeps its verdicts, on every reachable state and event
 * of configurations with one and two ring slots and with two callers on a ring; rotations that
 * forget a reference are caught; every member of an orbit gets the same canonical key and the
 * reduced search keeps one state per orbit; seeded violations are found at their BFS-shortest
 * length with symmetry.
 */
import { describe, expect, it } from 'vitest';
import { type Config, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { rotateSyscallNode, rotatingRings } from '../../../../protocols/syscall/engine/ringRotation.ts';
import { searchSyscallGraph } from '../../../../protocols/syscall/engine/syscallGraphExplore.ts';
import type { SyscallNode } from '../../../../protocols/syscall/engine/syscallJudge.ts';
import { syscallOrbitKey } from '../../../../protocols/syscall/engine/syscallOrbitKey.ts';
import { syscallSpace } from '../../../../protocols/syscall/engine/syscallSpace.ts';
import {
  canonicalSyscallOrbit,
  renameSyscallOrbitMember,
  syscallSymmetryGroup,
} from '../../../../protocols/syscall/engine/syscallSymmetry.ts';
import { used } from '../../../../protocols/syscall/model/state.ts';
import type { SyscallStepProperty } from '../../../../protocols/syscall/properties/context.ts';
import {
  defaultSyscallPropertyIds,
  type SyscallSelection,
  selectSyscallProperties,
} from '../../../../protocols/syscall/properties/selection.ts';
import { presetOf } from '../../../support/presetOf.ts';
import { reachableSyscallNodes } from '../../../support/reachableSyscallNodes.ts';
import { ROTATING_DISPATCHERS, TWO_CALLERS, TWO_DISPATCHERS } from '../../../support/syscallConfigs.ts';
import { expectSeededAtShortest } from '../../../support/syscallSeededViolation.ts';

const SEL = selectSyscallProperties(defaultSyscallPropertyIds(undefined), undefined);
const STEPS: SyscallSelection = { ...SEL, liveness: [] };

const preset = (name: string): Config => presetOf('syscall', name);

/** Two ring slots, one caller, one dispatcher: 12,184 states. */
const SMALL_PRESET = preset('small');

function reachableNodes(cfg: Config, limit = Number.POSITIVE_INFINITY): readonly SyscallNode[] {
  return reachableSyscallNodes(cfg, STEPS, limit);
}

/** Every non-zero shift of the rotating rings of `cfg`. */
function shifts(cfg: Config): (readonly number[])[] {
  const group = syscallSymmetryGroup(cfg, true);
  return group.shifts.filter((s, g) => group.perms[g]?.every((to, a) => to === a) && s.some((r) => r !== 0));
}

type Rotation = (n: SyscallNode) => SyscallNode;

/**
 * Each rotation commutes with every step from `nodes` and keeps its verdicts: what does not. A
 * node's own steps are taken once and compared with each rotation's.
 */
function commutes(
  cfg: Config,
  nodes: readonly SyscallNode[],
  rotations: readonly Rotation[],
): { steps: number; bad: string[] } {
  const space = syscallSpace(cfg, undefined, STEPS);
  const bad: string[] = [];
  let steps = 0;
  for (const n of nodes) {
    const es = space.enabled(n);
    const enabledN = es.map((e) => space.indexOf(e)).join();
    const after = es.map((e) => space.step(n, e, 0, false));
    for (const rotate of rotations) {
      const m = rotate(n);
      const enabledM = space.enabled(m).map((e) => space.indexOf(e));
      if (enabledN !== enabledM.join()) bad.push('the rotated state enables other events');
      es.forEach((e, i) => {
        const a = after[i];
        if (a === undefined) return;
        const b = space.step(m, e, 0, false);
        steps++;
        const va = a.kind === 'violation' ? a.violations.map((v) => v.property).join() : '';
        const vb = b.kind === 'violation' ? b.violations.map((v) => v.property).join() : '';
        if (va !== vb) bad.push(`${e.type}: ${va} vs ${vb}`);
        if (a.kind === 'next' && b.kind === 'next' && space.key(rotate(a.node)) !== space.key(b.node))
          bad.push(`${e.type}: the rotated successor differs`);
      });
    }
    if (bad.length > 3) return { steps, bad };
  }
  return { steps, bad };
}

function rotations(cfg: Config): Rotation[] {
  return shifts(cfg).map((shift) => (n: SyscallNode) => rotateSyscallNode(cfg, n, shift));
}

/** A seeded violation that names no slot: some ring is full. */
const ringFull: SyscallStepProperty = {
  id: 'ringFull',
  protocol: 'syscall',
  kind: 'invariant',
  on: 'syscallStep',
  judgesRejected: false,
  spec: 'test',
  description: 'seeded',
  check: (ctx) =>
    ctx.after.rings.some((r) => used(r, ctx.cfg.ringSlots) === ctx.cfg.ringSlots) ? 'a ring is full' : null,
};

/** A seeded violation that names no slot: a DONE slot and a SUBMITTED one at once. */
const doneBesideSubmitted: SyscallStepProperty = {
  ...ringFull,
  id: 'doneBesideSubmitted',
  check: (ctx) =>
    ctx.after.rings.some(
      (r) => r.slots.some((x) => x.state === 'DONE') && r.slots.some((x) => x.state === 'SUBMITTED'),
    )
      ? 'DONE beside SUBMITTED'
      : null,
};

/** A seeded violation that names no slot: a caller reads its result before its dispatcher replied. */
const readBeforeReply: SyscallStepProperty = {
  ...ringFull,
  id: 'readBeforeReply',
  check: (ctx) =>
    ctx.after.agents.some((x) => x.phase === 'reading') &&
    ctx.after.agents.some((x) => x.phase === 'running' && x.req === 1)
      ? 'a caller reads before its reply'
      : null,
};

describe('syscall ring rotation', () => {
  it('rotates the rings of processes with callers, by 0..2R−1 each', () => {
    expect(rotatingRings(SMALL)).toEqual([1]);
    expect(syscallSymmetryGroup(SMALL, true).perms).toHaveLength(8);
    expect(syscallSymmetryGroup(TWO_DISPATCHERS, true).perms).toHaveLength(4);
    expect(syscallSymmetryGroup(SMALL_PRESET, true).perms).toHaveLength(4);
    expect(syscallSymmetryGroup(SMALL, false).perms).toHaveLength(1);
  });

  it.each([
    ['two ring slots (small)', SMALL_PRESET, Number.POSITIVE_INFINITY, 146_808],
    ['one ring slot, two dispatchers', TWO_DISPATCHERS, Number.POSITIVE_INFINITY, 70_982],
    ['two callers on two slots', TWO_CALLERS, 20_000, -1],
  ])(
    'commutes with every step and keeps its verdicts, every reachable state (%s)',
    (_, cfg, limit, count) => {
      const { steps, bad } = commutes(cfg, reachableNodes(cfg, limit), rotations(cfg));
      expect(bad).toEqual([]);
      if (count >= 0) expect(steps).toBe(count);
      else expect(steps).toBeGreaterThan(100_000);
    },
  );

  it('catches rotations that forget a slot reference', () => {
    const cfg = SMALL_PRESET;
    const nodes = reachableNodes(cfg);
    const [shift] = shifts(cfg);
    if (shift === undefined) throw new Error('no shift');
    const rotate = (n: SyscallNode) => rotateSyscallNode(cfg, n, shift);
    const wrong: Rotation[] = [
      // the agents' slots not moved along
      (n) => {
        const m = rotate(n);
        return { ...m, sys: { ...m.sys, agents: n.sys.agents } };
      },
      // the ghost's instances not moved along
      (n) => ({ ...rotate(n), ghost: n.ghost }),
      // head and tail not shifted
      (n) => {
        const m = rotate(n);
        const rings = m.sys.rings.map((r, p) => ({
          ...r,
          head: n.sys.rings[p]?.head ?? 0,
          tail: n.sys.rings[p]?.tail ?? 0,
        }));
        return { ...m, sys: { ...m.sys, rings } };
      },
      // the slots not moved
      (n) => {
        const m = rotate(n);
        const rings = m.sys.rings.map((r, p) => ({ ...r, slots: n.sys.rings[p]?.slots ?? r.slots }));
        return { ...m, sys: { ...m.sys, rings } };
      },
    ];
    for (const w of wrong) expect(commutes(cfg, nodes, [w]).bad.length).toBeGreaterThan(0);
  });

  it.each([
    ['small', SMALL_PRESET, 12_184, 3046],
    ['two dispatchers', TWO_DISPATCHERS, 15_812, 4256],
    ['two dispatchers on two slots', ROTATING_DISPATCHERS, 40_600, 5378],
  ])(
    'gives every member of an orbit the same canonical key, and keeps one state per orbit (%s)',
    (_, cfg, states, count) => {
      const group = syscallSymmetryGroup(cfg, true);
      const orbitKey = syscallOrbitKey(cfg, true);
      const canon = canonicalSyscallOrbit(cfg, group, orbitKey);
      const identity = group.perms[0] ?? [];
      const noShift = group.shifts[0] ?? [];
      const nodes = reachableNodes(cfg);
      const orbits = new Set<string>();
      const wrong: string[] = []; // one expect at the end: hundreds of thousands of expect calls cost seconds
      for (const n of nodes) {
        const c = canon(n);
        orbits.add(c.key);
        if (orbitKey(renameSyscallOrbitMember(cfg, group, n, c.perm), identity, noShift) !== c.key)
          wrong.push(`${c.key}: its representative's key differs`);
        for (let g = 0; g < group.perms.length; g++)
          if (canon(renameSyscallOrbitMember(cfg, group, n, g)).key !== c.key)
            wrong.push(`${c.key}: renamed by ${g}, another canonical key`);
        if (wrong.length > 3) break;
      }
      expect(wrong).toEqual([]);
      expect(nodes.length).toBe(states);
      expect(orbits.size).toBe(count);
      expect(searchSyscallGraph(cfg, SEL, { symmetry: true })).toMatchObject({
        kind: 'complete',
        distinct: count,
      });
    },
  );

  it.each([
    ['readBeforeReply', SMALL_PRESET, readBeforeReply],
    ['ringFull, two callers', TWO_CALLERS, ringFull],
    ['doneBesideSubmitted', TWO_CALLERS, doneBesideSubmitted],
    ['ringFull, two dispatchers', TWO_DISPATCHERS, ringFull],
  ])('finds a seeded violation (%s) at its BFS-shortest length with symmetry', (_, cfg, prop) => {
    expectSeededAtShortest(cfg, SEL, prop);
  });
});
