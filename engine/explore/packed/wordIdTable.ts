/**
 * A hash set of one-word packed keys (all 32 bits the key's), each with the id its caller gave it
 * when it was added. The slot is the key alone, 4 bytes, and the ids sit in an array beside the
 * slots, read only when the caller asks which id a known key has: KeySlotTable (keySlotTable.ts)
 * keeps a payload word in the slot, so a one-word key's slot is 8 bytes and its table twice as
 * large, and a look-up's cache miss (most of its cost) grows with the table (on this machine a
 * dependent random read costs about 20 ns within 4 MB and 40 ns at 8 MB). Open addressing, linear
 * probing, KeySlotTable's hash, load at most 3/4; a zero slot is empty, so the key 0 is kept
 * aside. It keeps no states: the caller numbers them and keeps their words.
 */

import { hashOf } from './keySlotTable.ts';

/** The one-word keys with their ids (see above). */
export class WordIdTable {
  /** Keys added. */
  count = 0;
  /** The slots: a key, or 0 (empty). */
  private keys: Int32Array;
  /** Per slot, its key's id. */
  private ids: Int32Array;
  /** Slots - 1 (a power of two - 1). */
  private mask: number;
  /** The key 0's id, or -1 while it is unknown (0 marks an empty slot, so it has none). */
  private zeroId = -1;
  /** A key word for the hash (hashOf reads its words from an array). */
  private readonly none = new Int32Array(0);

  /** `initialSlots`: a power of two, the table's size before it first grows. */
  constructor(initialSlots: number) {
    this.mask = initialSlots - 1;
    this.keys = new Int32Array(initialSlots);
    this.ids = new Int32Array(initialSlots);
  }

  /**
   * Adds `key` with `id` when it is new (then -1), else leaves it and returns where it is, for
   * {@link idAt}; that place is good until the next add (the table grows here, before a look-up).
   */
  add(key: number, id: number): number {
    if (key === 0) {
      if (this.zeroId >= 0) return this.mask + 1;
      this.zeroId = id;
      this.count++;
      return -1;
    }
    if (4 * this.count >= 3 * this.mask) this.grow();
    const { keys, mask } = this;
    // the step to the next slot comes first, so it runs on every call (as in packedStore.ts)
    let slot = (hashOf(this.none, 0, 0, key) - 1) & mask;
    for (;;) {
      slot = (slot + 1) & mask;
      const k = keys[slot];
      if (k === key) return slot;
      if (k === 0) {
        keys[slot] = key;
        this.ids[slot] = id;
        this.count++;
        return -1;
      }
    }
  }

  /** The id of the known key that {@link add} found at `at`. */
  idAt(at: number): number {
    return at > this.mask ? this.zeroId : (this.ids[at] ?? -1);
  }

  /** Doubles the table, reading the old one in slot order (see packedStore.ts rehash). */
  private grow(): void {
    const { keys: old, ids: oldIds } = this;
    const mask = 2 * this.mask + 1;
    const keys = new Int32Array(mask + 1);
    const ids = new Int32Array(mask + 1);
    for (let o = 0; o < old.length; o++) {
      const k = old[o] ?? 0;
      if (k === 0) continue;
      let slot = hashOf(this.none, 0, 0, k) & mask;
      while (keys[slot] !== 0) slot = (slot + 1) & mask;
      keys[slot] = k;
      ids[slot] = oldIds[o] ?? 0;
    }
    this.mask = mask;
    this.keys = keys;
    this.ids = ids;
  }
}
