/**
 * The packed engine's set of seen states, which is also its BFS queue: every distinct state is
 * `width` bytes in one growing buffer of 32-bit words, in the order found; an open-addressing
 * hash table of state ids (a multiplicative hash over the state's words, its bits mixed down at
 * the end, linear probing, load at
 * most 1/2) finds duplicates without building a key; per state it keeps its BFS depth, its
 * parent's id and the index of its event in the parent's `enabled` list.
 */

/**
 * States the store has room for before its first grow (about 9 MB at 48 bytes a state, mostly
 * untouched pages until used). Preallocated: a grow copies every buffer, and the first one also
 * makes V8 drop the optimised code that assumed those fields never change; the small preset
 * (69,532 states) never grows, and its first search in a process is measurably faster for it.
 */
const INITIAL = 1 << 17;

/** A copy of `a` twice as long (a store's arrays grown). */
export function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The seen states in BFS order (one buffer of words) with their hash table (see above). */
export class PackedStore {
  /** Words per state's key (hashed and compared). */
  private readonly n: number;
  /**
   * Words per state in {@link words}: its key, then `payload` words the caller keeps beside it (not
   * hashed or compared, zero when added), so what the caller reads about a state it just found
   * lies in the cache line the comparison brought in.
   */
  readonly stride: number;
  words: Int32Array;
  level: Int32Array;
  /** Per state id: its parent's id (-1 for the initial state) and the index of its event in the parent's `enabled`. */
  parent: Int32Array;
  via: Int32Array;
  /** The id of the state the last {@link add} was given (new or already known). */
  lastId = -1;
  /**
   * Slot s → at 2s the state id + 1 (0: empty), at 2s + 1 its hash: a probe reads one cache line
   * before it compares a state's words.
   */
  private table: Int32Array;
  private mask: number;
  count = 0;

  /**
   * `initial`: the states to make room for before the first grow (a power of two; default
   * {@link INITIAL}); `payload`: words kept after each state's key (see {@link stride}).
   */
  constructor(widthBytes: number, initial = INITIAL, payload = 0) {
    this.n = widthBytes >> 2;
    this.stride = this.n + payload;
    this.mask = 2 * initial - 1;
    this.words = new Int32Array(this.stride * initial);
    this.level = new Int32Array(initial);
    this.parent = new Int32Array(initial);
    this.via = new Int32Array(initial);
    this.table = new Int32Array(2 * (this.mask + 1));
  }

  /** Adds the state `w` at BFS depth `depth`, reached from `from` by its event `k`, unless it is known; true when it was new. */
  add(w: Int32Array, depth: number, from: number, k: number): boolean {
    const n = this.n;
    // one multiply per word, the bits mixed down once at the end (cheaper than mixing every word)
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ (w[i] ?? 0), 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const words = this.words;
    const table = this.table;
    const mask = this.mask;
    // the step to the next slot comes first, so it runs on every call: a step first taken after V8
    // optimised this (collisions are rare while the table is nearly empty) would throw that code away
    let slot = (h - 1) & mask;
    for (;;) {
      slot = (slot + 1) & mask;
      const id1 = table[2 * slot] ?? 0;
      if (id1 === 0) break;
      if (table[2 * slot + 1] === h) {
        const o = (id1 - 1) * this.stride;
        let i = 0;
        while (i < n && words[o + i] === w[i]) i++;
        if (i === n) {
          this.lastId = id1 - 1;
          return false;
        }
      }
    }
    const id = this.count;
    const stride = this.stride;
    if ((id + 1) * stride > words.length) this.grow();
    if (stride === n) this.words.set(w, id * n);
    else for (let i = 0; i < n; i++) this.words[id * stride + i] = w[i] ?? 0;
    this.level[id] = depth;
    this.parent[id] = from;
    this.via[id] = k;
    table[2 * slot] = id + 1;
    table[2 * slot + 1] = h;
    this.count = id + 1;
    this.lastId = id;
    if (this.count * 2 > mask) this.rehash();
    return true;
  }

  private grow(): void {
    const words = new Int32Array(this.words.length * 2);
    words.set(this.words);
    this.words = words;
    this.level = doubled(this.level);
    this.parent = doubled(this.parent);
    this.via = doubled(this.via);
  }

  /**
   * Doubles the table, reading the old one in slot order: an entry's home slot in the new table is
   * its old home or that plus the old size, so the writes move forward through two windows
   * instead of landing at random (by state id they missed the caches once per state).
   */
  private rehash(): void {
    const old = this.table;
    const slots = this.mask + 1;
    const mask = this.mask * 2 + 1;
    const table = new Int32Array(2 * (mask + 1));
    for (let s = 0; s < slots; s++) {
      const id1 = old[2 * s] ?? 0;
      if (id1 === 0) continue;
      const h = old[2 * s + 1] ?? 0;
      let slot = h & mask;
      while (table[2 * slot] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = id1;
      table[2 * slot + 1] = h;
    }
    this.mask = mask;
    this.table = table;
  }
}
