/**
 * The parallel explorer's visited set, one for all its worker threads: the state keys' 16-bit
 * units in shared memory, so a worker decides alone, without asking a peer, whether a successor
 * is new, and a key costs its thread no string kept on its heap. Its layout:
 *
 * - `heads`: 2^22 buckets, each the arena index of its chain's newest entry (0: none);
 * - `arena`: int 0 the next free index; from index 1, entries of HEADER ints (the next entry of
 *   the chain, the key's hash, its length) and then its units, two to an int. 4 GiB are reserved
 *   at once (less where the system refuses that); the system commits the pages as entries fill
 *   them. A search whose keys outgrow it fails with an error that says so.
 *
 * An entry is written once, before it is published, and never changed: `add` writes a new key's
 * entry, links it in front of the chain it saw and publishes it with a compare-exchange of the
 * bucket's head. A failed exchange means another thread published into that bucket first: the
 * entries between the new head and the one it saw are compared, and the key is added again in
 * front of them unless one is the same. So of threads adding the same key, exactly one is told it
 * is new, and every thread sees a published entry whole (its writes come before the exchange that
 * its reader's load of the head observed). A key that lost a race leaves its unpublished entry in
 * the arena, unread.
 */

/** Ints in the arena: 4 GiB (where the system refuses that much, the most it gives). */
const ARENA_INTS = 2 ** 30;
/** The least arena tried: 64 MiB. */
const LEAST_ARENA_INTS = 2 ** 24;
/** Chain heads: 2^22 of them (16 MiB), about a million keys to four million buckets here. */
const BUCKET_BITS = 22;
/** Ints of an entry before its units: the next entry of its chain, the key's hash, its length. */
const HEADER = 3;

/** The shared memory of a {@link SharedKeySet}: what the coordinator creates and each worker is given. */
export interface SharedKeyBuffers {
  readonly heads: SharedArrayBuffer;
  readonly arena: SharedArrayBuffer;
}

/** The memory of an empty shared key set. */
export function sharedKeyBuffers(): SharedKeyBuffers {
  const arena = reserve(ARENA_INTS);
  Atomics.store(new Int32Array(arena), 0, 1);
  return { heads: new SharedArrayBuffer(4 << BUCKET_BITS), arena };
}

/** A shared buffer of `ints` ints, or of half as many (and so on) when the allocation fails. */
function reserve(ints: number): SharedArrayBuffer {
  try {
    return new SharedArrayBuffer(4 * ints);
  } catch (e) {
    if (!(e instanceof RangeError) || ints <= LEAST_ARENA_INTS) throw e;
    return reserve(ints / 2);
  }
}

/** One thread's view of a visited set of string keys shared with the other threads (see above). */
export class SharedKeySet {
  private readonly heads: Int32Array;
  private readonly arena: Int32Array;
  private readonly units: Uint16Array;
  private readonly mask: number;
  /** {@link add}'s copy of a string key's units. */
  private scratch = new Uint16Array(256);

  constructor(buffers: SharedKeyBuffers) {
    this.heads = new Int32Array(buffers.heads);
    this.arena = new Int32Array(buffers.arena);
    this.units = new Uint16Array(buffers.arena);
    this.mask = this.heads.length - 1;
  }

  /**
   * {@link add} for a key left in a builder's units (StateSpace.keyUnits): the first `len` units
   * of `buf`, hashed and compared there, so no string is built (what {@link add} of their string
   * does). A UIPI worker's string keys cost it 1.2x the CPU of one thread (`done`, and the
   * hash and compare through charCodeAt); the sequential explorer keys UIPI by units too.
   */
  addUnits(buf: Uint16Array, len: number): boolean {
    const { heads, arena } = this;
    const h = hashUnits(buf, len);
    const bucket = h & this.mask;
    let head = Atomics.load(heads, bucket);
    /** Where the entries already compared begin (0: the chain's end). */
    let compared = 0;
    let entry = 0;
    for (;;) {
      for (let e = head; e !== compared; e = arena[e] ?? 0) if (this.holdsUnits(e, buf, len, h)) return false;
      if (entry === 0) entry = this.storeUnits(buf, len, h);
      arena[entry] = head;
      const was = Atomics.compareExchange(heads, bucket, head, entry);
      if (was === head) return true;
      compared = head;
      head = was;
    }
  }

  /** Whether entry `e` is the first `len` units of `buf` (hashed `h`). */
  private holdsUnits(e: number, buf: Uint16Array, len: number, h: number): boolean {
    const { arena, units } = this;
    if (arena[e + 1] !== h || arena[e + 2] !== len) return false;
    const at = 2 * (e + HEADER);
    for (let i = 0; i < len; i++) if (units[at + i] !== buf[i]) return false;
    return true;
  }

  /** A new, unpublished entry for the first `len` units of `buf` (hashed `h`): its arena index. */
  private storeUnits(buf: Uint16Array, len: number, h: number): number {
    const e = this.claim(len, h);
    this.units.set(buf.subarray(0, len), 2 * (e + HEADER));
    return e;
  }

  /**
   * Adds `key`: true when no thread (this one included) had added it before. Its units are copied
   * into this view's scratch buffer and added by {@link addUnits}, so a string and its units are
   * one entry, hashed, compared and published by one definition.
   */
  add(key: string): boolean {
    const len = key.length;
    if (len > this.scratch.length) this.scratch = new Uint16Array(Math.max(len, 2 * this.scratch.length));
    const buf = this.scratch;
    for (let i = 0; i < len; i++) buf[i] = key.charCodeAt(i);
    return this.addUnits(buf, len);
  }

  /** Room in the arena for an entry of `len` units hashed `h`, its header written: its index. */
  private claim(len: number, h: number): number {
    const { arena } = this;
    const size = HEADER + ((len + 1) >> 1);
    const e = Atomics.add(arena, 0, size);
    if (e + size > arena.length)
      throw new Error(`parallel explore: the shared visited set is full (${4 * arena.length} bytes of keys)`);
    arena[e + 1] = h;
    arena[e + 2] = len;
    return e;
  }
}

/** FNV-1a over the first `len` units of `buf`, its bits mixed down at the end (the bucket is the low bits). */
function hashUnits(buf: Uint16Array, len: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ (buf[i] ?? 0), 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return h ^ (h >>> 13);
}
