/**
 * AssemblyScript: how the wasm search decides a node is new, a port of the packed engine's
 * admissions (uipiAdmission.ts, chosen as uipiAdmissionFor.ts chooses): keyed (keyedAdmission.ts,
 * oneWordAdmission.ts: the owed masks part of the key, a node admitted exactly when its key words
 * and owed masks are new) or by covering (coveringAdmission.ts, the default: a node whose key
 * words are known is admitted only when no node admitted before with them owes a superset of what
 * it owes). As there, the key is packed by field into as few words as the fields' bits need (the
 * masks the loader passes: uipiKeyMasks, keyed uipiKeyedMasks; fieldKeyPacker.ts's runs laid end
 * to end, without its holes), and a table slot holds the key beside its node, so a look-up reads
 * one slot (open addressing, linear probing, load at most 3/4): keyed, where the key is one word,
 * the slot is that word and the node ids sit beside the slots (wordIdTable.ts; a zero slot is
 * empty, the key 0 kept aside), else i32s [payload, the packed key], the payload node id + 1 —
 * by covering, where the owed masks are few bits (R·V ≤ 4), (latest node id + 1) << R·V | its owed
 * masks side by side (coveringAdmission.ts's compact payload). Both modes first test the loaded
 * node and its parent, as the JavaScript ones do (uipiPackedNodes.ts `holds`). A node setting a
 * bit outside its fields (uipiAdmission.ts `outsideFields`), or past the ids a compact payload
 * numbers (`tooMany`), is not admitted: the search stops (`outside`) and hands over.
 */
import { moved } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import { alloc, copyWords, K, RECEIVERS, VECTORS, wAt, wSet } from './uipiWasmLayout';
import { COUNT, ghostOf, HASH_SEED, hashEnd, hashWords, nodesAdd, sameWords, wordsOf } from './uipiWasmNodes';

/** Covering, or keyed. */
let COVERING = false;
/** Whether a covering slot keeps its latest node's owed masks beside its id (R·V ≤ 4: coveringAdmission.ts:270), and their bits. */
let COMPACT = false;
let OWN: i32 = 0;
/** Whether the table is of one-word keys with the ids beside (keyed, PW 1), the ids, and the key 0's id (-1: unknown). */
let WORD = false;
let IDS: usize = 0;
let zeroId: i32 = -1;
/** The key's pieces (fieldKeyPacker.ts `piecesOf` without holes): source word, first bit, mask after the shift, destination bit. */
let PIECES: usize = 0;
let npieces: i32 = 0;
/** The field masks, per word. */
let MASKS: usize = 0;
/** Words of a packed key, of a slot; the table, its slot mask; the key being looked up. */
let PW: i32 = 0;
let STRIDE: i32 = 0;
let TABLE: usize = 0;
let mask: i32 = 0;
let KEY: usize = 0;
/** Set when a node set a bit outside its fields: the search stops. */
export let outside = false;
/**
 * After {@link admit} (uipiAdmission.ts `exact`): the admitted node with exactly the key words and
 * owed masks it was given (the node it admitted, when it did), or -1.
 */
export let exactId: i32 = -1;
/** Per node: the node admitted before it with its key words most recently, or -1 (covering). */
let SAME_KEY: usize = 0;
let sameCap: i32 = 0;

/**
 * Room for the key's field masks: `words` of them (the key words', then keyed the owed masks'),
 * which the loader writes at the address returned before `admissionInit`.
 */
export function keyMasks(words: i32): usize {
  return alloc(words, 4);
}

/**
 * The most nodes the table has room for before it first grows, whatever the search's room, and
 * the slots it then grows to at least (`room`'s two per node). Decision: a look-up's slot is
 * anywhere in the table, so each page of a fresh table costs a page fault at its first write
 * (~1.65 µs on the bench's VM), unlike the node arrays, written in order: 4,096 nodes (8,192
 * slots) hold skyloft's 2,520 keyed nodes without touching pages it does not need, and a larger
 * search grows once to the table it had before (131,072 slots from the loader's room) rather than
 * doubling four times (each doubling ~0.5 ms on plain).
 */
const TABLE_ROOM: i32 = 1 << 12;
let grownSlots: i32 = 0;

/**
 * An empty admission, covering when `covering` is 1, keying the `words` field masks at `masks`,
 * with room for `room` nodes (a power of two) before its per-node array grows, and for at most
 * TABLE_ROOM before its table does.
 */
export function admissionInit(covering: i32, masks: usize, words: i32, room: i32): void {
  COVERING = covering !== 0;
  MASKS = masks;
  OWN = RECEIVERS * VECTORS;
  COMPACT = COVERING && OWN <= 4;
  PIECES = alloc(32 * words, 16);
  let to = 0;
  npieces = 0;
  for (let i = 0; i < words; i++) {
    const m = wAt(masks, i);
    for (let b = 0; b < 32; ) {
      if (((m >>> b) & 1) === 0) {
        b++;
        continue;
      }
      let e = b;
      while (e < 32 && ((m >>> e) & 1) === 1) e++;
      // the run [b, e), split where it crosses a key word
      for (let from = b; from < e; ) {
        const take = min(32 - (to & 31), e - from);
        const p = PIECES + ((<usize>npieces) << 4);
        store<i32>(p, i);
        store<i32>(p, from, 4);
        store<i32>(p, take >= 32 ? -1 : (1 << take) - 1, 8);
        store<i32>(p, to, 12);
        npieces++;
        from += take;
        to += take;
      }
      b = e;
    }
  }
  PW = max(1, (to + 31) >> 5);
  WORD = !COVERING && PW === 1;
  STRIDE = WORD ? 1 : 1 + PW;
  KEY = alloc(PW, 4);
  mask = 2 * min(room, TABLE_ROOM) - 1;
  TABLE = alloc(mask + 1, STRIDE << 2);
  if (WORD) IDS = alloc(mask + 1, 4);
  sameCap = room;
  grownSlots = 2 * room;
  SAME_KEY = alloc(room, 4);
}

/**
 * Packs the node (key words at `w`, owed masks at `g`) into KEY, each key word built in a local
 * (the pieces run in key order); false when it sets a bit outside its fields (the `words` masks).
 */
function pack(w: usize, g: usize, words: i32): bool {
  // the globals read once into locals: the loops below store to memory, which V8 does not see past
  const k = K;
  const masks = MASKS;
  const key = KEY;
  const end = PIECES + ((<usize>npieces) << 4);
  let outsideBits = 0;
  for (let i = 0; i < k; i++) outsideBits |= wAt(w, i) & ~wAt(masks, i);
  for (let i = k; i < words; i++) outsideBits |= wAt(g, i - k) & ~wAt(masks, i);
  let last = -1;
  let x = 0;
  let acc = 0;
  let at = 0;
  for (let p = PIECES; p < end; p += 16) {
    const i = load<i32>(p);
    if (i !== last) {
      x = i < k ? wAt(w, i) : wAt(g, i - k);
      last = i;
    }
    const to = load<i32>(p, 12);
    if (to >> 5 !== at) {
      wSet(key, at, acc);
      acc = 0;
      at = to >> 5;
    }
    acc |= ((x >>> load<i32>(p, 4)) & load<i32>(p, 8)) << (to & 31);
  }
  wSet(key, at, acc);
  return outsideBits === 0;
}

/** The owed masks at `g` side by side (coveringAdmission.ts:307-311). */
function owedBits(g: usize): i32 {
  let b = 0;
  for (let r = 0; r < RECEIVERS; r++) b |= wAt(g, r) << (r * VECTORS);
  return b;
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

/** uipiPackedNodes.ts:448-450 (`owesExactly`): node `id` owes exactly the owed masks at `g`. */
function owesExactly(id: i32, g: usize): bool {
  const o = ghostOf(id);
  for (let r = 0; r < RECEIVERS; r++) if (wAt(g, r) !== wAt(o, r)) return false;
  return true;
}

/** uipiPackedNodes.ts:434-445 (`holds`): node `id` has the key words at `w` and owes what `g` owes (see {@link owesAll}). */
function holds(id: i32, w: usize, g: usize): bool {
  return sameWords(wordsOf(id), w, K) && owesAll(id, g);
}

/** The slot `slot`'s address. */
function slotAt(slot: i32): usize {
  return TABLE + <usize>slot * ((<usize>STRIDE) << 2);
}

/** Whether the slot at `e` holds KEY. */
function holdsKey(e: usize): bool {
  for (let i = 0; i < PW; i++) if (wAt(e, 1 + i) !== wAt(KEY, i)) return false;
  return true;
}

/**
 * uipiAdmission.ts `admit` (keyedAdmission.ts:121-148, oneWordAdmission.ts:198-219,
 * coveringAdmission.ts:317-372): admits the node with key words at `w`, ghost at `g`, found at
 * `level` from `head` (whose parent is `up`; -1: the initial node) unless a node admitted before
 * makes it known; its id, else -1 (also when it sets a bit outside its fields: `outside`).
 */
export function admit(w: usize, g: usize, level: i32, head: i32, up: i32): i32 {
  if (head >= 0) {
    const by = holds(head, w, g) ? head : up >= 0 && holds(up, w, g) ? up : -1;
    if (by >= 0) {
      exactId = owesExactly(by, g) ? by : -1;
      return -1;
    }
  }
  exactId = -1;
  if (!pack(w, g, COVERING ? K : K + RECEIVERS)) {
    outside = true;
    return -1;
  }
  if (WORD) return admitWord(w, g, level, head);
  let slot = <i32>hashEnd(hashWords(HASH_SEED, KEY, PW)) & mask;
  let latest = -1;
  let e = slotAt(slot);
  for (;;) {
    const pw = wAt(e, 0);
    if (pw === 0) break;
    if (holdsKey(e)) {
      latest = (COMPACT ? pw >>> OWN : pw) - 1;
      if (!COVERING) {
        exactId = latest;
        return -1;
      }
      // coveringAdmission.ts:335-361: the key's latest node (its owed masks in the slot when compact), then the ones before it
      let n = latest;
      if (COMPACT) {
        const owed = owedBits(g);
        const theirs = pw & ((1 << OWN) - 1);
        if ((owed & ~theirs) === 0) {
          exactId = owed === theirs ? latest : -1;
          return -1;
        }
        n = wAt(SAME_KEY, latest);
      }
      for (; n >= 0; n = wAt(SAME_KEY, n))
        if (owesAll(n, g)) {
          exactId = owesExactly(n, g) ? n : -1;
          return -1;
        }
      break;
    }
    slot = (slot + 1) & mask;
    e = slotAt(slot);
  }
  const id = COUNT;
  if (COMPACT && <u32>(id + 1) > 0xffffffff >>> OWN) {
    outside = true;
    return -1;
  }
  wSet(e, 0, COMPACT ? ((id + 1) << OWN) | owedBits(g) : id + 1);
  for (let i = 0; i < PW; i++) wSet(e, 1 + i, wAt(KEY, i));
  return number(w, g, level, head, latest);
}

/** {@link admit} in a table of one-word keys (keyed; oneWordAdmission.ts:198-219 with wordIdTable.ts). */
function admitWord(w: usize, g: usize, level: i32, head: i32): i32 {
  const key = wAt(KEY, 0);
  if (key === 0) {
    if (zeroId >= 0) {
      exactId = zeroId;
      return -1;
    }
    zeroId = COUNT;
    return number(w, g, level, head, -1);
  }
  let slot = <i32>hashEnd(hashWords(HASH_SEED, KEY, 1)) & mask;
  for (;;) {
    const k = wAt(TABLE, slot);
    if (k === 0) break;
    if (k === key) {
      exactId = wAt(IDS, slot);
      return -1;
    }
    slot = (slot + 1) & mask;
  }
  wSet(TABLE, slot, key);
  wSet(IDS, slot, COUNT);
  return number(w, g, level, head, -1);
}

/** Numbers the node (key words at `w`, ghost at `g`) the table took, found at `level` from `head`, the latest before it with its key `latest` (else -1): its id. */
function number(w: usize, g: usize, level: i32, head: i32, latest: i32): i32 {
  const id = COUNT;
  if (id === sameCap) {
    SAME_KEY = moved(SAME_KEY, sameCap, 2 * sameCap, 4);
    sameCap *= 2;
  }
  wSet(SAME_KEY, id, latest);
  exactId = id;
  nodesAdd(w, g, level, head);
  if (COUNT * 4 > 3 * (mask + 1)) rehash();
  return id;
}

/** Grows the table (doubles it, or to `grownSlots` at its first growth: see TABLE_ROOM), reading the old one in slot order (packedStore.ts:133-149), each key hashed again. */
function rehash(): void {
  const old = TABLE;
  const oldIds = IDS;
  const slots = mask + 1;
  mask = max(2 * slots, grownSlots) - 1;
  TABLE = alloc(mask + 1, STRIDE << 2);
  if (WORD) IDS = alloc(mask + 1, 4);
  for (let s = 0; s < slots; s++) {
    const o = old + <usize>s * ((<usize>STRIDE) << 2);
    if (wAt(o, 0) === 0) continue;
    let slot = <i32>hashEnd(hashWords(HASH_SEED, WORD ? o : o + 4, PW)) & mask;
    while (wAt(slotAt(slot), 0) !== 0) slot = (slot + 1) & mask;
    // word by word: a memory.copy of a slot is a call out of the wasm code
    copyWords(slotAt(slot), o, STRIDE);
    if (WORD) wSet(IDS, slot, wAt(oldIds, s));
  }
}
