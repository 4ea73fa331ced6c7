/**
 * AssemblyScript: how the wasm search decides a node is new, a port of the packed engine's
 * admissions (uipiAdmission.ts, chosen as uipiAdmissionFor.ts chooses): keyed (keyedAdmission.ts,
 * oneWordAdmission.ts: the owed masks part of the key, a node admitted exactly when its key words
 * and owed masks are new) or by covering (coveringAdmission.ts, the default: a node whose key
 * words are known is admitted only when no node admitted before with them owes a superset of what
 * it owes). The JavaScript admissions pack the key into as few bits as its fields need; here the
 * words are hashed as they are (an open-addressing table, slot → node id + 1 and the hash, linear
 * probing, load at most 1/2), which admits exactly the same nodes in the same order. Both modes
 * first test the loaded node and its parent, as the JavaScript ones do (uipiPackedNodes.ts `holds`).
 */
import { moved, rehashed } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import { alloc, K, RECEIVERS, wAt, wSet } from './uipiWasmLayout';
import { COUNT, ghostOf, HASH_SEED, hashEnd, hashWords, nodesAdd, sameWords, wordsOf } from './uipiWasmNodes';

/** Covering (1) or keyed (0). */
let COVERING = false;
/** The table: 2 i32 per slot (node id + 1, hash), its slot mask; per node the node admitted before it with its key words most recently, or -1 (covering). */
let TABLE: usize = 0;
let mask: i32 = 0;
let SAME_KEY: usize = 0;
let sameCap: i32 = 0;

/** An empty admission, covering when `covering` is 1, with room for `room` nodes (a power of two) before its table grows. */
export function admissionInit(covering: i32, room: i32): void {
  COVERING = covering !== 0;
  mask = 2 * room - 1;
  TABLE = alloc(mask + 1, 8);
  sameCap = room;
  SAME_KEY = alloc(room, 4);
}

/** The hash of a node with key words at `w`, ghost at `g`: its key words, and keyed its owed masks. */
function hashOf(w: usize, g: usize): u32 {
  const h = hashWords(HASH_SEED, w, K);
  return hashEnd(COVERING ? h : hashWords(h, g, RECEIVERS));
}

/** Whether node `id` owes all that the owed masks at `g` owe (covering), or exactly those (keyed). */
function owesAll(id: i32, g: usize): bool {
  const o = ghostOf(id);
  for (let r = 0; r < RECEIVERS; r++) {
    const x = wAt(g, r);
    const n = wAt(o, r);
    if (COVERING ? (x & ~n) !== 0 : x !== n) return false;
  }
  return true;
}

/** uipiPackedNodes.ts:434-445 (`holds`): node `id` has the key words at `w` and owes what `g` owes (see {@link owesAll}). */
function holds(id: i32, w: usize, g: usize): bool {
  return sameWords(wordsOf(id), w, K) && owesAll(id, g);
}

/**
 * uipiAdmission.ts `admit` (keyedAdmission.ts:121-148, coveringAdmission.ts:317-372): admits the
 * node with key words at `w`, ghost at `g`, found at `level` from `head` (whose parent is `up`;
 * -1: the initial node) unless a node admitted before makes it known; its id, else -1.
 */
export function admit(w: usize, g: usize, level: i32, head: i32, up: i32): i32 {
  if (head >= 0 && (holds(head, w, g) || (up >= 0 && holds(up, w, g)))) return -1;
  const h = hashOf(w, g);
  let slot = <i32>h & mask;
  let latest = -1;
  for (;;) {
    const e = TABLE + ((<usize>slot) << 3);
    const id1 = load<i32>(e);
    if (id1 === 0) break;
    if (load<u32>(e, 4) === h && sameWords(wordsOf(id1 - 1), w, K)) {
      if (!COVERING) {
        if (owesAll(id1 - 1, g)) return -1;
      } else {
        // coveringAdmission.ts:335-361: the key's latest node, then the ones before it with the key
        for (let n = id1 - 1; n >= 0; n = wAt(SAME_KEY, n)) if (owesAll(n, g)) return -1;
        latest = id1 - 1;
        break;
      }
    }
    slot = (slot + 1) & mask;
  }
  const id = COUNT;
  const e = TABLE + ((<usize>slot) << 3);
  store<i32>(e, id + 1);
  store<u32>(e, h, 4);
  if (id === sameCap) {
    SAME_KEY = moved(SAME_KEY, sameCap, 2 * sameCap, 4);
    sameCap *= 2;
  }
  wSet(SAME_KEY, id, latest);
  nodesAdd(w, g, level, head);
  if (COUNT * 2 > mask) {
    TABLE = rehashed(TABLE, mask + 1);
    mask = 2 * mask + 1;
  }
  return id;
}
