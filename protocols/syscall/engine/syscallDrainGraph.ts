/**
 * The §6 drain of the syscall system (model/drain.ts: every process brought online, then a fixed
 * round-robin over the process harts and the agents, each unit taking the first of its
 * candidates the system accepts, until quiescence or the bound) as a walk over an explored graph
 * of orbit representatives (syscallGraphExplore.ts). A drain position is a representative `id`,
 * the renaming `σ` (an index into the agent group) with actual state = σ(rep), and whose turn it
 * is; for each representative the search records, per unit of the representative's own naming,
 * the successor its first accepted drain candidate leads to and the renaming ρ with actual
 * successor = ρ(successor's rep). Actual agent a's turn is the representative's agent σ⁻¹(a)'s,
 * and the next position is (successor, σ∘ρ). Every drain step is then a transition of the
 * explored graph (the search judged its renamed original, with the same verdicts), quiescence is
 * a fact of the representative (it names no agent), and the liveness properties judge the
 * representative the drain ends in. Successful drains are remembered by position, as DrainMemo
 * does: a later drain reaching one stops there when its bound leaves room.
 * test/protocols/syscall/engine/syscallGraphExplore.test.ts checks every walk against the drain
 * itself on every reachable tiny state and every renaming.
 */
import type { Config } from '../../controller/model/config/config.ts';
import { layoutOf } from '../model/layout.ts';
import type { GroupTables } from './agentSymmetry.ts';

const QUIESCENT = 1;
const END_OK = 2;

/** Where one drain ended. */
export interface DrainWalk {
  /** It reached quiescence within the bound and the liveness properties hold there. */
  readonly ok: boolean;
  readonly reachedQuiescence: boolean;
  readonly steps: number;
  /** The representative it ended in (or was cut at, when `cut`) and the renaming of the actual state. */
  readonly id: number;
  readonly sigma: number;
  /** Stopped at a position a successful drain went through (ok, `steps` counted to quiescence). */
  readonly cut: boolean;
}

function grownI32(a: Int32Array<ArrayBuffer>, need: number, fill: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2)).fill(fill);
  b.set(a);
  return b;
}

function grownU8(a: Uint8Array<ArrayBuffer>, need: number): Uint8Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Uint8Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class SyscallDrainGraph {
  /** Processes: the drain's STATUS writes, and the first units. */
  readonly processes: number;
  /** Process harts, then agents. */
  readonly units: number;
  /** Slots per representative: a STATUS write per process, then a unit each. */
  private readonly slots: number;
  private succ: Int32Array<ArrayBuffer>;
  private rho: Uint8Array<ArrayBuffer>;
  private flags: Uint8Array<ArrayBuffer>;
  /** Per representative, its stabilizer (a bit per group element that maps it to itself). */
  private stabilizers: Int32Array<ArrayBuffer>;
  private memo = new Int32Array(0);
  /** {@link walk}'s trail: the positions a drain passed and its steps there, in pairs. */
  private trail = new Int32Array(64);
  private reps = 0;
  /** Every transition of every representative, in expansion order: its successor and ρ. */
  private edgeTo = new Int32Array(4096);
  private edgeRho = new Uint8Array(4096);
  private edges = 0;
  /** `edgeEnd[id]`: the end of representative id's edges (they start at `edgeEnd[id - 1]`). */
  private edgeEnd: Int32Array<ArrayBuffer>;
  /** Representatives the per-representative arrays have room for. */
  private cap: number;

  /** `initial`: the representatives to make room for before the first grow. */
  constructor(
    private readonly cfg: Config,
    private readonly group: GroupTables,
    initial = 1024,
  ) {
    this.processes = cfg.processes;
    this.units = cfg.processes + layoutOf(cfg).agents.length;
    this.slots = this.processes + this.units;
    this.cap = initial;
    this.flags = new Uint8Array(initial);
    this.stabilizers = new Int32Array(initial);
    this.edgeEnd = new Int32Array(initial);
    this.succ = new Int32Array(initial * this.slots).fill(-1);
    this.rho = new Uint8Array(initial * this.slots);
  }

  /** Makes room for representative `id` in every per-representative array (at least doubling). */
  private growReps(id: number): void {
    const cap = Math.max(id + 1, this.cap * 2);
    this.cap = cap;
    this.stabilizers = grownI32(this.stabilizers, cap, 1);
    this.edgeEnd = grownI32(this.edgeEnd, cap, 0);
    this.flags = grownU8(this.flags, cap);
    this.succ = grownI32(this.succ, cap * this.slots, -1);
    this.rho = grownU8(this.rho, cap * this.slots);
  }

  /** A transition of the representative being expanded: to `to`, actual successor = ρ(rep). */
  addEdge(to: number, rho: number): void {
    this.depths = undefined;
    this.edgeTo = grownI32(this.edgeTo, this.edges + 1, 0);
    this.edgeRho = grownU8(this.edgeRho, this.edges + 1);
    this.edgeTo[this.edges] = to;
    this.edgeRho[this.edges] = rho;
    this.edges++;
  }

  /**
   * Records representative `id`'s facts once its edges are added (ids in order): whether it is
   * quiescent and, if so, whether the liveness properties hold there; and its stabilizer.
   */
  setRep(id: number, quiescent: boolean, endOk: boolean, stabilizer: number): void {
    if (id >= this.cap) this.growReps(id); // one test per representative, not one call per array
    this.stabilizers[id] = stabilizer;
    this.edgeEnd[id] = this.edges;
    this.flags[id] = (quiescent ? QUIESCENT : 0) | (endOk ? END_OK : 0);
    if (id >= this.reps) this.reps = id + 1;
  }

  /** Whether representative `id` was recorded quiescent ({@link setRep}). */
  quiescentAt(id: number): boolean {
    return ((this.flags[id] ?? 0) & QUIESCENT) !== 0;
  }

  /** The liveness properties hold at the quiescent representative `id` (for a search that judges them after it, not in {@link setRep}). */
  setEndOk(id: number): void {
    this.flags[id] = (this.flags[id] ?? 0) | END_OK;
  }

  /** The STATUS write online of process p from `id` leads to `to`, actual = ρ(rep). */
  setStatus(id: number, p: number, to: number, rho: number): void {
    this.set(id * this.slots + p, to, rho);
  }

  /** Unit u's drain step (in the representative's own naming) from `id` leads to `to`, actual = ρ(rep). */
  setUnit(id: number, u: number, to: number, rho: number): void {
    this.set(id * this.slots + this.processes + u, to, rho);
  }

  private set(at: number, to: number, rho: number): void {
    this.succ[at] = to;
    this.rho[at] = rho;
  }

  /**
   * The reachable states as (representative, renaming) pairs: `out[id * k + σ]` is 1 when σ(rep
   * id) is reachable, closing the initial state (0, identity) under every recorded transition
   * (σ(rep) → σ∘ρ(successor's rep)). The full space's reachable states are exactly these (a
   * renaming of a reachable state need not be reachable: the initial state's is not, its ring
   * never used).
   */
  reachable(): Uint8Array {
    const depth = this.pairDepths();
    return Uint8Array.from(depth, (d) => (d >= 0 ? 1 : 0));
  }

  private depths: Int32Array | undefined;

  /** Each pair's BFS depth from (0, identity) over the recorded transitions, -1 if unreachable (kept until an edge is added). */
  private pairDepths(): Int32Array {
    this.depths ??= this.searchPairs();
    return this.depths;
  }

  private searchPairs(): Int32Array {
    const { compose, perms } = this.group;
    const k = perms.length;
    const depth = new Int32Array(this.reps * k).fill(-1);
    const queue = new Int32Array(this.reps * k);
    let tail = 0;
    depth[0] = 0;
    queue[tail++] = 0;
    for (let head = 0; head < tail; head++) {
      const pair = queue[head] ?? 0;
      const id = Math.floor(pair / k);
      const s = pair % k;
      for (let e = id === 0 ? 0 : (this.edgeEnd[id - 1] ?? 0); e < (this.edgeEnd[id] ?? 0); e++) {
        const next = (this.edgeTo[e] ?? 0) * k + (compose[s]?.[this.edgeRho[e] ?? 0] ?? 0);
        if ((depth[next] ?? 0) >= 0) continue;
        depth[next] = (depth[pair] ?? 0) + 1;
        queue[tail++] = next;
      }
    }
    return depth;
  }

  /**
   * The full space's counts, from the graph of orbits: its states are the members σ(rep) of the
   * reachable pairs, where σ(rep) = σ'(rep) exactly when σ⁻¹σ' is in rep's stabilizer; each has
   * rep's number of transitions, and its depth is the least of its pairs'.
   */
  fullCounts(): { readonly distinct: number; readonly transitions: number; readonly diameter: number } {
    const { compose, perms } = this.group;
    const k = perms.length;
    const depth = this.pairDepths();
    let distinct = 0;
    let transitions = 0;
    let diameter = 0;
    const memberDepth = new Map<number, number>();
    for (let id = 0; id < this.reps; id++) {
      memberDepth.clear();
      const stab = this.stabilizers[id] ?? 1;
      for (let s = 0; s < k; s++) {
        const d = depth[id * k + s] ?? -1;
        if (d < 0) continue;
        let member = s; // the coset s·stabilizer, named by its least element
        for (let g = 0; g < k; g++)
          if ((stab & (1 << g)) !== 0) member = Math.min(member, compose[s]?.[g] ?? s);
        memberDepth.set(member, Math.min(d, memberDepth.get(member) ?? d));
      }
      const edges = (this.edgeEnd[id] ?? 0) - (id === 0 ? 0 : (this.edgeEnd[id - 1] ?? 0));
      distinct += memberDepth.size;
      transitions += memberDepth.size * edges;
      for (const d of memberDepth.values()) diameter = Math.max(diameter, d);
    }
    return { distinct, transitions, diameter };
  }

  /** The drain from the actual state σ(rep `id`). */
  walk(id: number, sigma: number): DrainWalk {
    const ok = this.drains(id, sigma);
    const { endSteps: steps, endId, endSigma, endReached, endCut: cut } = this;
    return { ok, reachedQuiescence: endReached || cut, steps, id: endId, sigma: endSigma, cut };
  }

  /** Where the last drain ended (its {@link DrainWalk} fields): kept in fields so {@link drains} allocates nothing. */
  private endSteps = 0;
  private endId = 0;
  private endSigma = 0;
  private endReached = false;
  private endCut = false;

  /** Whether the drain from the actual state σ(rep `id`) succeeds ({@link walk}'s `ok`, without its object: once per state). */
  drains(id: number, sigma: number): boolean {
    const { compose, inverse, perms } = this.group;
    const k = perms.length;
    const units = this.units;
    const P = this.processes;
    const bound = this.cfg.drainBound;
    // the identity alone (the packed engine's graph): every renaming is the identity, no table is read
    const renames = k > 1;
    if (this.memo.length < this.reps * k * units) this.memo = grownI32(this.memo, this.reps * k * units, -1);
    let at = id;
    let s = sigma;
    let steps = 0;
    for (let p = 0; p < P && steps < bound; p++) {
      const to = this.succ[at * this.slots + p] ?? -1;
      if (to < 0) continue;
      if (renames) s = compose[s]?.[this.rho[at * this.slots + p] ?? 0] ?? 0;
      at = to;
      steps++;
    }
    // the positions passed and the steps taken there, in pairs (kept between walks: no allocation per walk)
    let trail = this.trail;
    let len = 0;
    let reached = false;
    let cut = false;
    if (((this.flags[at] ?? 0) & QUIESCENT) !== 0) reached = true;
    else {
      let u = 0;
      let idle = 0;
      for (;;) {
        if (steps >= bound || idle >= units) break;
        const turn = u;
        if (idle === 0) {
          const pos = (at * k + s) * units + turn;
          const left = this.memo[pos] ?? -1;
          if (left >= 0 && steps + left <= bound) {
            steps += left;
            cut = true;
            break;
          }
          if (len + 2 > trail.length) {
            trail = grownI32(trail, len + 2, 0);
            this.trail = trail;
          }
          trail[len++] = pos;
          trail[len++] = steps;
        }
        u = u + 1 === units ? 0 : u + 1;
        const ru = turn < P || !renames ? turn : P + (perms[inverse[s] ?? 0]?.[turn - P] ?? 0);
        const slot = at * this.slots + P + ru;
        const to = this.succ[slot] ?? -1;
        if (to < 0) {
          idle++;
          continue;
        }
        idle = 0;
        if (renames) s = compose[s]?.[this.rho[slot] ?? 0] ?? 0;
        at = to;
        steps++;
        if (((this.flags[at] ?? 0) & QUIESCENT) !== 0) {
          reached = true;
          break;
        }
      }
    }
    const ok = cut || (reached && ((this.flags[at] ?? 0) & END_OK) !== 0);
    if (ok) for (let i = 0; i < len; i += 2) this.memo[trail[i] ?? 0] = steps - (trail[i + 1] ?? 0);
    this.endSteps = steps;
    this.endId = at;
    this.endSigma = s;
    this.endReached = reached;
    this.endCut = cut;
    return ok;
  }
}
