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
/** Ints per slot: the entry + 1 (0: empty), its hash, its units' offset and length. */
const SLOT = 4;

export class KeyTable {
  private units = new Uint16Array(INITIAL * 16);
  /** Units stored. */
  private used = 0;
  /**
   * The open-addressing table (load at most 1/2). A slot holds all a lookup needs to compare a
   * key, so a hit reads the slot and the key's units, nothing else.
   */
  private table = new Int32Array(SLOT * 2 * INITIAL);
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
    const e = this.count;
    const o = this.used;
    if (o + len > this.units.length) {
      const grown = new Uint16Array(Math.max(o + len, 2 * this.units.length));
      grown.set(this.units);
      this.units = grown;
    }
    const stored = this.units;
    for (let i = 0; i < len; i++) stored[o + i] = buf[i] ?? 0;
    this.used = o + len;
    const t = this.table;
    t[SLOT * found] = e + 1;
    t[SLOT * found + 1] = h;
    t[SLOT * found + 2] = o;
    t[SLOT * found + 3] = len;
    this.count = e + 1;
    this.added = true;
    if (this.count * 2 > this.mask) this.rehash();
    return e;
  }

  /** Where the key of `len` units in `buf`, hashed `h`, is: -(its entry + 1), or else the empty slot it would go to. */
  private probe(buf: Uint16Array, len: number, h: number): number {
    const { table, mask, units } = this;
    // the step to the next slot first, taken on every call (as in packedStore.ts)
    let slot = (h - 1) & mask;
    for (;;) {
      slot = (slot + 1) & mask;
      const at = SLOT * slot;
      const e1 = table[at] ?? 0;
      if (e1 === 0) return slot;
      if (table[at + 1] !== h || table[at + 3] !== len) continue;
      const o = table[at + 2] ?? 0;
      let i = 0;
      while (i < len && units[o + i] === buf[i]) i++;
      if (i === len) return -e1;
    }
  }

  /** Twice the slots: every stored slot moved to its place in the new table. */
  private rehash(): void {
    const old = this.table;
    const mask = this.mask * 2 + 1;
    const table = new Int32Array(SLOT * (mask + 1));
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from] === 0) continue;
      let slot = (old[from + 1] ?? 0) & mask;
      while (table[SLOT * slot] !== 0) slot = (slot + 1) & mask;
      for (let i = 0; i < SLOT; i++) table[SLOT * slot + i] = old[from + i] ?? 0;
    }
    this.mask = mask;
    this.table = table;
  }
}

/** The hash of the first `len` units of `buf`: one multiply per unit, the bits mixed down once at the end. */
function hashUnits(buf: Uint16Array, len: number): number {
  let h = 0x811c9dc5 ^ len;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ (buf[i] ?? 0), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return h ^ (h >>> 13);
}
