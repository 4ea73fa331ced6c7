/**
 * AssemblyScript: the controller judge's passing verdicts on wakeup steps, remembered, a port of
 * controllerJudgeMemo.ts (its module comment says why this is sound): a node is a state's
 * controller bytes (bytes 0 .. HARTS) and ghost words, interned in one open-addressing table; per
 * node a row with one slot per access the wakeup system can make (`accessSlot`), holding the node
 * of the `next` the access was judged on with its ghost after the judge. A step is taken from the
 * memo only when its key is found, `next`'s controller bytes are that node's and `next`'s ghost is
 * still `cur`'s; then the remembered ghost is copied into `next`. The state expanded is at CUR,
 * its successor at B (wasmSuccessors.ts), whose GENERATION says when CUR holds another state.
 */

import { rehashed } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import { GHOST_START } from './wasmGhost';
import { alloc, DEVICES, HARTS, PRIORITIES, PROCESSES, TASK_POOL, WIDTH } from './wasmLayout';
import { ACC_DEQUEUE, ACC_ENQUEUE, ACC_IRQ, ACC_REGISTER, ACC_STATUS, GENERATION } from './wasmSuccessors';

/** controllerJudgeMemo.ts:55-66: words of the controller bytes, the last one's mask, the ghost words, a node's words. */
let CW: i32 = 0;
let LAST_MASK: u32 = 0;
let G0: i32 = 0;
let GW: i32 = 0;
let NW: i32 = 0;
/** Nodes interned, and room for them; their words; the node table (slot → id + 1, hash); the rows. */
let nodes: i32 = 0;
let room: i32 = 0;
let NODE_WORDS: usize = 0;
let TABLE: usize = 0;
let tableMask: i32 = 0;
let STEPS: usize = 0;
let ROW: i32 = 0;
/** controllerJudgeMemo.ts:70-74: where each access's slots start in a row. */
let AT_STATUS: i32 = 0;
let AT_ENQUEUE: i32 = 0;
let AT_REGISTER: i32 = 0;
let AT_DEQUEUE: i32 = 0;
/** A node's key being looked up (NW words). */
let KEY: usize = 0;
/** controllerJudgeMemo.ts:80-86: the slot a missed recall may be remembered in, the node of CUR and its generation, and whether it may. */
let slotAt: i32 = 0;
let curGen: i32 = -1;
let curNode: i32 = -1;
let fresh = false;

function w32(base: usize, i: i32): usize {
  return base + ((<usize>i) << 2);
}

/**
 * controllerJudgeMemo.ts:89-113: an empty memo for the layout set (its offsets and the state
 * width), with room for `initialNodes` nodes (a power of two) before its first grow.
 */
export function memoInit(initialNodes: i32): void {
  const ctrlBytes = HARTS;
  CW = (ctrlBytes + 3) >> 2;
  const lastBytes = ctrlBytes - 4 * (CW - 1);
  LAST_MASK = lastBytes >= 4 ? 0xffffffff : ((<u32>1) << (<u32>(8 * lastBytes))) - 1;
  if ((GHOST_START & 3) !== 0) unreachable(); // 'the ghost does not start on a word'
  G0 = GHOST_START >> 2;
  GW = (WIDTH >> 2) - G0;
  NW = CW + GW;
  AT_STATUS = DEVICES;
  AT_ENQUEUE = AT_STATUS + 2 * PROCESSES;
  AT_REGISTER = AT_ENQUEUE + PROCESSES * PRIORITIES * TASK_POOL;
  AT_DEQUEUE = AT_REGISTER + PROCESSES * DEVICES * TASK_POOL;
  ROW = AT_DEQUEUE + PROCESSES * (TASK_POOL + 1);
  room = initialNodes;
  NODE_WORDS = alloc(room * NW, 4);
  STEPS = alloc(room * ROW, 4);
  tableMask = 2 * initialNodes - 1;
  TABLE = alloc(tableMask + 1, 8);
  KEY = alloc(NW, 4);
  nodes = 0;
  curGen = -1;
  curNode = -1;
  fresh = false;
}

/** controllerJudgeMemo.ts:120-140 (`accessSlot`): the slot of an access in a node's row, or -1 for one the memo does not keep. */
export function accessSlot(acc: i32, a: i32, b: i32, t: i32): i32 {
  const P = PROCESSES;
  const D = DEVICES;
  const T = TASK_POOL;
  if (acc === ACC_IRQ) return a >= 0 && a < D && b === 0 && t === 0 ? a : -1;
  if (acc === ACC_STATUS)
    return a >= 0 && a < P && (b === 0 || b === 1) && t === 0 ? AT_STATUS + 2 * a + b : -1;
  if (acc === ACC_ENQUEUE)
    return a >= 0 && a < P && b >= 0 && b < PRIORITIES && t >= 1 && t <= T
      ? AT_ENQUEUE + (a * PRIORITIES + b) * T + t - 1
      : -1;
  if (acc === ACC_REGISTER)
    return a >= 0 && a < P && b >= 0 && b < D && t >= 1 && t <= T
      ? AT_REGISTER + (a * D + b) * T + t - 1
      : -1;
  if (acc === ACC_DEQUEUE)
    return a >= 0 && a < P && b === 0 && t >= 0 && t <= T ? AT_DEQUEUE + a * (T + 1) + t : -1;
  return -1;
}

/**
 * controllerJudgeMemo.ts:146-172 (`recall`): whether the step from `cur` to `next` by the access in
 * `slot` is remembered; if so its ghost after is written into `next`.
 */
export function memoRecall(cur: usize, next: usize, slot: i32): bool {
  fresh = false;
  if (slot < 0) return false;
  for (let j = 0; j < GW; j++) if (load<i32>(w32(next, G0 + j)) !== load<i32>(w32(cur, G0 + j))) return false;
  if (curGen !== GENERATION) {
    curNode = intern(cur);
    curGen = GENERATION;
  }
  const at = curNode * ROW + slot;
  const r1 = load<i32>(w32(STEPS, at));
  if (r1 === 0) {
    fresh = true;
    slotAt = at;
    return false;
  }
  const o = w32(NODE_WORDS, (r1 - 1) * NW);
  const last = CW - 1;
  for (let i = 0; i < last; i++) if (load<i32>(w32(next, i)) !== load<i32>(w32(o, i))) return false;
  if ((load<u32>(w32(next, last)) & LAST_MASK) !== load<u32>(w32(o, last))) return false;
  for (let j = 0; j < GW; j++) store<i32>(w32(next, G0 + j), load<i32>(w32(o, CW + j)));
  return true;
}

/** controllerJudgeMemo.ts:175-180 (`remember`): after a recall that missed, the judge passed the step to `next` (its ghost advanced). */
export function memoRemember(next: usize): void {
  if (!fresh) return;
  fresh = false;
  const at = slotAt; // the rows may move in intern: the slot's index stays
  const id = intern(next);
  store<i32>(w32(STEPS, at), id + 1);
}

/** controllerJudgeMemo.ts:183-205 (`intern`): the id of the node of the state at `w`, added when new. */
function intern(w: usize): i32 {
  const last = CW - 1;
  for (let i = 0; i < last; i++) store<i32>(w32(KEY, i), load<i32>(w32(w, i)));
  store<u32>(w32(KEY, last), load<u32>(w32(w, last)) & LAST_MASK);
  for (let j = 0; j < GW; j++) store<i32>(w32(KEY, CW + j), load<i32>(w32(w, G0 + j)));
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < NW; i++) {
    h = (h ^ load<u32>(w32(KEY, i))) * 0x9e3779b1;
    h ^= h >> 15;
  }
  let slot = <i32>h & tableMask;
  for (;;) {
    const e = TABLE + ((<usize>slot) << 3);
    const id1 = load<i32>(e);
    if (id1 === 0) break;
    if (load<u32>(e, 4) === h && sameKey(w32(NODE_WORDS, (id1 - 1) * NW))) return id1 - 1;
    slot = (slot + 1) & tableMask;
  }
  const id = nodes;
  if (id === room) growNodes();
  memory.copy(w32(NODE_WORDS, id * NW), KEY, <usize>NW * 4);
  const e = TABLE + ((<usize>slot) << 3);
  store<i32>(e, id + 1);
  store<u32>(e, h, 4);
  nodes = id + 1;
  if (nodes * 2 > tableMask) rehash();
  return id;
}

function sameKey(o: usize): bool {
  for (let i = 0; i < NW; i++) if (load<i32>(w32(o, i)) !== load<i32>(w32(KEY, i))) return false;
  return true;
}

/** controllerJudgeMemo.ts:191-204: doubles the node words and the rows (the old ones are left unused). */
function growNodes(): void {
  const n = room * 2;
  const words = alloc(n * NW, 4);
  memory.copy(words, NODE_WORDS, <usize>room * <usize>NW * 4);
  NODE_WORDS = words;
  const steps = alloc(n * ROW, 4);
  memory.copy(steps, STEPS, <usize>room * <usize>ROW * 4);
  STEPS = steps;
  room = n;
}

/** Doubles the node table (WordTable's rehash, here engine/explore/wasm/assembly/wasmMemory.ts's). */
function rehash(): void {
  TABLE = rehashed(TABLE, tableMask + 1);
  tableMask = tableMask * 2 + 1;
}
