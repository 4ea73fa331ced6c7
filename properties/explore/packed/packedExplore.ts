/**
 * Breadth-first exploration of the wakeup model alone over packed states (the `packed` engine):
 * every distinct state is `width` bytes in one growing buffer, in BFS order, so that buffer is
 * both the set of seen states and the queue; an open-addressing hash table of state ids (a
 * multiplicative hash over the state's 32-bit words, linear probing, load ≤ 1/2) finds duplicates
 * without building a key. No property is judged: it answers how many states, transitions and
 * levels the model has, as the explorer does with no properties selected
 * (test/explore/packed.test.ts checks they agree).
 */
import type { Config } from '../../../model/config/config.ts';
import { initialSystem } from '../../../model/wakeup/boot.ts';
import { encodeSystem, packedLayout } from './packedLayout.ts';
import { PackedSuccessors } from './packedSuccessors.ts';

export interface PackedOutcome {
  readonly kind: 'complete' | 'maxStates';
  readonly distinct: number;
  readonly transitions: number;
  readonly diameter: number;
}

export interface PackedOptions {
  /** Stop once this many distinct states are known. */
  readonly maxStates?: number;
}

/** The seen states in BFS order (one buffer of words) with their hash table (see above). */
class PackedStore {
  /** Words per state. */
  private readonly n: number;
  words: Int32Array;
  private hashes: Int32Array;
  level: Int32Array;
  /** Slot → state id + 1 (0: empty). */
  private table: Int32Array;
  private mask = (1 << 17) - 1;
  count = 0;

  constructor(widthBytes: number) {
    this.n = widthBytes >> 2;
    // room for 64Ki states (a few MB) before the first grow and rehash
    this.words = new Int32Array(this.n * 65536);
    this.hashes = new Int32Array(65536);
    this.level = new Int32Array(65536);
    this.table = new Int32Array(this.mask + 1);
  }

  /** Adds the state `w` at BFS depth `depth` unless it is known; true when it was new. */
  add(w: Int32Array, depth: number): boolean {
    const n = this.n;
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) {
      h = Math.imul(h ^ (w[i] ?? 0), 0x9e3779b1);
      h ^= h >>> 15;
    }
    const words = this.words;
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const id1 = table[slot] ?? 0;
      if (id1 === 0) break;
      if (this.hashes[id1 - 1] === h) {
        const o = (id1 - 1) * n;
        let i = 0;
        while (i < n && words[o + i] === w[i]) i++;
        if (i === n) return false;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.count;
    if ((id + 1) * n > words.length) this.grow();
    this.words.set(w, id * n);
    this.hashes[id] = h;
    this.level[id] = depth;
    table[slot] = id + 1;
    this.count = id + 1;
    if (this.count * 2 > mask) this.rehash();
    return true;
  }

  private grow(): void {
    const words = new Int32Array(this.words.length * 2);
    words.set(this.words);
    this.words = words;
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const level = new Int32Array(this.level.length * 2);
    level.set(this.level);
    this.level = level;
  }

  private rehash(): void {
    const mask = this.mask * 2 + 1;
    const table = new Int32Array(mask + 1);
    for (let id = 0; id < this.count; id++) {
      let slot = (this.hashes[id] ?? 0) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.mask = mask;
    this.table = table;
  }
}

/** Explores the wakeup model on `cfg` over packed states (see above). */
export function explorePacked(cfg: Config, opts: PackedOptions = {}): PackedOutcome {
  const maxStates = opts.maxStates ?? Number.POSITIVE_INFINITY;
  const L = packedLayout(cfg);
  const succ = new PackedSuccessors(L);
  const store = new PackedStore(L.width);
  let transitions = 0;
  let diameter = 0;
  let depth = 0;
  let full = false;
  const visit = (): void => {
    transitions++;
    if (full) return;
    if (!store.add(succ.words, depth)) return;
    if (depth > diameter) diameter = depth;
    if (store.count >= maxStates) full = true;
  };
  const init = encodeSystem(L, initialSystem(cfg));
  store.add(new Int32Array(init.buffer, init.byteOffset, L.width >> 2), 0);
  if (store.count >= maxStates) full = true;
  for (let head = 0; head < store.count && !full; head++) {
    depth = (store.level[head] ?? 0) + 1;
    succ.expand(store.words, head * (L.width >> 2), visit);
  }
  return { kind: full ? 'maxStates' : 'complete', distinct: store.count, transitions, diameter };
}
