/**
 * AssemblyScript: the controller prefixes of the syscall nodes, numbered, a port of
 * controllerStepMemo.ts's `intern` and `node` (its module comment says why: many syscall states
 * share a controller node, 1,050 of them on the large row against 424,912 states): the search's
 * store keys hold a node's words after its controller prefix, then the prefix's number, so the
 * store hashes, compares and keeps 20 words where a whole node is 34 on the large row.
 */
import { alloc, moved, rehashed } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import { copyBytes, sameBytes } from './syscallWasmLayout';

/** Words of a controller prefix; the prefixes' words by number; the count; the table (id + 1, hash) and its mask. */
let CW: i32 = 0;
let NODES: usize = 0;
let count: i32 = 0;
let cap: i32 = 0;
let TABLE: usize = 0;
let mask: i32 = 0;

/** An empty numbering of prefixes of `words` words. */
export function ctrlNodesInit(words: i32): void {
  CW = words;
  cap = 1024;
  NODES = alloc(cap * words, 4);
  mask = 2 * cap - 1;
  TABLE = alloc(mask + 1, 8);
  count = 0;
}

function hashOf(w: usize): u32 {
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < CW; i++) h = (h ^ load<u32>(w + ((<usize>i) << 2))) * 0x9e3779b1;
  h ^= h >> 15;
  h = h * 0x85ebca6b;
  h ^= h >> 13;
  return h;
}

function same(a: usize, b: usize): bool {
  return sameBytes(a, b, CW << 2);
}

/** controllerStepMemo.ts:92-104 (`intern`): the number of the controller prefix at `w`, added when new. */
export function ctrlIntern(w: usize): i32 {
  const h = hashOf(w);
  let slot = <i32>h & mask;
  for (;;) {
    const e = TABLE + ((<usize>slot) << 3);
    const id1 = load<i32>(e);
    if (id1 === 0) break;
    if (load<u32>(e, 4) === h && same(NODES + ((<usize>((id1 - 1) * CW)) << 2), w)) return id1 - 1;
    slot = (slot + 1) & mask;
  }
  const id = count;
  if (id === cap) {
    NODES = moved(NODES, cap * CW, 2 * cap * CW, 4);
    cap *= 2;
  }
  memory.copy(NODES + ((<usize>(id * CW)) << 2), w, <usize>(CW << 2));
  const e = TABLE + ((<usize>slot) << 3);
  store<i32>(e, id + 1);
  store<u32>(e, h, 4);
  count = id + 1;
  if (count * 2 > mask) {
    TABLE = rehashed(TABLE, mask + 1);
    mask = mask * 2 + 1;
  }
  return id;
}

/** controllerStepMemo.ts:56-60 (`node`): copies the words of prefix number `id` to `out`. */
export function ctrlNode(id: i32, out: usize): void {
  copyBytes(out, NODES + ((<usize>(id * CW)) << 2), CW << 2);
}

/** How many prefixes are numbered. */
export function ctrlCount(): i32 {
  return count;
}
