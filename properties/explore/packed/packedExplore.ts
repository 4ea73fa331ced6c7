/**
 * Breadth-first exploration of the wakeup model alone over packed states (the `packed` engine):
 * every distinct state is `width` bytes in one growing buffer, in BFS order, so that buffer is
 * both the set of seen states and the queue; an open-addressing hash table of state ids (a
 * multiplicative hash over the state's 32-bit words, linear probing, load ≤ 1/2) finds duplicates
 * without building a key. Beside each state it keeps its parent's id and the index of the event
 * that reached it in the parent's `enabled` list, as the explorer does.
 *
 * Every new distinct state is judged by the wakeup state invariants read from its bytes
 * (packedInvariants.ts: taskInOnePlace, onlyOnlineRun, noStuckSystem); the search stops at the
 * first violation with a BFS-shortest path, decoded into the model's events only then. With no
 * violation it answers how many states, transitions and levels the model has, exactly as the
 * explorer does (test/explore/packed.test.ts checks they agree).
 */
import type { Config } from '../../../model/config/config.ts';
import { initialSystem } from '../../../model/wakeup/boot.ts';
import type { SystemEvent } from '../../../model/wakeup/events.ts';
import { PackedInvariants, type PackedVerdict } from './packedInvariants.ts';
import { encodeSystem, packedLayout } from './packedLayout.ts';
import type { PackedMutation } from './packedMutation.ts';
import { packedPath } from './packedPath.ts';
import { PackedSuccessors } from './packedSuccessors.ts';

export type PackedOutcome =
  | {
      readonly kind: 'complete' | 'maxStates';
      readonly distinct: number;
      readonly transitions: number;
      readonly diameter: number;
    }
  | {
      readonly kind: 'violation';
      readonly distinct: number;
      readonly transitions: number;
      readonly diameter: number;
      /** The property id the failing invariant mirrors, and what failed, in words. */
      readonly property: PackedVerdict['property'];
      readonly message: string;
      /** A shortest path from the initial state; its last event is the failing step. */
      readonly path: readonly SystemEvent[];
    };

export interface PackedOptions {
  /** Stop once this many distinct states are known. */
  readonly maxStates?: number;
  /** Judge the state invariants (default true; false only counts, for the bench's comparison). */
  readonly invariants?: boolean;
  /** A seeded bug in the successor function (tests only). */
  readonly mutation?: PackedMutation;
}

/** A copy of `a` twice as long. */
function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The seen states in BFS order (one buffer of words) with their hash table (see above). */
class PackedStore {
  /** Words per state. */
  private readonly n: number;
  words: Int32Array;
  private hashes: Int32Array;
  level: Int32Array;
  /** Per state id: its parent's id (-1 for the initial state) and the index of its event in the parent's `enabled`. */
  parent: Int32Array;
  via: Int32Array;
  /** Slot → state id + 1 (0: empty). */
  private table: Int32Array;
  private mask = (1 << 17) - 1;
  count = 0;

  constructor(widthBytes: number) {
    this.n = widthBytes >> 2;
    // room for 64Ki states (a few MB) before the first grow and rehash
    this.words = new Int32Array(this.n * 65536);
    this.hashes = new Int32Array(65536);
    this.level = new Int32Array(65536);
    this.parent = new Int32Array(65536);
    this.via = new Int32Array(65536);
    this.table = new Int32Array(this.mask + 1);
  }

  /** Adds the state `w` at BFS depth `depth`, reached from `from` by its event `k`, unless it is known; true when it was new. */
  add(w: Int32Array, depth: number, from: number, k: number): boolean {
    const n = this.n;
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) {
      h = Math.imul(h ^ (w[i] ?? 0), 0x9e3779b1);
      h ^= h >>> 15;
    }
    const words = this.words;
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const id1 = table[slot] ?? 0;
      if (id1 === 0) break;
      if (this.hashes[id1 - 1] === h) {
        const o = (id1 - 1) * n;
        let i = 0;
        while (i < n && words[o + i] === w[i]) i++;
        if (i === n) return false;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.count;
    if ((id + 1) * n > words.length) this.grow();
    this.words.set(w, id * n);
    this.hashes[id] = h;
    this.level[id] = depth;
    this.parent[id] = from;
    this.via[id] = k;
    table[slot] = id + 1;
    this.count = id + 1;
    if (this.count * 2 > mask) this.rehash();
    return true;
  }

  private grow(): void {
    const words = new Int32Array(this.words.length * 2);
    words.set(this.words);
    this.words = words;
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.level = doubled(this.level);
    this.parent = doubled(this.parent);
    this.via = doubled(this.via);
  }

  private rehash(): void {
    const mask = this.mask * 2 + 1;
    const table = new Int32Array(mask + 1);
    for (let id = 0; id < this.count; id++) {
      let slot = (this.hashes[id] ?? 0) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.mask = mask;
    this.table = table;
  }
}

/** Explores the wakeup model on `cfg` over packed states, judging the state invariants (see above). */
export function explorePacked(cfg: Config, opts: PackedOptions = {}): PackedOutcome {
  const maxStates = opts.maxStates ?? Number.POSITIVE_INFINITY;
  const L = packedLayout(cfg);
  const n = L.width >> 2;
  const succ = new PackedSuccessors(L, opts.mutation);
  const inv = opts.invariants === false ? null : new PackedInvariants(L);
  const store = new PackedStore(L.width);
  let transitions = 0;
  let diameter = 0;
  let depth = 0;
  let head = 0;
  /** The index, in `enabled` of the state being expanded, of the successor being visited. */
  let k = 0;
  let full = false;
  /** The first state found violating an invariant, and its verdict. */
  let bad = -1;
  let verdict: PackedVerdict | null = null;
  const visit = (): void => {
    transitions++;
    const i = k++;
    if (full || bad >= 0) return;
    if (!store.add(succ.words, depth, head, i)) return;
    if (depth > diameter) diameter = depth;
    if (inv !== null) {
      verdict = inv.judge(succ.b, store.count - 1);
      if (verdict !== null) bad = store.count - 1;
    }
    if (store.count >= maxStates) full = true;
  };
  const init = encodeSystem(L, initialSystem(cfg));
  store.add(new Int32Array(init.buffer, init.byteOffset, n), 0, -1, -1);
  if (inv !== null) verdict = inv.judge(init, 0);
  if (verdict !== null) bad = 0;
  if (store.count >= maxStates) full = true;
  for (head = 0; head < store.count && !full && bad < 0; head++) {
    // a step invariant judged on this state when it was found fails on its first step from it
    if (inv !== null && inv.failsFrom === head) {
      verdict = inv.fromVerdict;
      bad = head;
      break;
    }
    depth = (store.level[head] ?? 0) + 1;
    k = 0;
    succ.expand(store.words, head * n, visit);
  }
  const stats = { distinct: store.count, transitions, diameter };
  const v: PackedVerdict | null = verdict;
  if (v === null || bad < 0) return { kind: full ? 'maxStates' : 'complete', ...stats };
  const path = packedPath(L, store.words, store.parent, store.via, bad, v.fetchHart);
  if (path.length > stats.diameter) stats.diameter = path.length;
  return { kind: 'violation', ...stats, property: v.property, message: v.message, path };
}
