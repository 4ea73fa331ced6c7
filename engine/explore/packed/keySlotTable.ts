/**
 * A hash set of short packed keys (fieldKeyPacker.ts) whose slot holds the key and the caller's
 * payload about it, so a look-up of a known key reads one slot (one cache line) and finds beside
 * the key what the caller wants to know about it; PackedStore (packedStore.ts) reads its slot and
 * then the state's words and payload elsewhere, two random reads. Open addressing, linear probing,
 * the key's words hashed by one multiply each (packedStore.ts's hash), load at most 3/4 (a probe
 * past the home slot mostly stays in its cache line). A slot is `stride` words (a power of two,
 * so no slot straddles two cache lines): the key, then the payload, whose first word the caller
 * keeps nonzero in a slot in use (zero marks an empty slot). A key whose last word has bits to
 * spare may keep the payload there instead, above the key's bits (no payload words: `small`'s
 * 36-bit key and its payload make an 8-byte slot rather than 16); the caller then keeps those bits
 * nonzero in use. It keeps no states: the caller numbers them and keeps their words.
 */

/** The set of keys with their payloads (see above). */
export class KeySlotTable {
  /** Words of a key. */
  readonly keyWords: number;
  /** Words of a slot: the key, then the payload (its first word nonzero in use), then padding. */
  readonly stride: number;
  /** The slots; replaced when the table grows, so read it after {@link find}. */
  slots: Int32Array;
  /** The offset in {@link slots} of the slot the last {@link find} found, or the empty one its key would take. */
  at = 0;
  count = 0;
  /** Slots - 1 (a power of two - 1). */
  private mask: number;
  /** The word of a slot that is nonzero in use: the payload's first, or the key's last when it holds the payload. */
  private readonly mark: number;
  /** The key's bits in its last word (the payload's above them, when it has no words of its own). */
  private readonly lastMask: number;

  /**
   * `payload`: its words after the key, or 0 to keep it in the key's last word above its low
   * `lastKeyBits` (fewer than 32). `initialSlots`: a power of two, the table's size before it first grows.
   */
  constructor(keyWords: number, payload: number, initialSlots: number, lastKeyBits = 32) {
    if (payload === 0 && lastKeyBits >= 32)
      throw new Error('key slot table: a payload kept in the key needs bits the key leaves free');
    this.keyWords = keyWords;
    let stride = 1;
    while (stride < keyWords + payload) stride *= 2;
    this.stride = stride;
    this.mark = payload === 0 ? keyWords - 1 : keyWords;
    this.lastMask = payload === 0 ? 2 ** lastKeyBits - 1 : -1;
    this.mask = initialSlots - 1;
    this.slots = new Int32Array(stride * initialSlots);
  }

  /**
   * Whether `key` is in the table; either way {@link at} is its slot (empty when not: the caller
   * then {@link claim}s it). The table grows here, before a look-up, never between a look-up and
   * the caller's use of its slot.
   */
  find(key: Int32Array): boolean {
    if (4 * this.count >= 3 * this.mask) this.grow();
    const last = this.keyWords - 1;
    const { slots, mask, stride, mark, lastMask } = this;
    const k = key[last] ?? 0;
    // the step to the next slot comes first, so it runs on every call (as in packedStore.ts)
    let slot = (hashOf(key, 0, last, k) - 1) & mask;
    for (;;) {
      slot = (slot + 1) & mask;
      const o = slot * stride;
      if (slots[o + mark] === 0) {
        this.at = o;
        return false;
      }
      let i = 0;
      while (i < last && slots[o + i] === key[i]) i++;
      if (i === last && ((slots[o + last] ?? 0) & lastMask) === k) {
        this.at = o;
        return true;
      }
    }
  }

  /** Writes `key`, which the last {@link find} did not find, into its slot; the caller then sets the payload (first word nonzero). */
  claim(key: Int32Array): void {
    const n = this.keyWords;
    const o = this.at;
    for (let i = 0; i < n; i++) this.slots[o + i] = key[i] ?? 0;
    this.count++;
  }

  /** Doubles the table, reading the old one in slot order (see packedStore.ts rehash). */
  private grow(): void {
    const old = this.slots;
    const { stride, mark, lastMask } = this;
    const last = this.keyWords - 1;
    const slots = new Int32Array(2 * old.length);
    const mask = 2 * this.mask + 1;
    for (let o = 0; o < old.length; o += stride) {
      if (old[o + mark] === 0) continue;
      let slot = hashOf(old, o, last, (old[o + last] ?? 0) & lastMask) & mask;
      while (slots[slot * stride + mark] !== 0) slot = (slot + 1) & mask;
      const to = slot * stride;
      for (let i = 0; i < stride; i++) slots[to + i] = old[o + i] ?? 0;
    }
    this.mask = mask;
    this.slots = slots;
  }
}

/**
 * The hash of a key: the `n` words of `w` from `at`, then its last word `last` (packedStore.ts's:
 * one multiply per word, mixed at the end).
 */
export function hashOf(w: Int32Array, at: number, n: number, last: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ (w[at + i] ?? 0), 0x9e3779b1);
  h = Math.imul(h ^ last, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
