/**
 * A packed engine's set of seen states whose key is short enough to be the hash table's slot
 * (at most {@link SLOT_KEY_BITS} bits, byteKeyPacker.ts): a look-up of a known state reads one
 * slot of 12 bytes, one cache line (rarely two), where PackedStore (packedStore.ts) reads its slot
 * and then the state's words elsewhere, two random reads. A slot is the key's three words, the
 * last bit set in every stored key (an empty slot is zero); it holds no id, so of a known state the
 * store says only whether it is the initial one ({@link lastInitial}). Its BFS queue is the packed
 * keys in the order found, unpacked once per state expanded ({@link unpackInto}). A search may
 * stage a state's successors' keys ({@link stage}), read their home slots one after another
 * ({@link takeStaged}: the cache misses overlap, and the slot is all a look-up reads) and then
 * admit them in order ({@link addStaged}); measured on the controller's large row, that is what
 * makes the short key pay (docs/exploration.md). Like PackedStore
 * it keeps per state its BFS depth, its parent's id and its event's index, and numbers states in
 * the order added, so a search over either finds the same states, ids and paths.
 */
import type { ByteKeyPacker } from './byteKeyPacker.ts';
import { doubled } from './packedStore.ts';
import type { PackFn } from './pieceCode.ts';

/** Bits of a key a slot holds (its last bit marks a slot in use); a longer key keeps PackedStore. */
export const SLOT_KEY_BITS = 95;

/** Words per slot: the key, unused words zero, with {@link IN_USE} set. */
const SLOT = 3;

/** The bit set in the last word of every stored key. */
const IN_USE = 1 << 31;

/** The seen states as packed keys in their table's slots (see above). */
export class SlotKeyStore {
  /** Words per packed key (at most {@link SLOT}). */
  private readonly k: number;
  private readonly packer: ByteKeyPacker;
  private readonly pack: PackFn;
  /** The last packed key ({@link SLOT} words, those past {@link k} zero). */
  private readonly key = new Int32Array(SLOT);
  /** A state's words, unpacked by {@link add} for the bounds. */
  private readonly unpacked: Int32Array;
  /** Per state id, its packed key at `id * k`: the BFS queue. */
  private keys: Int32Array;
  level: Int32Array;
  /** Per state id: its parent's id (-1 for the initial state) and the index of its event in the parent's alphabet. */
  parent: Int32Array;
  via: Int32Array;
  /** Whether the state the last {@link add} was given (new or already known) is the initial state (id 0). */
  lastInitial = false;
  /** The initial state's slot words (the first state added). */
  private i0 = 0;
  private i1 = 0;
  private i2 = 0;
  /**
   * The keys staged for {@link addStaged} ({@link SLOT} words each, {@link IN_USE} set), their
   * hashes, and how many there are (the index the next {@link stage} takes; only {@link stage}
   * and {@link takeStaged} change it).
   */
  private stagedKeys = new Int32Array(0);
  private stagedHash = new Int32Array(0);
  staged = 0;
  /** What the slots {@link takeStaged} read add up to (kept, so the reads are made). */
  private touched = 0;
  /** Slot s at `SLOT * s`: a key's words with {@link IN_USE}, or zero (empty). */
  private table: Int32Array;
  private mask: number;
  count = 0;

  /**
   * `initial`: states to make room for before the first grow (a power of two); the table starts
   * with twice as many slots and doubles past a load of 3/4.
   */
  constructor(packer: ByteKeyPacker, initial: number) {
    if (packer.bits > SLOT_KEY_BITS)
      throw new Error(`slot key store: a key of ${packer.bits} bits does not fit a slot`);
    this.packer = packer;
    this.pack = packer.pack;
    this.k = packer.keyWords;
    this.unpacked = new Int32Array(packer.stateWords);
    this.keys = new Int32Array(this.k * initial);
    this.level = new Int32Array(initial);
    this.parent = new Int32Array(initial);
    this.via = new Int32Array(initial);
    this.mask = 2 * initial - 1;
    this.table = new Int32Array(SLOT * (this.mask + 1));
  }

  /**
   * Adds the state of words `w` at BFS depth `depth`, reached from `from` by its event `k`,
   * unless it is known; true when it was new. A state whose bytes its key cannot hold, or (when
   * new) above their bounds, is refused with an error. (Not while states are staged.)
   */
  add(w: Int32Array, depth: number, from: number, k: number): boolean {
    if (this.staged !== 0) throw new Error('slot key store: an add while states are staged');
    this.stage(w, 1);
    this.staged = 0;
    return this.addStaged(0, this.unpacked, depth, from, k);
  }

  /** Stages the state of words `w` for {@link addStaged} (refusing one its key cannot hold), at most `room` per batch. */
  stage(w: Int32Array, room: number): void {
    if (this.stagedHash.length < room) {
      this.stagedKeys = new Int32Array(SLOT * room);
      this.stagedHash = new Int32Array(room);
    }
    const key = this.key;
    if (this.pack(w, key) !== 0) this.packer.refuseTruncated(w);
    const j = this.staged;
    const o = SLOT * j;
    const k0 = key[0] ?? 0;
    const k1 = key[1] ?? 0;
    const k2 = (key[2] ?? 0) | IN_USE;
    this.stagedKeys[o] = k0;
    this.stagedKeys[o + 1] = k1;
    this.stagedKeys[o + 2] = k2;
    this.stagedHash[j] = slotHash(k0, k1, k2);
    this.staged = j + 1;
  }

  /**
   * Reads the home slot of every staged key, one after another, so that their cache misses
   * overlap, and ends the batch: returns how many keys were staged, which stay readable by
   * {@link addStaged} until the next {@link stage}.
   */
  takeStaged(): number {
    const { table, mask, stagedHash } = this;
    const staged = this.staged;
    let t = 0;
    for (let j = 0; j < staged; j++) t ^= table[SLOT * ((stagedHash[j] ?? 0) & mask) + 2] ?? 0;
    this.touched ^= t;
    this.staged = 0;
    return staged;
  }

  /** {@link add} of the staged key `j` of the batch {@link takeStaged} ended (its state unpacked into `w` when new, for the bounds). */
  addStaged(j: number, w: Int32Array, depth: number, from: number, k: number): boolean {
    const o = SLOT * j;
    const sk = this.stagedKeys;
    const k0 = sk[o] ?? 0;
    const k1 = sk[o + 1] ?? 0;
    const k2 = sk[o + 2] ?? 0;
    const table = this.table;
    const mask = this.mask;
    let slot = ((this.stagedHash[j] ?? 0) - 1) & mask;
    let s = 0;
    for (;;) {
      slot = (slot + 1) & mask;
      s = SLOT * slot;
      const t2 = table[s + 2] ?? 0;
      if (t2 === 0) break;
      if (t2 === k2 && table[s] === k0 && table[s + 1] === k1) {
        this.lastInitial = k0 === this.i0 && k1 === this.i1 && k2 === this.i2;
        return false;
      }
    }
    this.unpackStaged(j, w);
    this.packer.refuseOutOfBounds(w);
    const id = this.count;
    if (id >= this.level.length) this.grow();
    const n = this.k;
    for (let i = 0; i < n; i++) this.keys[id * n + i] = sk[o + i] ?? 0;
    this.level[id] = depth;
    this.parent[id] = from;
    this.via[id] = k;
    table[s] = k0;
    table[s + 1] = k1;
    table[s + 2] = k2;
    this.count = id + 1;
    this.lastInitial = id === 0;
    if (this.count * 4 > 3 * mask) this.rehash();
    return true;
  }

  /** Writes the words of the staged key `j` into `w`. */
  unpackStaged(j: number, w: Int32Array): void {
    this.packer.unpack(this.stagedKeys, SLOT * j, w);
  }

  /** Writes the words of state `id` into `w`. */
  unpackInto(id: number, w: Int32Array): void {
    this.packer.unpack(this.keys, id * this.k, w);
  }

  /** Doubles the room for states (their keys, depths, parents and events). */
  private grow(): void {
    this.level = doubled(this.level);
    this.parent = doubled(this.parent);
    this.via = doubled(this.via);
    this.keys = doubled(this.keys);
  }

  /** Doubles the table, reading the old one in slot order (see packedStore.ts rehash). */
  private rehash(): void {
    const old = this.table;
    const table = new Int32Array(2 * old.length);
    const mask = 2 * this.mask + 1;
    for (let o = 0; o < old.length; o += SLOT) {
      const k2 = old[o + 2] ?? 0;
      if (k2 === 0) continue;
      const k0 = old[o] ?? 0;
      const k1 = old[o + 1] ?? 0;
      let slot = slotHash(k0, k1, k2) & mask;
      while (table[SLOT * slot + 2] !== 0) slot = (slot + 1) & mask;
      const s = SLOT * slot;
      table[s] = k0;
      table[s + 1] = k1;
      table[s + 2] = k2;
    }
    this.mask = mask;
    this.table = table;
  }
}

/** The hash of a slot's words (packedStore.ts's: one multiply per word, the bits mixed down at the end). */
function slotHash(k0: number, k1: number, k2: number): number {
  let h = Math.imul(0x811c9dc5 ^ k0, 0x9e3779b1);
  h = Math.imul(h ^ k1, 0x9e3779b1);
  h = Math.imul(h ^ k2, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
