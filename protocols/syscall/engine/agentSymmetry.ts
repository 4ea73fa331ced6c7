/**
 * Agent symmetry of the syscall model (opt-in `--symmetry`, as TLC's symmetry sets): the service
 * dispatchers of one process (the kernel's system-call dispatchers) are interchangeable. Every
 * rule of spec/controller.md §4.2 treats them alike: a dispatcher takes the oldest SUBMITTED slot
 * whoever it is, and the controller keeps task ids in FIFOs without comparing them. Renaming them
 * (their records, their task ids wherever the controller holds them, the ghosts' custody and
 * held instances) maps every transition to the renamed event's transition with the same verdicts
 * (test/protocols/syscall/engine/agentSymmetry.test.ts checks it on every reachable state and
 * event of a configuration with two of them), so the explorer keeps one state per orbit, keyed by
 * the least key over the renamings that sort them by signature.
 *
 * A process's callers are not interchangeable: its reply dispatcher wakes the first caller in
 * index order whose request is DONE (guards.ts `wakeableIn`), so with two replies ready the
 * renamed state wakes the other caller (the same test finds that step). The renaming functions
 * still rename any agent (a slot's requester included). The §6 drain is not symmetric either (a
 * fixed round-robin over agents in index order): syscallGraphExplore.ts runs it from every
 * reachable member of an orbit. Only the model alone: a runtime's and a device's hidden state
 * have no renaming.
 */

import { permutations } from '../../../engine/explore/permutations.ts';
import { sortClass } from '../../../engine/explore/sortClass.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerState } from '../../controller/model/state.ts';
import type { MutableControllerGhost } from '../../controller/properties/ghost.ts';
import type { SyscallEvent } from '../model/events.ts';
import { layoutOf } from '../model/layout.ts';
import type { Ring, SyscallState } from '../model/state.ts';
import type { MutableSyscallGhost, RequestInstance } from '../properties/ghost.ts';
import type { SyscallNode } from './syscallJudge.ts';
import { PHASE_CODE } from './syscallOrbitKey.ts';

/** The classes of interchangeable agents: each process's service dispatchers (two or more). */
function symmetricClasses(cfg: Config): (readonly number[])[] {
  return layoutOf(cfg).services.filter((c) => c.length > 1);
}

/**
 * Every renaming of the agents of `cfg` within the classes above (`perm[a]` is a's new index; the
 * identity first): the product of the permutations of each class.
 */
export function agentPermutations(cfg: Config): number[][] {
  const l = layoutOf(cfg);
  const classes = symmetricClasses(cfg);
  let out: number[][] = [l.agents.map((_, a) => a)];
  for (const members of classes) {
    const next: number[][] = [];
    for (const base of out) {
      for (const order of permutations(members.length)) {
        const perm = base.slice();
        members.forEach((a, i) => {
          perm[a] = members[order[i] ?? i] ?? a;
        });
        next.push(perm);
      }
    }
    out = next;
  }
  return out;
}

/** The task id of agent a renamed (a task that is no agent's, such as 0, stays). */
function renameTask(t: bigint, perm: readonly number[]): bigint {
  const a = Number(t) - 1;
  const to = perm[a];
  return to === undefined || t < 1n ? t : BigInt(to + 1);
}

function renameController(c: ControllerState, perm: readonly number[]): ControllerState {
  const tasks = (q: readonly bigint[]): readonly bigint[] =>
    q.length === 0 ? q : q.map((t) => renameTask(t, perm));
  return {
    ...c,
    ready: c.ready.map(tasks),
    irqWait: c.irqWait.map((q) =>
      q.length === 0 ? q : q.map((w) => ({ p: w.p, task: renameTask(w.task, perm) })),
    ),
    ipcWait: c.ipcWait.map(tasks),
  };
}

function renameRing(r: Ring, perm: readonly number[]): Ring {
  return {
    head: r.head,
    tail: r.tail,
    slots: r.slots.map((x) => (x.requester < 0 ? x : { ...x, requester: perm[x.requester] ?? x.requester })),
  };
}

/** `s` with agent a renamed `perm[a]`. */
function renameSyscallState(s: SyscallState, perm: readonly number[]): SyscallState {
  const agents = s.agents.slice();
  s.agents.forEach((x, a) => {
    agents[perm[a] ?? a] = x;
  });
  return { ctrl: renameController(s.ctrl, perm), rings: s.rings.map((r) => renameRing(r, perm)), agents };
}

function renameControllerGhost(g: MutableControllerGhost, perm: readonly number[]): MutableControllerGhost {
  const custody = g.custody.map((m) =>
    m === undefined ? m : new Map([...m].map(([t, k]) => [renameTask(t, perm), k] as const)),
  );
  return { ...g, custody };
}

function renameSyscallGhost(g: MutableSyscallGhost, perm: readonly number[]): MutableSyscallGhost {
  const copies = new Map<RequestInstance, RequestInstance>();
  const copy = (inst: RequestInstance | undefined): RequestInstance | undefined => {
    if (inst === undefined) return undefined;
    let c = copies.get(inst);
    if (c === undefined) {
      c = { ...inst, requester: perm[inst.requester] ?? inst.requester };
      copies.set(inst, c);
    }
    return c;
  };
  const held = g.held.slice();
  g.held.forEach((inst, a) => {
    held[perm[a] ?? a] = copy(inst);
  });
  return { bySlot: g.bySlot.map(copy), held, submitted: g.submitted, consumed: g.consumed };
}

/** The node `n` of the model alone with its agents renamed by `perm`. */
export function renameSyscallNode(n: SyscallNode, perm: readonly number[]): SyscallNode {
  return {
    sys: renameSyscallState(n.sys, perm),
    rt: undefined,
    shadow: n.shadow === undefined ? undefined : renameSyscallState(n.shadow, perm),
    cghost: renameControllerGhost(n.cghost, perm),
    ghost: renameSyscallGhost(n.ghost, perm),
  };
}

/** The event `e` with its agent renamed by `perm` (process events stay). */
export function renameSyscallEvent(e: SyscallEvent, perm: readonly number[]): SyscallEvent {
  switch (e.type) {
    case 'StatusWrite':
    case 'Fetch':
      return e;
    case 'Call':
    case 'Publish':
    case 'Signal':
    case 'Read':
    case 'Take':
    case 'Complete':
    case 'Reply':
    case 'Wake':
    case 'Park':
    case 'Return':
      return { ...e, a: perm[e.a] ?? e.a };
  }
}

/**
 * Per agent, a description of its place in `n` that names no other agent (its record, where the
 * controller holds its task, the slots naming it as requester, its custody counts, the instance
 * it holds), slots counted from their ring's head, hashed to a number: renaming the state renames
 * the signatures along (agent a's in n is perm[a]'s in the renamed node) and rotating a ring
 * changes none, so sorting each class by signature is a choice every member of an orbit agrees on.
 * Agents with equal signatures (a hash collision included) are tried in every order, so a
 * collision costs a key more, never a wrong orbit. Only the members of a class get one.
 */
function signatures(cfg: Config, n: SyscallNode, sorted: readonly boolean[]): number[] {
  const agents = n.sys.agents;
  const rings = n.sys.rings;
  const info = layoutOf(cfg).agents;
  const sig = new Array<number>(agents.length).fill(0);
  for (let a = 0; a < agents.length; a++) {
    const x = agents[a];
    if (sorted[a] !== true || x === undefined) continue;
    const p = info[a]?.p ?? 0;
    const slot =
      x.slot < 0 ? -1 : info[a]?.kind === 'caller' ? relative(rings, p, x.slot) : relativeCode(rings, x.slot);
    sig[a] = mix(mix(mix(1, PHASE_CODE[x.phase]), slot + 1), x.req);
  }
  const c = n.sys.ctrl;
  for (let i = 0; i < c.ready.length; i++) {
    const q = c.ready[i] ?? [];
    for (let j = 0; j < q.length; j++) add(sig, sorted, Number(q[j] ?? 0n) - 1, 1, i, j, 0, 0);
  }
  for (let i = 0; i < c.ipcWait.length; i++) {
    const q = c.ipcWait[i] ?? [];
    for (let j = 0; j < q.length; j++) add(sig, sorted, Number(q[j] ?? 0n) - 1, 2, i, j, 0, 0);
  }
  for (let i = 0; i < c.irqWait.length; i++) {
    const q = c.irqWait[i] ?? [];
    for (let j = 0; j < q.length; j++) {
      const w = q[j];
      if (w !== undefined) add(sig, sorted, Number(w.task) - 1, 3, i, j, w.p, 0);
    }
  }
  for (let p = 0; p < rings.length; p++) {
    const slots = rings[p]?.slots ?? [];
    for (let i = 0; i < slots.length; i++)
      add(sig, sorted, slots[i]?.requester ?? -1, 4, p, relative(rings, p, i), 0, 0);
  }
  for (let p = 0; p < n.cghost.custody.length; p++) {
    const m = n.cghost.custody[p];
    if (m !== undefined) for (const [t, k] of m) add(sig, sorted, Number(t) - 1, 5, p, k, 0, 0);
  }
  const g = n.ghost;
  for (let code = 0; code < g.bySlot.length; code++) {
    const inst = g.bySlot[code];
    if (inst !== undefined)
      add(sig, sorted, inst.requester, 6, relativeCode(rings, code), inst.executions, inst.replies, 0);
  }
  for (let a = 0; a < g.held.length; a++) {
    const inst = g.held[a];
    if (inst !== undefined)
      add(
        sig,
        sorted,
        a,
        7,
        inst.p,
        relative(rings, inst.p, inst.slot),
        inst.req,
        inst.executions * 256 + inst.replies,
      );
  }
  return sig;
}

/** One step of a 32-bit FNV-style hash. */
function mix(h: number, v: number): number {
  return Math.imul(h ^ (v & 0xffff), 0x01000193) | 0;
}

/** Mixes a tagged fact into agent a's signature (nothing for an agent outside every class, or a task that is no agent's). */
function add(
  sig: number[],
  sorted: readonly boolean[],
  a: number,
  tag: number,
  u: number,
  v: number,
  w: number,
  x: number,
): void {
  if (sorted[a] !== true) return;
  sig[a] = mix(mix(mix(mix(mix(sig[a] ?? 0, tag), u), v), w), x);
}

/**
 * Slot i of ring p counted from the ring's head (modulo R): what a ring rotation leaves alone
 * (ringRotation.ts), so that every member of an orbit of dispatchers and rotations sorts its
 * dispatchers alike.
 */
function relative(rings: readonly Ring[], p: number, i: number): number {
  const r = rings[p];
  const R = r?.slots.length ?? 1;
  return (((i - (r?.head ?? 0)) % R) + R) % R;
}

/** A slot code `p * R + i` (a held slot, a ghost instance's place) with i counted from ring p's head. */
function relativeCode(rings: readonly Ring[], code: number): number {
  const R = rings[0]?.slots.length ?? 1;
  const p = Math.floor(code / R);
  return p * R + relative(rings, p, code % R);
}

/**
 * The renamings that sort every class of `n` by signature (members with equal signatures in
 * every order): the same set, up to the renaming itself, for every member of `n`'s orbit.
 */
function sortingRenamings(
  cfg: Config,
  n: SyscallNode,
  classes: readonly (readonly number[])[],
  sorted: readonly boolean[],
): number[][] {
  const sig = signatures(cfg, n, sorted);
  const identity: number[] = [];
  for (let a = 0; a < sig.length; a++) identity.push(a);
  let out: number[][] = [identity];
  for (const members of classes) out = sortClass(out, members, sig);
  return out;
}

/** A node's canonical key and the index (in `agentPermutations`) of a renaming that gives it. */
export interface Canonical {
  readonly key: string;
  readonly perm: number;
  /**
   * The node's stabilizer, as a bit per group element g with g(node) = node (bit 0, the identity,
   * always set): the sorting renamings that give the canonical key are exactly perm∘stabilizer.
   */
  readonly stabilizer: number;
}

/**
 * The canonical key of a node of the model alone: the least key over the renamings that sort its
 * interchangeable agents by signature (one renaming unless signatures tie), `keyOf(n, perm)` being
 * the key of n renamed by perm. Every member of an orbit gets the same key: their sorting
 * renamings lead to the same renamed nodes.
 */
export function canonicalSyscall(
  cfg: Config,
  keyOf: (n: SyscallNode, perm: readonly number[]) => string,
): (n: SyscallNode) => Canonical {
  const classes = symmetricClasses(cfg);
  const sorted = layoutOf(cfg).agents.map((_, a) => classes.some((c) => c.includes(a)));
  const perms = agentPermutations(cfg);
  if (perms.length > 30) throw new Error('agent symmetry: more than 30 renamings');
  const { compose, inverse } = groupTables(perms);
  // a renaming by number (its entries as digits base A): no string per lookup
  const code = (perm: readonly number[]): number => {
    let c = 0;
    for (let a = perm.length - 1; a >= 0; a--) c = c * perm.length + (perm[a] ?? a);
    return c;
  };
  const index = new Map(perms.map((p, i) => [code(p), i] as const));
  return (n) => {
    let best: string | undefined;
    let giving: number[] = [];
    for (const perm of sortingRenamings(cfg, n, classes, sorted)) {
      const k = keyOf(n, perm);
      const at = index.get(code(perm));
      if (at === undefined) throw new Error('agent symmetry: a sorting renaming outside the group');
      if (best === undefined || k < best) {
        best = k;
        giving = [at];
      } else if (k === best) giving.push(at);
    }
    const first = giving[0];
    if (best === undefined || first === undefined) throw new Error('agent symmetry: no sorting renaming');
    let stabilizer = 0;
    for (const p of giving) stabilizer |= 1 << (compose[inverse[first] ?? 0]?.[p] ?? 0);
    return { key: best, perm: first, stabilizer };
  };
}

/** How the renamings of a group compose: `compose[i][j]` is G[i]∘G[j] (G[j] first), `inverse[i]` undoes G[i]. */
export interface GroupTables {
  readonly perms: readonly (readonly number[])[];
  readonly compose: readonly (readonly number[])[];
  readonly inverse: readonly number[];
}

/** The composition and inverse tables of the renamings `perms` (a group, the identity first). */
export function groupTables(perms: readonly (readonly number[])[]): GroupTables {
  const index = new Map(perms.map((p, i) => [p.join(), i] as const));
  const find = (p: readonly number[]): number => {
    const i = index.get(p.join());
    if (i === undefined) throw new Error('agent symmetry: the renamings are not closed under composition');
    return i;
  };
  const compose = perms.map((f) => perms.map((g) => find(g.map((a) => f[a] ?? a))));
  const inverse = perms.map((f) => {
    const inv = f.slice();
    f.forEach((to, a) => {
      inv[to] = a;
    });
    return find(inv);
  });
  return { perms, compose, inverse };
}
