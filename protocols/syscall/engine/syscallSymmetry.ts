/**
 * The symmetry group `--symmetry` reduces the syscall model alone by: the renamings of a process's
 * interchangeable service dispatchers (agentSymmetry.ts) times the rotations of every used ring
 * (ringRotation.ts). The two act on different things (agent records and the task ids naming
 * them; ring indices and the slot references pointing into them) and commute, so an element is a
 * pair (agent renaming, shift per process), numbered `agent * shifts + shift`, the identity 0.
 *
 * Rotations act freely (a shift changes head), so the canonical member of an orbit is found in
 * two steps: the shift bringing every rotating ring's head to 0, then the least key over the
 * dispatcher renamings that sort them by signature (`canonicalSyscall`; signatures count slots
 * from the head, so they are the rotated node's); the stabilizer is the agent renamings' (with no
 * shift). Keys are built from the node itself (syscallOrbitKey.ts), never from a renamed copy.
 */

import type { Config } from '../../controller/model/config/config.ts';
import { layoutOf } from '../model/layout.ts';
import {
  agentPermutations,
  type Canonical,
  canonicalSyscall,
  type GroupTables,
  groupTables,
  renameSyscallNode,
} from './agentSymmetry.ts';
import { canonicalShift, isNoShift, rotateSyscallNode, rotatingRings } from './ringRotation.ts';
import type { SyscallNode } from './syscallJudge.ts';
import type { OrbitKey } from './syscallOrbitKey.ts';

/** The group's tables (`perms[g]`: element g's agent renaming) and each element's shift per process. */
export interface SyscallSymmetryGroup extends GroupTables {
  readonly shifts: readonly (readonly number[])[];
}

/** Every shift per process of the rotating rings (0..2R−1 each; the others 0), no shift first. */
function allShifts(cfg: Config): number[][] {
  let out: number[][] = [new Array<number>(cfg.processes).fill(0)];
  for (const p of rotatingRings(cfg)) {
    const next: number[][] = [];
    for (let r = 0; r < 2 * cfg.ringSlots; r++)
      for (const base of out) {
        const s = base.slice();
        s[p] = r;
        next.push(s);
      }
    out = next;
  }
  return out;
}

/** The group of `cfg` (with `symmetry` off, the identity alone). */
export function syscallSymmetryGroup(cfg: Config, symmetry: boolean): SyscallSymmetryGroup {
  // without symmetry the identities alone, never the whole group (factorially many renamings on
  // a large configuration: the published one's 151 agents ran out of memory before a state)
  const perms = symmetry ? agentPermutations(cfg) : [layoutOf(cfg).agents.map((_, a) => a)];
  const shifts = symmetry ? allShifts(cfg) : [new Array<number>(cfg.processes).fill(0)];
  const agents = groupTables(perms);
  const S = shifts.length;
  const m = 2 * cfg.ringSlots;
  const shiftIndex = new Map(shifts.map((s, i) => [s.join(), i] as const));
  const findShift = (s: readonly number[]): number => {
    const i = shiftIndex.get(s.join());
    if (i === undefined) throw new Error('ring rotation: the shifts are not closed under composition');
    return i;
  };
  const size = perms.length * S;
  if (size > 30) throw new Error('syscall symmetry: more than 30 renamings');
  const elements: { agent: number; shift: readonly number[] }[] = [];
  for (let a = 0; a < perms.length; a++) for (const shift of shifts) elements.push({ agent: a, shift });
  const compose = elements.map((f) =>
    elements.map((g) => {
      const agent = agents.compose[f.agent]?.[g.agent] ?? 0;
      const shift = f.shift.map((r, p) => (r + (g.shift[p] ?? 0)) % m);
      return agent * S + findShift(shift);
    }),
  );
  const inverse = elements.map(
    (f) => (agents.inverse[f.agent] ?? 0) * S + findShift(f.shift.map((r) => (m - r) % m)),
  );
  return {
    perms: elements.map((f) => perms[f.agent] ?? []),
    compose,
    inverse,
    shifts: elements.map((f) => f.shift),
  };
}

/** The node `n` of the model alone renamed by element `g` of `group`. */
export function renameSyscallOrbitMember(
  cfg: Config,
  group: SyscallSymmetryGroup,
  n: SyscallNode,
  g: number,
): SyscallNode {
  const perm = group.perms[g] ?? [];
  const shift = group.shifts[g] ?? [];
  const renamed = perm.every((to, a) => to === a) ? n : renameSyscallNode(n, perm);
  return isNoShift(shift) ? renamed : rotateSyscallNode(cfg, renamed, shift);
}

/**
 * The canonical key of a node of the model alone under `group` (built with symmetry), the element
 * giving it, and the node's stabilizer (see above).
 */
export function canonicalSyscallOrbit(
  cfg: Config,
  group: SyscallSymmetryGroup,
  orbitKey: OrbitKey,
): (n: SyscallNode) => Canonical {
  const rings = rotatingRings(cfg);
  let shift: readonly number[] = [];
  const agentCanon = canonicalSyscall(cfg, (n, perm) => orbitKey(n, perm, shift));
  const S = group.shifts.length / Math.max(1, agentPermutations(cfg).length);
  const m = 2 * cfg.ringSlots;
  const shiftAt = (shift: readonly number[]): number => {
    let i = 0;
    let scale = 1;
    for (const p of rings) {
      i += (shift[p] ?? 0) * scale;
      scale *= m;
    }
    return i;
  };
  return (n) => {
    shift = canonicalShift(cfg, n.sys, rings);
    const c = agentCanon(n);
    let stabilizer = 0;
    for (let j = 0; j < 31; j++) if ((c.stabilizer & (1 << j)) !== 0) stabilizer |= 1 << (j * S);
    return { key: c.key, perm: c.perm * S + shiftAt(shift), stabilizer };
  };
}
