/**
 * AssemblyScript: the seen states of a packed engine (the wakeup engines', the judged controller
 * engine's), which are also its BFS queue, a port of
 * engine/explore/packed/packedStore.ts: every distinct state is WIDTH bytes in one buffer in the
 * order found, an open-addressing table (slot → state id + 1 and the hash, linear probing, load
 * at most 1/2) finds duplicates, and per state its BFS depth, its parent's id and the index of its
 * event in the parent's successors. The loader reads WORDS, PARENT and VIA to build a path.
 */
import { alloc, copyState, moved, rehashed, sameState, WIDTH } from './wasmMemory';

export let WORDS: usize = 0;
export let LEVEL: usize = 0;
export let PARENT: usize = 0;
export let VIA: usize = 0;
export let COUNT: i32 = 0;
/** packedStore.ts `lastId`: the id of the state the last `storeAdd` found or added. */
export let LAST_ID: i32 = -1;
/** States the arrays have room for, the table's slot mask, and the table itself (2 i32 per slot). */
let cap: i32 = 0;
let mask: i32 = 0;
let TABLE: usize = 0;

/** packedStore.ts:54-63: an empty store with room for `room` states (a power of two) before its first grow. */
export function storeInit(room: i32): void {
  cap = room;
  mask = 2 * room - 1;
  WORDS = alloc(cap, WIDTH);
  LEVEL = alloc(cap, 4);
  PARENT = alloc(cap, 4);
  VIA = alloc(cap, 4);
  TABLE = alloc(mask + 1, 8);
  COUNT = 0;
}

function i32At(base: usize, i: i32): usize {
  return base + ((<usize>i) << 2);
}

/** packedStore.ts:66-117: adds the state at `w` (depth, parent, event index) unless known; true when it was new. */
export function storeAdd(w: usize, depth: i32, from: i32, k: i32): bool {
  const n = WIDTH >> 2;
  let h: u32 = 0x811c9dc5;
  let g: u32 = 0x2545f491;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    h = (h ^ load<u32>(i32At(w, i))) * 0x9e3779b1;
    g = (g ^ load<u32>(i32At(w, i + 1))) * 0x85ebca77;
  }
  if (i < n) h = (h ^ load<u32>(i32At(w, i))) * 0x9e3779b1;
  h = (h ^ g) * 0x9e3779b1;
  h ^= h >> 15;
  h = h * 0x85ebca6b;
  h ^= h >> 13;
  let slot = <i32>h & mask;
  for (;;) {
    const e = TABLE + ((<usize>slot) << 3);
    const id1 = load<i32>(e);
    if (id1 === 0) break;
    if (load<u32>(e, 4) === h && sameState(WORDS + <usize>(id1 - 1) * <usize>WIDTH, w)) {
      LAST_ID = id1 - 1;
      return false;
    }
    slot = (slot + 1) & mask;
  }
  const id = COUNT;
  if (id === cap) grow();
  copyState(WORDS + <usize>id * <usize>WIDTH, w);
  store<i32>(i32At(LEVEL, id), depth);
  store<i32>(i32At(PARENT, id), from);
  store<i32>(i32At(VIA, id), k);
  const e = TABLE + ((<usize>slot) << 3);
  store<i32>(e, id + 1);
  store<u32>(e, h, 4);
  COUNT = id + 1;
  LAST_ID = id;
  if (COUNT * 2 > mask) {
    TABLE = rehashed(TABLE, mask + 1);
    mask = mask * 2 + 1;
  }
  return true;
}

/** packedStore.ts:119-126: doubles the per-state arrays (the old ones are left unused). */
function grow(): void {
  const n = cap * 2;
  WORDS = moved(WORDS, cap, n, WIDTH);
  LEVEL = moved(LEVEL, cap, n, 4);
  PARENT = moved(PARENT, cap, n, 4);
  VIA = moved(VIA, cap, n, 4);
  cap = n;
}
