/**
 * A hash map from fixed-width keys of 32-bit words to 32-bit values, for the packed engines'
 * memos (the access judgments, the drains, the leads-to verdicts): keys are stored in one growing
 * buffer, found through an open-addressing table (the same multiplicative hash and linear probing
 * as packedStore.ts), so a lookup builds no string and allocates nothing.
 */

export class WordTable {
  /** Words per key. */
  private readonly n: number;
  private keys: Int32Array;
  private hashes: Int32Array;
  private values: Int32Array;
  /** Slot → entry + 1 (0: empty). */
  private table: Int32Array;
  private mask: number;
  count = 0;
  /** The entry the last {@link find} or {@link insert} was about. */
  private lastHash = 0;
  private lastSlot = 0;

  constructor(wordsPerKey: number, initial = 1 << 12) {
    this.n = wordsPerKey;
    this.keys = new Int32Array(wordsPerKey * initial);
    this.hashes = new Int32Array(initial);
    this.values = new Int32Array(initial);
    this.mask = 2 * initial - 1;
    this.table = new Int32Array(this.mask + 1);
  }

  /** The entry of the key `w` (its first `n` words from `off`), or -1; remembers where to insert it. */
  find(w: Int32Array, off: number): number {
    const n = this.n;
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) {
      h = Math.imul(h ^ (w[off + i] ?? 0), 0x9e3779b1);
      h ^= h >>> 15;
    }
    const { keys, table, mask } = this;
    // the step to the next slot comes first, so it runs on every call (as in packedStore.ts): a step
    // first taken after V8 optimised this (collisions are rare) would throw that code away
    let slot = (h - 1) & mask;
    for (;;) {
      slot = (slot + 1) & mask;
      const e1 = table[slot] ?? 0;
      if (e1 === 0) break;
      if (this.hashes[e1 - 1] === h) {
        const o = (e1 - 1) * n;
        let i = 0;
        while (i < n && keys[o + i] === w[off + i]) i++;
        if (i === n) return e1 - 1;
      }
    }
    this.lastHash = h;
    this.lastSlot = slot;
    return -1;
  }

  /** Inserts the key `w` that the last {@link find} did not find, with `value`; returns its entry. */
  insert(w: Int32Array, off: number, value: number): number {
    const e = this.count;
    const n = this.n;
    if ((e + 1) * n > this.keys.length) this.grow();
    for (let i = 0; i < n; i++) this.keys[e * n + i] = w[off + i] ?? 0;
    this.hashes[e] = this.lastHash;
    this.values[e] = value;
    this.table[this.lastSlot] = e + 1;
    this.count = e + 1;
    if (this.count * 2 > this.mask) this.rehash();
    return e;
  }

  /** Sets the value of entry `e`. */
  setValue(e: number, v: number): void {
    this.values[e] = v;
  }

  /** The value of entry `e`. */
  value(e: number): number {
    return this.values[e] ?? 0;
  }

  private grow(): void {
    const keys = new Int32Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }

  private rehash(): void {
    const mask = this.mask * 2 + 1;
    const table = new Int32Array(mask + 1);
    for (let e = 0; e < this.count; e++) {
      let slot = (this.hashes[e] ?? 0) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = e + 1;
    }
    this.mask = mask;
    this.table = table;
  }
}
