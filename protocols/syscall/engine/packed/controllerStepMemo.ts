/**
 * The controller half of a packed syscall step, remembered: the controller model's step in bytes
 * (controllerByteStep.ts) and the controller byte judge (packedControllerJudge.ts) read and write
 * only the controller's packed node (the state and the controller ghost, the first `words` words
 * of a syscall node) and the access, so the controller node after an access, the access's value
 * and the verdict are a function of (controller node before, access). Many syscall states share
 * a controller node (they differ in rings and agents), so the packed syscall engine keeps that
 * function's results for the accesses that passed every controller property, in an
 * open-addressing table (linear probing, load at most 1/2), and copies a result instead of
 * stepping and judging again.
 */

/** Entries the table makes room for before its first grow. */
const INITIAL = 1 << 12;

/** The remembered controller steps (see above). */
export class ControllerStepMemo {
  /** Words of a controller node. */
  private readonly words: number;
  /** Per entry: the node before, the access id, the value, the node after (`2 * words + 2` words). */
  private entries: Int32Array;
  private hashes: Int32Array;
  /** Slot → entry id + 1 (0: empty). */
  private table: Int32Array;
  private mask: number;
  private count = 0;
  /** The entry {@link find} found. */
  private found = -1;

  constructor(words: number) {
    this.words = words;
    this.entries = new Int32Array(INITIAL * (2 * words + 2));
    this.hashes = new Int32Array(INITIAL);
    this.mask = 2 * INITIAL - 1;
    this.table = new Int32Array(this.mask + 1);
  }

  private hash(before: Int32Array, access: number): number {
    let h = Math.imul(0x811c9dc5 ^ access, 0x9e3779b1);
    for (let i = 0; i < this.words; i++) h = Math.imul(h ^ (before[i] ?? 0), 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca6b);
    return h ^ (h >>> 13);
  }

  /** Whether the step of `access` from the controller node at the start of `before` is remembered. */
  find(before: Int32Array, access: number): boolean {
    const h = this.hash(before, access);
    const w = this.words;
    const stride = 2 * w + 2;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const id1 = this.table[slot] ?? 0;
      if (id1 === 0) return false;
      if (this.hashes[id1 - 1] !== h) continue;
      const o = (id1 - 1) * stride;
      if (this.entries[o + w] !== access) continue;
      let i = 0;
      while (i < w && this.entries[o + i] === before[i]) i++;
      if (i === w) {
        this.found = id1 - 1;
        return true;
      }
    }
  }

  /** The value of the access {@link find} found; its controller node after is copied to the start of `after`. */
  recall(after: Int32Array): number {
    const w = this.words;
    const o = this.found * (2 * w + 2);
    for (let i = 0; i < w; i++) after[i] = this.entries[o + w + 2 + i] ?? 0;
    return this.entries[o + w + 1] ?? 0;
  }

  /** Remembers the step of `access` from the controller node of `before` to that of `after`, with its value. */
  remember(before: Int32Array, access: number, value: number, after: Int32Array): void {
    const w = this.words;
    const stride = 2 * w + 2;
    if ((this.count + 1) * stride > this.entries.length) this.grow();
    const id = this.count++;
    const o = id * stride;
    for (let i = 0; i < w; i++) this.entries[o + i] = before[i] ?? 0;
    this.entries[o + w] = access;
    this.entries[o + w + 1] = value;
    for (let i = 0; i < w; i++) this.entries[o + w + 2 + i] = after[i] ?? 0;
    const h = this.hash(before, access);
    this.hashes[id] = h;
    this.place(id, h);
    if (this.count * 2 > this.mask) this.rehash();
  }

  private place(id: number, h: number): void {
    let slot = h & this.mask;
    while ((this.table[slot] ?? 0) !== 0) slot = (slot + 1) & this.mask;
    this.table[slot] = id + 1;
  }

  private grow(): void {
    const entries = new Int32Array(this.entries.length * 2);
    entries.set(this.entries);
    this.entries = entries;
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  private rehash(): void {
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array(this.mask + 1);
    for (let id = 0; id < this.count; id++) this.place(id, this.hashes[id] ?? 0);
  }
}
