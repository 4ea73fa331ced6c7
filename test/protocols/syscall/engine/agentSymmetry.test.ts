/**
 * Agent symmetry of the syscall model (protocols/syscall/engine/agentSymmetry.ts): renaming the
 * interchangeable agents commutes with every step and keeps its verdicts, on every reachable state
 * of a configuration with two system-call dispatchers; callers are not interchangeable (a Wake
 * step tells them apart); every member of an orbit gets the same canonical key; the reduced search keeps one
 * state per orbit; and a seeded violation is found at its BFS-shortest length with symmetry.
 */
import { describe, expect, it } from 'vitest';
import { type Config, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import {
  agentPermutations,
  canonicalSyscall,
  renameSyscallEvent,
  renameSyscallNode,
} from '../../../../protocols/syscall/engine/agentSymmetry.ts';
import type { SyscallNode } from '../../../../protocols/syscall/engine/syscallJudge.ts';
import { syscallSpace } from '../../../../protocols/syscall/engine/syscallSpace.ts';
import { layoutOf } from '../../../../protocols/syscall/model/layout.ts';
import type { SyscallStepProperty } from '../../../../protocols/syscall/properties/context.ts';
import {
  defaultSyscallPropertyIds,
  type SyscallSelection,
  selectSyscallProperties,
} from '../../../../protocols/syscall/properties/selection.ts';
import { reachableSyscallNodes } from '../../../support/reachableSyscallNodes.ts';
import { TWO_CALLERS, TWO_DISPATCHERS } from '../../../support/syscallConfigs.ts';
import { expectSeededAtShortest } from '../../../support/syscallSeededViolation.ts';

const SEL = selectSyscallProperties(defaultSyscallPropertyIds(undefined), undefined);
const STEPS: SyscallSelection = { ...SEL, liveness: [] };

function reachableNodes(cfg: Config, limit = Number.POSITIVE_INFINITY): readonly SyscallNode[] {
  return reachableSyscallNodes(cfg, STEPS, limit);
}

/** A seeded violation that names no agent: `n` callers are awaiting a reply at once. */
function awaiting(n: number): SyscallStepProperty {
  return {
    id: `awaiting${n}`,
    protocol: 'syscall',
    kind: 'invariant',
    on: 'syscallStep',
    judgesRejected: false,
    spec: 'test',
    description: 'seeded',
    check: (ctx) =>
      ctx.after.agents.filter((x) => x.phase === 'awaiting').length >= n ? `${n} callers awaiting` : null,
  };
}

/** A seeded violation that names no agent: both system-call dispatchers are running. */
const bothRunning: SyscallStepProperty = {
  ...awaiting(1),
  id: 'bothRunning',
  check: (ctx) =>
    (layoutOf(ctx.cfg).services[0] ?? []).every((a) => ctx.after.agents[a]?.phase === 'running')
      ? 'both dispatchers running'
      : null,
};

/** Whether `a` and `b` hold the same numbers. */
function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * Renaming by each of `perms` (not the identity) commutes with every step from `nodes`: what does
 * not. The enabled events are compared as sets without `expect` (one call per node cost more
 * than the comparison: 15,812 nodes).
 */
function commutes(
  cfg: Config,
  nodes: readonly SyscallNode[],
  perms: readonly (readonly number[])[],
): { steps: number; bad: string[] } {
  const space = syscallSpace(cfg, undefined, STEPS);
  const bad: string[] = [];
  let steps = 0;
  for (const perm of perms) {
    for (const n of nodes) {
      const m = renameSyscallNode(n, perm);
      const events = space.enabled(n).map((e) => renameSyscallEvent(e, perm));
      if (
        !sameSet(
          new Set(space.enabled(m).map((e) => space.indexOf(e))),
          new Set(events.map((e) => space.indexOf(e))),
        )
      )
        bad.push('the renamed node enables other events');
      for (const e of space.enabled(n)) {
        const a = space.step(n, e, 0, false);
        const b = space.step(m, renameSyscallEvent(e, perm), 0, false);
        steps++;
        const va = a.kind === 'violation' ? a.violations.map((v) => v.property).join() : '';
        const vb = b.kind === 'violation' ? b.violations.map((v) => v.property).join() : '';
        if (va !== vb) bad.push(`${e.type}: ${va} vs ${vb}`);
        if (
          a.kind === 'next' &&
          b.kind === 'next' &&
          space.key(renameSyscallNode(a.node, perm)) !== space.key(b.node)
        )
          bad.push(`${e.type}: the renamed successor differs`);
      }
      if (bad.length > 3) return { steps, bad };
    }
  }
  return { steps, bad };
}

describe('syscall agent symmetry', () => {
  it("has a group per configuration: the kernel's dispatchers, not a process's callers", () => {
    expect(agentPermutations(TWO_DISPATCHERS)).toHaveLength(2);
    expect(agentPermutations(TWO_CALLERS)).toHaveLength(1);
    expect(agentPermutations(SMALL)).toHaveLength(2);
  });

  it('renaming commutes with every step and keeps its verdicts (every reachable state, two dispatchers)', () => {
    const { steps, bad } = commutes(
      TWO_DISPATCHERS,
      reachableNodes(TWO_DISPATCHERS),
      agentPermutations(TWO_DISPATCHERS).slice(1),
    );
    expect(bad).toEqual([]);
    expect(steps).toBe(70_982);
  });

  it('finds that callers are not interchangeable: the reply dispatcher wakes the first caller with a reply', () => {
    const callers = layoutOf(TWO_CALLERS).callers[1] ?? [];
    const swap = layoutOf(TWO_CALLERS).agents.map(
      (_, a) => (a === callers[0] ? callers[1] : a === callers[1] ? callers[0] : a) ?? a,
    );
    const { bad } = commutes(TWO_CALLERS, reachableNodes(TWO_CALLERS, 4000), [swap]);
    expect(bad[0]).toBe('Wake: the renamed successor differs');
  });

  // the search by orbits adds ring rotations to these renamings: ringRotation.test.ts checks that it keeps one state per orbit
  it('gives every member of an orbit the same canonical key', () => {
    const cfg = TWO_DISPATCHERS;
    const space = syscallSpace(cfg, undefined, STEPS);
    const canon = canonicalSyscall(cfg, (n, perm) => space.key(renameSyscallNode(n, perm)));
    const nodes = reachableNodes(cfg);
    const orbits = new Set<string>();
    const wrong: string[] = []; // one expect at the end: an expect per member cost more than the keys
    for (const n of nodes) {
      const k = canon(n).key;
      orbits.add(k);
      for (const perm of agentPermutations(cfg))
        if (canon(renameSyscallNode(n, perm)).key !== k) wrong.push(`${k}: renamed by ${perm}, another key`);
    }
    expect(wrong).toEqual([]);
    expect(nodes.length).toBe(15_812);
    expect(orbits.size).toBe(8512);
  });

  it.each([
    ['awaiting1', TWO_DISPATCHERS, awaiting(1)],
    ['bothRunning', TWO_DISPATCHERS, bothRunning],
  ])('finds a seeded violation (%s) at its BFS-shortest length with symmetry', (_, cfg, prop) => {
    expectSeededAtShortest(cfg, SEL, prop);
  });
});
