/**
 * AssemblyScript: the leads-to check from one admitted node, a port of uipiPackedDrain.ts's drain
 * (its policy `choose`, `settled`, the liveness verdict on words, every drain step judged as an
 * explored step is: uipiWasmStep.ts) with drainMemo.ts's memo of successful drains: a position
 * (the key words, the owed masks, the policy's entered flags and whether the timer was served)
 * that an earlier successful drain went through r steps before its end succeeds again when its
 * bound leaves room for those r steps. Here every position, a drain's start included, is numbered
 * by one table (the JavaScript engine numbers a start by its node, and chains a node's drain to a
 * later node's: both only save look-ups and steps, never change a verdict). A drain that fails (a
 * step property, the slack check, a liveness verdict on words) only says so: the loader hands the
 * search over to JavaScript, which finds the first failure in its order and words it.
 */

import { moved, rehashed } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import {
  aOf,
  bOf,
  DELIVER,
  HANDLER_BODY,
  KERNEL_ENTRY,
  KERNEL_EXIT,
  STUI,
  SWITCH_IN_CHECK_PIR,
  SWITCH_IN_CLEAR_SN,
  SWITCH_OUT_SAVE,
  T_ACCEPT,
  T_ARRIVE,
  T_NOTIFY_DRAIN,
  T_SEND_IPI,
  T_SWITCH_IN_RESTORE,
  T_TIMER_TICK,
  typeOf,
  UIRET,
  WAIT_ENLIST,
  WAIT_RECHECK,
  WAIT_SLEEP,
  WAKE_RESTORE_NV,
} from './uipiWasmEvents';
import {
  alloc,
  CPU_COUNT,
  CPUS,
  CUR_MASK,
  copyWords,
  DRAIN_BOUND,
  FAIR,
  G,
  HVEC_MASK,
  HVEC_SHIFT,
  K,
  PHASE_MASK,
  RECEIVERS,
  SKY,
  TIMER,
  UNDO,
  WAITING,
  wAt,
  wSet,
} from './uipiWasmLayout';
import { DRAINED, ghostOf, HASH_SEED, hashEnd, hashWords, sameWords, wordsOf } from './uipiWasmNodes';
import { judgedStep } from './uipiWasmStep';
import { AFTER, enabled, GA, maxEnabled, useBuffers } from './uipiWasmSuccessors';

/** drain.ts `CLASS` by type code (uipiPackedDrain.ts:55-81; -1: never drained), TICK the timer's. */
const TICK: i32 = 10;
let CLASS: usize = 0;
/** The liveness properties' bits (uipiPackedDrain.ts:87-89) and the selected ones (:150-161). */
const WAIT_WAKES: i32 = 1;
const DELIVERED: i32 = 2;
const REARMS: i32 = 4;
let SELECTED: i32 = 0;
/** The drain's state and its successor (uipiPackedDrain.ts:144, `D`), and its enabled events. */
let DB: usize = 0;
let DGB: usize = 0;
let DA: usize = 0;
let DGA: usize = 0;
let LIST: usize = 0;
/** The positions: P words each (key words, owed masks, entered | timerServed << 30), their table and per position the steps to its drain's end (-1: not known). */
let P: i32 = 0;
let POS: usize = 0;
let REMAINING: usize = 0;
/** The settling's stack of nodes (`drainNodes`), grown as needed. */
let STACK: usize = 0;
let stackCap: i32 = 0;
let positions: i32 = 0;
let posCap: i32 = 0;
let TABLE: usize = 0;
let mask: i32 = 0;
/** The position being looked up. */
let HERE: usize = 0;
/** The current drain's positions and the steps taken at each (drainMemo.ts:23-25). */
let TRAIL: usize = 0;
let TRAIL_STEPS: usize = 0;
let trail: i32 = 0;
let trailCap: i32 = 0;

function setClass(t: i32, c: i32): void {
  wSet(CLASS, t, c);
}

/** Sets the selected liveness properties (bits 1 uipiWaitWakes, 2 uipiEventuallyDelivered, 4 uipiTimerRearms) and allocates the drain's buffers. */
export function drainInit(selected: i32): void {
  SELECTED = selected;
  CLASS = alloc(T_TIMER_TICK + 2, 4);
  for (let t = 0; t < T_TIMER_TICK + 2; t++) setClass(t, -1);
  setClass(T_SEND_IPI, 0);
  setClass(T_ARRIVE, 1);
  setClass(T_NOTIFY_DRAIN, 2);
  setClass(T_ACCEPT, 3);
  setClass(SWITCH_OUT_SAVE, 4);
  setClass(SWITCH_IN_CLEAR_SN, 4);
  setClass(SWITCH_IN_CHECK_PIR, 4);
  setClass(KERNEL_EXIT, 4);
  setClass(WAIT_RECHECK, 4);
  setClass(WAIT_ENLIST, 4);
  setClass(WAIT_SLEEP, 4);
  setClass(WAKE_RESTORE_NV, 4);
  setClass(T_SWITCH_IN_RESTORE, 5);
  setClass(HANDLER_BODY, 6);
  setClass(UIRET, 6);
  setClass(DELIVER, 7);
  setClass(STUI, 8);
  setClass(KERNEL_ENTRY, 9);
  setClass(T_TIMER_TICK, TICK);
  DB = alloc(K, 4);
  DGB = alloc(G, 4);
  DA = alloc(K, 4);
  DGA = alloc(G, 4);
  LIST = alloc(maxEnabled(), 4);
  P = K + RECEIVERS + 1;
  HERE = alloc(P, 4);
  posCap = 1 << 12;
  POS = alloc(posCap, P << 2);
  REMAINING = alloc(posCap, 4);
  mask = 2 * posCap - 1;
  TABLE = alloc(mask + 1, 8);
  trailCap = 64;
  TRAIL = alloc(trailCap, 4);
  TRAIL_STEPS = alloc(trailCap, 4);
}

/** uipiPackedDrain.ts:173-177 (`settled`): nothing but the timer's bit left in any PIR or UIRR. */
function settled(timerBit: i32): bool {
  for (let r = 0; r < RECEIVERS; r++)
    if (wAt(DB, 3 * r + 1) !== 0 || (wAt(DB, 3 * r + 2) & ~timerBit) !== 0) return false;
  return true;
}

function classOf(k: i32): i32 {
  return wAt(CLASS, typeOf(k));
}

/** uipiPackedDrain.ts:179-198 (`choose`): in the node at `w`, of the `n` events at `list`, the first of the best class, or -1. */
function choose(w: usize, list: usize, n: i32, entered: i32): i32 {
  let free = -1;
  for (let c = 0; c < CPU_COUNT && free < 0; c++) if ((wAt(w, CPUS + c) & CUR_MASK) === 0) free = c;
  const undo = wAt(w, UNDO);
  let best = -1;
  let bestClass = TICK + 1;
  for (let i = 0; i < n; i++) {
    const k = wAt(list, i);
    const t = typeOf(k);
    const cls = wAt(CLASS, t);
    if (cls < 0 || cls >= bestClass) continue;
    const r = aOf(k);
    if (t === STUI && ((undo >>> r) & 1) === 0) continue;
    if (t === KERNEL_ENTRY && (!FAIR || ((entered >>> r) & 1) === 1)) continue;
    if (t === T_SWITCH_IN_RESTORE && bOf(k) !== free) continue;
    best = k;
    bestClass = cls;
  }
  return best;
}

/** uipiPackedDrain.ts:200-213 (`verdict`): the selected liveness properties failing at the drain's end, as bits. */
function verdict(reachedQuiescence: bool, timerServed: bool, timerBit: i32): i32 {
  let out = 0;
  for (let r = 0; r < RECEIVERS; r++) {
    const owed = wAt(DGB, r);
    const pir = wAt(DB, 3 * r + 2);
    if ((wAt(DB, 3 * r) & PHASE_MASK) === WAITING && owed !== 0) out |= WAIT_WAKES;
    if ((owed & ~(pir & timerBit)) !== 0) out |= DELIVERED;
    if (SKY && ((pir | wAt(DB, 3 * r + 1)) & timerBit) === 0) out |= REARMS;
  }
  if (!reachedQuiescence) out |= DELIVERED;
  if (SKY && !timerServed) out |= REARMS;
  return out & SELECTED;
}

/** uipiPackedDrain.ts:244-247 (`serves`): the timer's handler returns by event k from the node at `w` (Skyloft). */
function serves(w: usize, k: i32): bool {
  return SKY && typeOf(k) === UIRET && ((wAt(w, 3 * aOf(k)) & HVEC_MASK) >> HVEC_SHIFT) - 1 === TIMER;
}

/** The id of the position of DB, its owed masks and the policy's state `policy`, numbered when new. */
function positionId(policy: i32): i32 {
  copyWords(HERE, DB, K);
  copyWords(HERE + ((<usize>K) << 2), DGB, RECEIVERS);
  wSet(HERE, P - 1, policy);
  const h = hashEnd(hashWords(HASH_SEED, HERE, P));
  let slot = <i32>h & mask;
  for (;;) {
    const e = TABLE + ((<usize>slot) << 3);
    const id1 = load<i32>(e);
    if (id1 === 0) break;
    if (load<u32>(e, 4) === h && sameWords(POS + <usize>(id1 - 1) * ((<usize>P) << 2), HERE, P))
      return id1 - 1;
    slot = (slot + 1) & mask;
  }
  const id = positions;
  if (id === posCap) {
    const n = posCap * 2;
    const pos = alloc(n, P << 2);
    memory.copy(pos, POS, <usize>posCap * ((<usize>P) << 2));
    POS = pos;
    const rem = alloc(n, 4);
    memory.copy(rem, REMAINING, (<usize>posCap) << 2);
    REMAINING = rem;
    posCap = n;
  }
  copyWords(POS + <usize>id * ((<usize>P) << 2), HERE, P);
  wSet(REMAINING, id, -1);
  const e = TABLE + ((<usize>slot) << 3);
  store<i32>(e, id + 1);
  store<u32>(e, h, 4);
  positions = id + 1;
  if (positions * 2 > mask) {
    TABLE = rehashed(TABLE, mask + 1);
    mask = 2 * mask + 1;
  }
  return id;
}

/** drainMemo.ts:56-75 (`visitAt`) past its hit: records position `id` reached after `steps` steps. */
function record(id: i32, steps: i32): void {
  if (trail === trailCap) {
    TRAIL = moved(TRAIL, trailCap, 2 * trailCap, 4);
    TRAIL_STEPS = moved(TRAIL_STEPS, trailCap, 2 * trailCap, 4);
    trailCap *= 2;
  }
  wSet(TRAIL, trail, id);
  wSet(TRAIL_STEPS, trail, steps);
  trail++;
}

/** drainMemo.ts:83-89 (`succeeded`): the drain's positions (ids as {@link remainingAt}'s) reach its end `end` steps after its start. */
function succeeded(end: i32): void {
  for (let i = 0; i < trail; i++) {
    const id = wAt(TRAIL, i);
    wSet(id & 1 ? REMAINING : DRAINED, id >> 1, end - wAt(TRAIL_STEPS, i));
  }
  trail = 0;
}

/** drainMemo.ts:92-94: the steps from position `id` (2·node for an admitted node's start, else 2·position + 1) to its drain's end, or -1 (-2: a node's, being settled). */
function remainingAt(id: i32): i32 {
  return wAt(id & 1 ? REMAINING : DRAINED, id >> 1);
}

/**
 * uipiPackedDrain.ts:256-304 (`run`, from a node's start: `from`) with the memo at every position:
 * whether the whole drain from admitted node `node` passes (every step passes the step judge, the
 * end the selected liveness properties). Points the rules at the drain's buffers (the caller
 * points them back).
 */
function drainPasses(node: i32): bool {
  useBuffers(DB, DGB, DA, DGA);
  copyWords(DB, wordsOf(node), K);
  copyWords(DGB, ghostOf(node), G);
  const timerBit = SKY ? 1 << TIMER : 0;
  let entered = 0;
  let timerServed = false;
  let reachedQuiescence = false;
  let steps = 0;
  let known = -1;
  trail = 0;
  for (;;) {
    const id = steps === 0 ? 2 * node : 2 * positionId(entered | (timerServed ? 1 << 30 : 0)) + 1;
    const r = remainingAt(id);
    if (r >= 0 && steps + r <= DRAIN_BOUND) {
      known = steps + r;
      break;
    }
    record(id, steps);
    const k = choose(DB, LIST, enabled(LIST), entered);
    const onlyTicks = k < 0 || classOf(k) === TICK;
    if (onlyTicks && (!SKY || (timerServed && settled(timerBit)))) {
      reachedQuiescence = true;
      break;
    }
    if (k < 0 || steps >= DRAIN_BOUND) break;
    const served = serves(DB, k);
    if (!judgedStep(k)) return false;
    steps++;
    if (served) timerServed = true;
    if (typeOf(k) === KERNEL_ENTRY) entered |= 1 << aOf(k);
    copyWords(DB, AFTER, K);
    copyWords(DGB, GA, G);
  }
  if (known >= 0) {
    succeeded(known);
    return true;
  }
  if (verdict(reachedQuiescence, timerServed, timerBit) !== 0) return false;
  succeeded(steps);
  return true;
}

/**
 * uipiPackedDrain.ts:329-343 (`first`, `chains`): the drain's first event from the node the search
 * has loaded (at `w`, its `n` enabled events at `list`) when, after it, the policy's own state is
 * still the start's (it enters no kernel, serves no timer), so the drain goes on exactly as that
 * successor's own drain, where that successor is an admitted node exactly; else -1.
 */
export function chainEvent(w: usize, list: usize, n: i32): i32 {
  const k = choose(w, list, n, 0);
  if (k < 0 || (!SKY && classOf(k) === TICK) || DRAIN_BOUND <= 0) return -1;
  if (typeOf(k) === KERNEL_ENTRY || serves(w, k)) return -1;
  return k;
}

/**
 * The leads-to check of admitted nodes `from` to `to` - 1, the last first, each node's `next`
 * (uipiWasmNodes.ts NEXT: the admitted node its drain chains to after {@link chainEvent}, exactly,
 * or -1, also while the node is not expanded yet): whether all pass. A node that chains passes one
 * step after its next node's drain, without a step or a look-up of its own (the search judged that
 * step already), once that node's has passed within the bound (uipiPackedExplore.ts `settle`, the
 * memo's rule); its next node is settled first, and a node whose chain comes back to itself is
 * drained whole, as is a node that does not chain.
 */
export function drainNodes(from: i32, to: i32, next: usize): bool {
  if (STACK === 0) {
    stackCap = 1 << 10;
    STACK = alloc(stackCap, 4);
  }
  for (let x = to - 1; x >= from; x--) {
    if (wAt(DRAINED, x) >= 0) continue;
    let top = 0;
    wSet(STACK, top++, x);
    while (top > 0) {
      const y = wAt(STACK, top - 1);
      if (wAt(DRAINED, y) >= 0) {
        top--;
        continue;
      }
      const n = wAt(next, y);
      const r = n >= 0 ? wAt(DRAINED, n) : -1;
      if (n >= 0 && r === -1 && wAt(DRAINED, y) === -1) {
        // settle the next node first (y marked: a chain back to y is drained whole)
        wSet(DRAINED, y, -2);
        if (top === stackCap) {
          STACK = moved(STACK, stackCap, 2 * stackCap, 4);
          stackCap *= 2;
        }
        wSet(STACK, top++, n);
        continue;
      }
      if (r >= 0 && r + 1 <= DRAIN_BOUND) wSet(DRAINED, y, r + 1);
      else {
        wSet(DRAINED, y, -1);
        if (!drainPasses(y)) return false;
      }
      top--;
    }
  }
  return true;
}
