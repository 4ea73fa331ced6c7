/**
 * AssemblyScript: the admitted nodes, a port of uipiPackedNodes.ts: per node, numbered in the
 * order admitted, its key words, its ghost words (owed masks, then credits) and its BFS level, in
 * arrays that double as they fill (the old ones left unused: memory is never freed); and the
 * word hash every table of the engine uses (packedStore.ts's mix, a word at a time).
 */
import { moved } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import { alloc, copyWords, G, K, wAt, wSet } from './uipiWasmLayout';

/** Per node: key words at id·K, ghost words at id·G (uipiPackedNodes.ts:399-404), its level and parent at id (uipiPackedExplore.ts:102-103). */
export let WORDS: usize = 0;
let GHOSTS: usize = 0;
export let LEVEL: usize = 0;
export let PARENT: usize = 0;
/** Per node: the admitted node its drain chains to (uipiWasmDrain.ts `drainAll`), or -1. */
export let NEXT: usize = 0;
/** Per node: the steps from its start to its drain's end once its leads-to check passed, else -1 (-2: being settled; uipiWasmDrain.ts). */
export let DRAINED: usize = 0;
/** Nodes numbered: the next one's id. */
export let COUNT: i32 = 0;
let cap: i32 = 0;

/** An empty store with room for `room` nodes before its first grow. */
export function nodesInit(room: i32): void {
  cap = room;
  WORDS = alloc(cap, K << 2);
  GHOSTS = alloc(cap, G << 2);
  LEVEL = alloc(cap, 4);
  PARENT = alloc(cap, 4);
  NEXT = alloc(cap, 4);
  DRAINED = alloc(cap, 4);
  COUNT = 0;
}

/** uipiPackedNodes.ts:415-426 (`add`): numbers the node with key words at `w`, ghost at `g`, found at `level` from `parent`: its id. */
export function nodesAdd(w: usize, g: usize, level: i32, parent: i32): i32 {
  const id = COUNT;
  if (id === cap) grow();
  copyWords(wordsOf(id), w, K);
  copyWords(ghostOf(id), g, G);
  wSet(LEVEL, id, level);
  wSet(PARENT, id, parent);
  wSet(NEXT, id, -1);
  wSet(DRAINED, id, -1);
  COUNT = id + 1;
  return id;
}

/** Where node `id`'s key words are. */
export function wordsOf(id: i32): usize {
  return WORDS + <usize>id * ((<usize>K) << 2);
}

/** Where node `id`'s ghost words are. */
export function ghostOf(id: i32): usize {
  return GHOSTS + <usize>id * ((<usize>G) << 2);
}

/** Doubles the per-node arrays. */
function grow(): void {
  const n = cap * 2;
  WORDS = moved(WORDS, cap, n, K << 2);
  GHOSTS = moved(GHOSTS, cap, n, G << 2);
  LEVEL = moved(LEVEL, cap, n, 4);
  PARENT = moved(PARENT, cap, n, 4);
  NEXT = moved(NEXT, cap, n, 4);
  DRAINED = moved(DRAINED, cap, n, 4);
  cap = n;
}

/** Whether the `n` words at `a` and `b` are equal. */
export function sameWords(a: usize, b: usize, n: i32): bool {
  for (let i = 0; i < n; i++) if (wAt(a, i) !== wAt(b, i)) return false;
  return true;
}

/** The hash of the `n` words at `p` mixed into `h` (start from {@link HASH_SEED}, end with {@link hashEnd}). */
export function hashWords(h: u32, p: usize, n: i32): u32 {
  let x = h;
  for (let i = 0; i < n; i++) x = (x ^ <u32>wAt(p, i)) * 0x9e3779b1;
  return x;
}

/** Where {@link hashWords} starts. */
export const HASH_SEED: u32 = 0x811c9dc5;

/** The hash's final mix (packedStore.ts's). */
export function hashEnd(h: u32): u32 {
  let x = h;
  x ^= x >> 15;
  x = x * 0x85ebca6b;
  x ^= x >> 13;
  return x;
}
