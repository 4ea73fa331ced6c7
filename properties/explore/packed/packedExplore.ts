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
import { encodeSystem, type PackedLayout, packedLayout } from './packedLayout.ts';
import type { PackedMutation } from './packedMutation.ts';
import { packedPath } from './packedPath.ts';
import { PackedSuccessors, type PackedVisitor } from './packedSuccessors.ts';

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

/**
 * States the store has room for before its first grow (about 9 MB at 48 bytes a state, mostly
 * untouched pages until used). Preallocated: a grow copies every buffer, and the first one also
 * makes V8 drop the optimised code that assumed those fields never change; the small preset
 * (69,532 states) never grows, and its first search in a process is measurably faster for it.
 */
const INITIAL = 1 << 17;

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
  private mask = 2 * INITIAL - 1;
  count = 0;

  constructor(widthBytes: number) {
    this.n = widthBytes >> 2;
    this.words = new Int32Array(this.n * INITIAL);
    this.hashes = new Int32Array(INITIAL);
    this.level = new Int32Array(INITIAL);
    this.parent = new Int32Array(INITIAL);
    this.via = new Int32Array(INITIAL);
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

/**
 * One search: its counters and the successor visitor. A class with a `visit` method rather than a
 * closure over locals, so every search runs the same optimised code (see PackedVisitor).
 */
class PackedSearch implements PackedVisitor {
  readonly store: PackedStore;
  readonly succ: PackedSuccessors;
  readonly inv: PackedInvariants | null;
  readonly maxStates: number;
  transitions = 0;
  diameter = 0;
  /** The BFS depth of the successors being visited, and the id of the state being expanded. */
  depth = 0;
  head = 0;
  /** The index, in `enabled` of the state being expanded, of the successor being visited. */
  k = 0;
  full = false;
  /** The first state found violating an invariant (-1: none), and its verdict. */
  bad = -1;
  verdict: PackedVerdict | null = null;

  constructor(L: PackedLayout, opts: PackedOptions) {
    this.store = new PackedStore(L.width);
    this.succ = new PackedSuccessors(L, opts.mutation);
    this.inv = opts.invariants === false ? null : new PackedInvariants(L);
    this.maxStates = opts.maxStates ?? Number.POSITIVE_INFINITY;
  }

  visit(): void {
    this.transitions++;
    const i = this.k++;
    if (this.full || this.bad >= 0) return;
    const { store, depth } = this;
    if (!store.add(this.succ.words, depth, this.head, i)) return;
    if (depth > this.diameter) this.diameter = depth;
    const id = store.count - 1;
    this.judge(this.succ.b, id);
    if (store.count >= this.maxStates) this.full = true;
  }

  /** Judges the new state `b`, found as state `id`. */
  judge(b: Uint8Array, id: number): void {
    if (this.inv === null) return;
    const v = this.inv.judge(b, id);
    if (v === null) return;
    this.verdict = v;
    this.bad = id;
  }

  /** Breadth-first search from `init` until the space is exhausted, `maxStates` or a violation. */
  run(init: Uint8Array): void {
    const { store, succ } = this;
    const n = init.length >> 2;
    store.add(new Int32Array(init.buffer, init.byteOffset, n), 0, -1, -1);
    this.judge(init, 0);
    if (store.count >= this.maxStates) this.full = true;
    for (let head = 0; head < store.count && !this.full && this.bad < 0; head++) {
      // a step invariant judged on this state when it was found fails on its first step from it
      if (this.inv !== null && this.inv.failsFrom === head) {
        this.verdict = this.inv.fromVerdict;
        this.bad = head;
        break;
      }
      this.head = head;
      this.depth = (store.level[head] ?? 0) + 1;
      this.k = 0;
      succ.expand(store.words, head * n, this);
    }
  }
}

/** Explores the wakeup model on `cfg` over packed states, judging the state invariants (see above). */
export function explorePacked(cfg: Config, opts: PackedOptions = {}): PackedOutcome {
  const L = packedLayout(cfg);
  const search = new PackedSearch(L, opts);
  search.run(encodeSystem(L, initialSystem(cfg)));
  const { store, verdict, bad } = search;
  const stats = { distinct: store.count, transitions: search.transitions, diameter: search.diameter };
  if (verdict === null || bad < 0) return { kind: search.full ? 'maxStates' : 'complete', ...stats };
  const path = packedPath(L, store.words, store.parent, store.via, bad, verdict.fetchHart);
  if (path.length > stats.diameter) stats.diameter = path.length;
  return { kind: 'violation', ...stats, property: verdict.property, message: verdict.message, path };
}
