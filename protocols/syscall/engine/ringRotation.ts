/**
 * Ring rotation symmetry of the syscall model (opt-in `--symmetry`, beside agentSymmetry.ts): a
 * ring's free-running indices, kept modulo 2R, matter only relative to each other. Every rule of
 * spec/controller.md §4.2 names a slot by where it is from head or tail: a call takes the tail
 * slot (`tail mod R`) and moves tail, a dispatcher takes the oldest SUBMITTED slot scanning from
 * head (`submittedFor`), a read frees its caller's own slot and moves head past FREE slots; no
 * event names a slot, the drain's candidates name agents only, and every property compares slots
 * with the agents and ghost instances that point at them (boundedRing reads tail − head). So
 * shifting ring p's indices by r — head and tail + r modulo 2R, the slot of index i moved to
 * `(i + r) mod R`, and every reference to one of its slots moved along (its callers' slot, a
 * service dispatcher's held slot `p * R + i`, the syscall ghost's instances by slot and their
 * `slot`) — maps every transition to the same event's transition with the same verdicts.
 * test/protocols/syscall/engine/ringRotation.test.ts checks it on every reachable state and event
 * of configurations with one and two ring slots, and that rotations forgetting one of those
 * references are caught.
 *
 * Only rings of processes with callers rotate (the kernel's ring is never used). A shift that is
 * not 0 modulo 2R changes head, so it fixes no state: the group of shifts acts freely, and the
 * canonical shift is the one that brings every rotating ring's head to 0.
 */

import type { Config } from '../../controller/model/config/config.ts';
import { layoutOf } from '../model/layout.ts';
import type { AgentState, Ring, SyscallState } from '../model/state.ts';
import type { MutableSyscallGhost, RequestInstance } from '../properties/ghost.ts';
import type { SyscallNode } from './syscallJudge.ts';

/** The processes whose rings rotate: those with callers. */
export function rotatingRings(cfg: Config): number[] {
  const callers = layoutOf(cfg).callers;
  const out: number[] = [];
  for (let p = 0; p < cfg.processes; p++) if ((callers[p]?.length ?? 0) > 0) out.push(p);
  return out;
}

/** Index i of a ring of R slots after a shift by r (indices modulo 2R, slots modulo R). */
function shifted(i: number, r: number, modulus: number): number {
  return (((i + r) % modulus) + modulus) % modulus;
}

/**
 * The shift (per process, 0..2R−1) that brings every rotating ring's head to 0 in `s`: the
 * canonical member of `s`'s orbit under rotation.
 */
export function canonicalShift(cfg: Config, s: SyscallState, rings: readonly number[]): number[] {
  const shift = new Array<number>(cfg.processes).fill(0);
  const m = 2 * cfg.ringSlots;
  for (const p of rings) shift[p] = shifted(-(s.rings[p]?.head ?? 0), 0, m);
  return shift;
}

/** Whether `shift` moves nothing. */
export function isNoShift(shift: readonly number[]): boolean {
  for (const r of shift) if (r !== 0) return false;
  return true;
}

function rotateRing(r: Ring, by: number, R: number): Ring {
  const slots = r.slots.slice();
  for (let i = 0; i < R; i++) {
    const x = r.slots[i];
    if (x !== undefined) slots[shifted(i, by, R)] = x;
  }
  return { head: shifted(r.head, by, 2 * R), tail: shifted(r.tail, by, 2 * R), slots };
}

/** `s` with ring p's indices shifted by `shift[p]`, and every slot reference of an agent moved along. */
function rotateState(cfg: Config, s: SyscallState, shift: readonly number[]): SyscallState {
  const R = cfg.ringSlots;
  const l = layoutOf(cfg);
  const rings = s.rings.map((r, p) => {
    const by = shift[p] ?? 0;
    return by === 0 ? r : rotateRing(r, by, R);
  });
  const agents: AgentState[] = s.agents.slice();
  for (let a = 0; a < s.agents.length; a++) {
    const x = s.agents[a];
    const info = l.agents[a];
    if (x === undefined || info === undefined || x.slot < 0) continue;
    if (info.kind === 'caller') {
      const by = shift[info.p] ?? 0;
      if (by !== 0) agents[a] = { ...x, slot: shifted(x.slot, by, R) };
    } else if (info.kind === 'service') {
      const p = Math.floor(x.slot / R);
      const by = shift[p] ?? 0;
      if (by !== 0) agents[a] = { ...x, slot: p * R + shifted(x.slot % R, by, R) };
    }
  }
  return { ctrl: s.ctrl, rings, agents };
}

function rotateGhost(cfg: Config, g: MutableSyscallGhost, shift: readonly number[]): MutableSyscallGhost {
  const R = cfg.ringSlots;
  const copies = new Map<RequestInstance, RequestInstance>();
  const copy = (inst: RequestInstance | undefined): RequestInstance | undefined => {
    if (inst === undefined) return undefined;
    let c = copies.get(inst);
    if (c === undefined) {
      c = { ...inst, slot: shifted(inst.slot, shift[inst.p] ?? 0, R) };
      copies.set(inst, c);
    }
    return c;
  };
  const bySlot = g.bySlot.slice();
  g.bySlot.forEach((inst, code) => {
    const p = Math.floor(code / R);
    bySlot[p * R + shifted(code % R, shift[p] ?? 0, R)] = copy(inst);
  });
  return { bySlot, held: g.held.map(copy), submitted: g.submitted, consumed: g.consumed };
}

/** The node `n` of the model alone with ring p's indices shifted by `shift[p]` (see above). */
export function rotateSyscallNode(cfg: Config, n: SyscallNode, shift: readonly number[]): SyscallNode {
  return {
    sys: rotateState(cfg, n.sys, shift),
    rt: undefined,
    shadow: n.shadow === undefined ? undefined : rotateState(cfg, n.shadow, shift),
    cghost: n.cghost,
    ghost: rotateGhost(cfg, n.ghost, shift),
  };
}
