/**
 * A set of {@link KeyBuilder} keys that never builds their strings: each key's 16-bit units are
 * copied once into one growing buffer, and an open-addressing hash table (a multiplicative hash
 * over the units, its bits mixed down at the end, linear probing, load at most 1/2) finds them,
 * so looking a key up allocates nothing. Each key gets a dense id (0, 1, … in the order added),
 * by which its users keep whatever they store about it (a covering antichain, a drain's
 * remaining steps). The same key in the same units is the same entry: exactly what a Set of the
 * keys' strings would say, without the strings and their garbage.
 */

import type { KeyBuilder } from './keyBuilder.ts';

/** Keys the table has room for before it first grows. */
const INITIAL = 1 << 14;

export class KeyTable {
  private units = new Uint16Array(INITIAL * 16);
  /** Entry e's units are units[start[e] .. start[e + 1]). */
  private start = new Int32Array(INITIAL + 1);
  private hashes = new Int32Array(INITIAL);
  /** Slot s → at 2s the entry + 1 (0: empty), at 2s + 1 its hash. */
  private table = new Int32Array(4 * INITIAL);
  private mask = 2 * INITIAL - 1;
  /** Keys stored. */
  count = 0;
  /** Whether the last {@link id} call added its key. */
  added = false;

  /** The id of the key `kb` holds, adding it when new ({@link added} says which). */
  id(kb: KeyBuilder): number {
    const buf = kb.units;
    const len = kb.size;
    const h = hashUnits(buf, len);
    const found = this.probe(buf, len, h);
    if (found < 0) {
      this.added = false;
      return -found - 1;
    }
    const slot = found;
    const mask = this.mask;
    const e = this.count;
    if (e === this.hashes.length) {
      this.start = widened(this.start, 2 * e + 1);
      this.hashes = widened(this.hashes, 2 * e);
    }
    const o = this.start[e] ?? 0;
    if (o + len > this.units.length)
      this.units = widened(this.units, Math.max(o + len, 2 * this.units.length));
    const stored = this.units;
    for (let i = 0; i < len; i++) stored[o + i] = buf[i] ?? 0;
    this.start[e + 1] = o + len;
    this.hashes[e] = h;
    this.count = e + 1;
    this.added = true;
    if (this.count * 2 > mask) {
      // twice the slots: every entry placed again from its hash
      this.mask = mask * 2 + 1;
      this.table = new Int32Array(2 * (this.mask + 1));
      for (let x = 0; x < this.count; x++) this.place(x, this.hashes[x] ?? 0, (this.hashes[x] ?? 0) - 1);
    } else this.place(e, h, slot - 1);
    return e;
  }

  /** Where the key of `len` units in `buf`, hashed `h`, is: -(its entry + 1), or else the empty slot it would go to. */
  private probe(buf: Uint16Array, len: number, h: number): number {
    const { table, mask } = this;
    // the step to the next slot first, taken on every call (as in packedStore.ts)
    let slot = (h - 1) & mask;
    for (;;) {
      slot = (slot + 1) & mask;
      const e = (table[2 * slot] ?? 0) - 1;
      if (e < 0) return slot;
      if (table[2 * slot + 1] === h && this.holds(e, buf, len)) return -e - 1;
    }
  }

  /** Whether entry `e` is the key of `len` units in `buf`. */
  private holds(e: number, buf: Uint16Array, len: number): boolean {
    const o = this.start[e] ?? 0;
    if ((this.start[e + 1] ?? 0) - o !== len) return false;
    const units = this.units;
    for (let i = 0; i < len; i++) if (units[o + i] !== buf[i]) return false;
    return true;
  }

  /** Puts entry `e` (hashed `h`) in the first empty slot after `from`. */
  private place(e: number, h: number, from: number): void {
    const { table, mask } = this;
    let slot = from & mask;
    do slot = (slot + 1) & mask;
    while (table[2 * slot] !== 0);
    table[2 * slot] = e + 1;
    table[2 * slot + 1] = h;
  }
}

/** The hash of the first `len` units of `buf`: one multiply per unit, the bits mixed down once at the end. */
function hashUnits(buf: Uint16Array, len: number): number {
  let h = 0x811c9dc5 ^ len;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ (buf[i] ?? 0), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** A copy of `a` lengthened to `length` (zeros after its contents). */
function widened<T extends Int32Array | Uint16Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
