/// <reference lib="es2024.sharedmemory" />
/**
 * The parallel explorer's visited set, one for all its worker threads: the state keys' 16-bit
 * units in shared memory, so a worker decides alone, without asking a peer, whether a successor
 * is new, and a key costs its thread no string kept on its heap. Its layout:
 *
 * - `heads`: 2^22 buckets, each the arena index of its chain's newest entry (0: none);
 * - `arena`: int 0 the next free index; from index 1, entries of HEADER ints (the next entry of
 *   the chain, the key's hash, its length) and then its units, two to an int. It is a growable
 *   SharedArrayBuffer: 4 GiB of address space reserved (less where the system refuses that), of
 *   which only a length starting at 16 MiB is usable, doubled by the thread whose claim runs past
 *   it (see {@link SharedKeySet.grow}). A search whose keys outgrow the reservation fails with an
 *   error that says so.
 *
 * An entry is written once, before it is published, and never changed: `add` writes a new key's
 * entry, links it in front of the chain it saw and publishes it with a compare-exchange of the
 * bucket's head. A failed exchange means another thread published into that bucket first: the
 * entries between the new head and the one it saw are compared, and the key is added again in
 * front of them unless one is the same. So of threads adding the same key, exactly one is told it
 * is new, and every thread sees a published entry whole (its writes come before the exchange that
 * its reader's load of the head observed). A key that lost a race leaves its unpublished entry in
 * the arena, unread.
 *
 * The same table serves as a map from keys to one int (sharedDrainStore.ts: a drain position's
 * steps to quiescence): buffers made with `values: 1` give each entry one more header int, -1 when
 * the entry is written, which {@link SharedKeySet.entryOfUnits}'s callers then read and write
 * with Atomics at the entry's index (stable across threads: the index a key was published at).
 */

/**
 * Ints in the arena's reservation: 4 GiB (where the system refuses that much, the most it gives).
 * Decision: a growable buffer, not one of a fixed 4 GiB. V8 reserves a growable buffer's maximum
 * as inaccessible address space mapped MAP_NORESERVE (`nr` in /proc/self/smaps), which Linux does
 * not charge to the commit, and makes it writable as it grows, still uncharged; a fixed 4 GiB buffer is zeroed writable memory charged in
 * full until it is collected, so a process that had run a few parallel searches could no longer
 * fork (spawn ENOMEM at 24 GB with six held; with eight growable ones held and grown to 256 MiB
 * each, Committed_AS did not move and spawnSync ran, measured 2026-12-07, Node 20.20).
 */
const ARENA_INTS = 2 ** 30;
/** The least arena reservation tried: 64 MiB. */
const LEAST_ARENA_INTS = 2 ** 24;
/** Ints usable in a new arena (16 MiB; less when the reservation is smaller). */
const FIRST_ARENA_INTS = 2 ** 22;
/** Chain heads: 2^22 of them (16 MiB), about a million keys to four million buckets here. */
const BUCKET_BITS = 22;
/** Ints of an entry before its units and values: the next entry of its chain, the key's hash, its length. */
const HEADER = 3;

/** The shared memory of a {@link SharedKeySet}: what the coordinator creates and each worker is given. */
export interface SharedKeyBuffers {
  readonly heads: SharedArrayBuffer;
  readonly arena: SharedArrayBuffer;
  /** Ints of each entry's value after its header (0: a set; 1: a map to one int, -1 at first). */
  readonly values: 0 | 1;
  /**
   * When the arena is full: 'fail' throws (a visited set cannot drop a key), 'forget' adds nothing
   * more ({@link SharedKeySet.entryOfUnits} answers 0: a memo that may stop remembering).
   */
  readonly whenFull: 'fail' | 'forget';
}

/** How {@link sharedKeyBuffers} lays out a table; the defaults are the visited set's. */
export interface SharedKeyLayout {
  readonly values?: 0 | 1;
  readonly whenFull?: 'fail' | 'forget';
  /** The most ints of arena reserved (a power of two; halved while the system refuses it). */
  readonly arenaInts?: number;
}

/** The memory of an empty shared key set (or key map: `layout`). */
export function sharedKeyBuffers(layout: SharedKeyLayout = {}): SharedKeyBuffers {
  const ints = layout.arenaInts ?? ARENA_INTS;
  const arena = reserve(ints, Math.min(ints, LEAST_ARENA_INTS));
  Atomics.store(new Int32Array(arena), 0, 1);
  return {
    heads: new SharedArrayBuffer(4 << BUCKET_BITS),
    arena,
    values: layout.values ?? 0,
    whenFull: layout.whenFull ?? 'fail',
  };
}

/**
 * A growable shared buffer of at most `ints` ints (at first {@link FIRST_ARENA_INTS} of them, or
 * all when fewer), or of at most half as many (and so on, down to `least`) when the reservation fails.
 */
function reserve(ints: number, least: number): SharedArrayBuffer {
  try {
    return new SharedArrayBuffer(4 * Math.min(ints, FIRST_ARENA_INTS), { maxByteLength: 4 * ints });
  } catch (e) {
    if (!(e instanceof RangeError) || ints <= least) throw e;
    return reserve(ints / 2, least);
  }
}

/** One thread's view of a visited set of string keys shared with the other threads (see above). */
export class SharedKeySet {
  private readonly heads: Int32Array;
  private readonly buffer: SharedArrayBuffer;
  /**
   * Views of the arena's usable length when this thread last looked ({@link refresh}). Decision:
   * views of a fixed length, renewed when the arena grows, not length-tracking ones: on Node 20 a
   * loop of loads and stores through a length-tracking view of a growable buffer ran 4 to 8 times
   * slower than through a view of a fixed buffer, one of a fixed length over it as fast.
   */
  private arena: Int32Array;
  private units: Uint16Array;
  /** Ints the arena may grow to (its reservation). */
  private readonly capacity: number;
  private readonly mask: number;
  /** Ints of an entry before its units: {@link HEADER} and its values. */
  private readonly header: number;
  private readonly values: 0 | 1;
  private readonly forget: boolean;
  /** {@link add}'s copy of a string key's units. */
  private scratch = new Uint16Array(256);

  constructor(buffers: SharedKeyBuffers) {
    this.heads = new Int32Array(buffers.heads);
    this.buffer = buffers.arena;
    this.arena = new Int32Array(0);
    this.units = new Uint16Array(0);
    this.capacity = Math.floor(buffers.arena.maxByteLength / 4);
    this.refresh();
    this.mask = this.heads.length - 1;
    this.values = buffers.values;
    this.header = HEADER + buffers.values;
    this.forget = buffers.whenFull === 'forget';
  }

  /**
   * {@link add} for a key left in a builder's units (StateSpace.keyUnits): the first `len` units
   * of `buf`, hashed and compared there, so no string is built (what {@link add} of their string
   * does). A UIPI worker's string keys cost it 1.2x the CPU of one thread (`done`, and the
   * hash and compare through charCodeAt); the sequential explorer keys UIPI by units too.
   */
  addUnits(buf: Uint16Array, len: number): boolean {
    return this.publish(buf, len) < 0;
  }

  /**
   * The arena index of the entry of the first `len` units of `buf`, added when no thread had (its
   * value then -1): the same index in every thread, for as long as the table lives; 0 when the key
   * is new and a 'forget' table is full.
   */
  entryOfUnits(buf: Uint16Array, len: number): number {
    const e = this.publish(buf, len);
    return e < 0 ? -e : e;
  }

  /**
   * The one definition of the hash, the compare and the publishing compare-exchange (see the
   * module comment): the entry of the key, negated when this call published it; 0 when it is new
   * and a 'forget' table is full.
   */
  private publish(buf: Uint16Array, len: number): number {
    const { heads } = this;
    const h = hashUnits(buf, len);
    const bucket = h & this.mask;
    let head = Atomics.load(heads, bucket);
    /** Where the entries already compared begin (0: the chain's end). */
    let compared = 0;
    let entry = 0;
    for (;;) {
      for (let e = head; e !== compared; e = this.arena[e] ?? 0)
        if (this.holdsUnits(e, buf, len, h)) return e;
      if (entry === 0) entry = this.storeUnits(buf, len, h);
      if (entry === 0) return 0;
      this.arena[entry] = head;
      const was = Atomics.compareExchange(heads, bucket, head, entry);
      if (was === head) return -entry;
      compared = head;
      head = was;
    }
  }

  /**
   * Whether entry `e` is the first `len` units of `buf` (hashed `h`). An entry another thread
   * published past this view's end is read after a {@link refresh}: its writer grew the arena over
   * all of it before publishing it. (An entry of another length is read no further than its header,
   * which ends before where an entry of `len` units would.)
   */
  private holdsUnits(e: number, buf: Uint16Array, len: number, h: number): boolean {
    if (e + this.header + ((len + 1) >> 1) > this.arena.length) this.refresh();
    const { arena, units } = this;
    if (arena[e + 1] !== h || arena[e + 2] !== len) return false;
    const at = 2 * (e + this.header);
    for (let i = 0; i < len; i++) if (units[at + i] !== buf[i]) return false;
    return true;
  }

  /** A new, unpublished entry for the first `len` units of `buf` (hashed `h`): its arena index (0: full, forgetting). */
  private storeUnits(buf: Uint16Array, len: number, h: number): number {
    const e = this.claim(len, h);
    if (e !== 0) this.units.set(buf.subarray(0, len), 2 * (e + this.header));
    return e;
  }

  /**
   * Adds `key`: true when no thread (this one included) had added it before. Its units are copied
   * into this view's scratch buffer and added by {@link addUnits}, so a string and its units are
   * one entry, hashed, compared and published by one definition.
   */
  add(key: string): boolean {
    return this.addUnits(this.unitsOf(key), key.length);
  }

  /** {@link entryOfUnits} for a string key (its units copied as {@link add} copies them). */
  entryOf(key: string): number {
    return this.entryOfUnits(this.unitsOf(key), key.length);
  }

  /** The units of `key`, copied into this view's scratch buffer (its first `key.length` units). */
  private unitsOf(key: string): Uint16Array {
    const len = key.length;
    if (len > this.scratch.length) this.scratch = new Uint16Array(Math.max(len, 2 * this.scratch.length));
    const buf = this.scratch;
    for (let i = 0; i < len; i++) buf[i] = key.charCodeAt(i);
    return buf;
  }

  /** The value of entry `e` (an index {@link entryOfUnits} gave, of a table with values): -1 until one is stored. */
  valueAt(e: number): number {
    return Atomics.load(this.arena, e + HEADER);
  }

  /** Stores the value of entry `e` (an index {@link entryOfUnits} gave, of a table with values). */
  storeValue(e: number, value: number): void {
    Atomics.store(this.arena, e + HEADER, value);
  }

  /**
   * Room in the arena for an entry of `len` units hashed `h`, its header written (its value -1):
   * its index. A full 'forget' table claims nothing (0), and stops moving its next free index once
   * that is past the end, so threads that keep missing cannot wrap it round.
   */
  private claim(len: number, h: number): number {
    const size = this.header + ((len + 1) >> 1);
    if (this.forget && Atomics.load(this.arena, 0) > this.capacity - size) return 0;
    const e = Atomics.add(this.arena, 0, size);
    if (e + size > this.capacity) {
      if (this.forget) return 0;
      throw new Error(
        `parallel explore: the shared visited set is full (${4 * this.capacity} bytes of keys)`,
      );
    }
    if (e + size > this.arena.length && !this.grow(e + size)) {
      if (this.forget) return 0;
      throw new Error(
        `parallel explore: the shared visited set could not grow past ${4 * this.arena.length} bytes`,
      );
    }
    const { arena } = this;
    arena[e + 1] = h;
    arena[e + 2] = len;
    if (this.values === 1) arena[e + HEADER] = -1;
    return e;
  }

  /**
   * Makes the arena at least `ints` ints long, doubling it (up to its reservation) when this call
   * is the one to grow it, and renews this thread's views: whether it is now that long. Threads
   * may grow it at once: a grow to less than another thread already made fails with a RangeError
   * and is tried again from the new length; one that fails while the length stays is the system
   * refusing memory.
   */
  private grow(ints: number): boolean {
    const { buffer } = this;
    for (let bytes = buffer.byteLength; bytes < 4 * ints; bytes = buffer.byteLength) {
      try {
        buffer.grow(Math.min(4 * this.capacity, Math.max(2 * bytes, 4 * ints)));
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        if (buffer.byteLength === bytes) break;
      }
    }
    this.refresh();
    return this.arena.length >= ints;
  }

  /** Renews this thread's views of the arena to its usable length now (other threads may have grown it). */
  private refresh(): void {
    const ints = Math.floor(this.buffer.byteLength / 4);
    this.arena = new Int32Array(this.buffer, 0, ints);
    this.units = new Uint16Array(this.buffer, 0, 2 * ints);
  }
}

/** FNV-1a over the first `len` units of `buf`, its bits mixed down at the end (the bucket is the low bits). */
function hashUnits(buf: Uint16Array, len: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ (buf[i] ?? 0), 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return h ^ (h >>> 13);
}
