/**
 * AssemblyScript: the leads-to check of a completed judged search over the explored graph, a port
 * of packedLeadsTo.ts (its module comment says why the drain over the recorded successors is the
 * §6 drain): while the search expands a state it records the successors the drain can take from
 * it (`record`), per new state what the drain reads of it (`note`), and after the search `check`
 * walks the drain from every state in BFS order, remembering positions of successful drains with
 * their distance to the drain's end. Where packedLeadsTo.ts judges a drain's end with the liveness
 * properties on the decoded state, `endHolds` reads noLostWakeupEventually (the default
 * selection's only liveness property, protocols/wakeup/properties/noLostWakeupEventually.ts) from
 * the end state's bytes; only whether it holds is answered (the loader hands anything else to the
 * JavaScript engine, whose answer names the property and path).
 */
import { onlyWedgedWorkAt, quiescentAt } from './wasmDrainState';
import { UNDELIVERED, WOKEN, WOKEN_W } from './wasmGhost';
import {
  alloc,
  DEVICES,
  HART_W,
  HARTS,
  IRQ_WAIT,
  LIFE_BLOCKED,
  NHARTS,
  ONLINE,
  PH_FETCH,
  PH_IDLE,
  PH_RETURNING,
  PH_RUNNING,
  PROCESSES,
  TASK_POOL,
  TASK_W,
  TASKS,
  WAIT_W,
  WIDTH,
} from './wasmLayout';
import {
  ACC,
  ACC_A,
  ACC_B,
  ACC_STATUS,
  ACC_TASK,
  HART,
  IS_FETCH,
  IS_RETURN,
  POLL,
  POLL_FINISH,
  POLL_HANDLED,
  SWITCH_TO,
} from './wasmSuccessors';

/** packedLeadsTo.ts:49-52: what `check` answers. */
export const LEADS_HOLDS: i32 = 0;
export const LEADS_FAILS: i32 = 1;
const LEADS_UNKNOWN: i32 = 2;

/** packedLeadsTo.ts:58-70: per state, and per (state, hart). */
const QUIESCENT: u8 = 1;
const WEDGED_ONLY: u8 = 2;
const OFFLINE: u8 = 4;
const K_IDLE: u8 = 0;
const K_FETCH_SWITCH: u8 = 1;
const K_FETCH: u8 = 2;
const K_RUNNING: u8 = 3;
const K_RETURNING: u8 = 4;
const K_NONE: u8 = 5;
const UNKNOWN: i32 = -2;

/** packedLeadsTo.ts:78-90: per (state, hart) TURN and NEXT (id + 1), READ_ZERO, KIND; per state STATUS (id + 1) and INFO. */
let H: i32 = 0;
let room: i32 = 0;
let TURN: usize = 0;
let NEXT: usize = 0;
let READ_ZERO: usize = 0;
let KIND: usize = 0;
let STATUS: usize = 0;
let INFO: usize = 0;
/** packedLeadsTo.ts:91-93: the positions of the drain being walked and the steps at each. */
let TRAIL: usize = 0;
let TRAIL_STEPS: usize = 0;
let trailRoom: i32 = 0;
/** The drain bound (Config.drainBound) and, once `check` failed, the first state whose drain fails. */
let DRAIN_BOUND: i32 = 0;
export let FAILS_FROM: i32 = -1;

function i32At(base: usize, i: i32): usize {
  return base + ((<usize>i) << 2);
}

/** packedLeadsTo.ts:97-107: empty tables for `drainBound`, room for `initial` states before their first grow. */
export function leadsToInit(drainBound: i32, initial: i32): void {
  DRAIN_BOUND = drainBound;
  H = NHARTS;
  room = initial;
  TURN = alloc(room * H, 4);
  NEXT = alloc(room * H, 4);
  READ_ZERO = alloc(room * H, 1);
  KIND = alloc(room * H, 1);
  STATUS = alloc(room, 4);
  INFO = alloc(room, 1);
  trailRoom = 64;
  TRAIL = alloc(trailRoom, 4);
  TRAIL_STEPS = alloc(trailRoom, 4);
  FAILS_FROM = -1;
}

/** A copy of the `n` items of `size` bytes at `from` in room for twice as many. */
function moved(from: usize, n: i32, size: i32): usize {
  const to = alloc(2 * n, size);
  memory.copy(to, from, <usize>n * <usize>size);
  return to;
}

/** Doubles every per-state table (packedLeadsTo.ts:112-120 and the grownInt32 calls of :146, :154-155). */
function grow(): void {
  const n = room * H;
  TURN = moved(TURN, n, 4);
  NEXT = moved(NEXT, n, 4);
  READ_ZERO = moved(READ_ZERO, n, 1);
  KIND = moved(KIND, n, 1);
  STATUS = moved(STATUS, room, 4);
  INFO = moved(INFO, room, 1);
  room *= 2;
}

function b8(s: usize, i: i32): i32 {
  return <i32>load<u8>(s + <usize>i);
}

/** packedLeadsTo.ts:110-137 (`note`): what the drain reads of the new state `x` at `s`. */
export function note(x: i32, s: usize): void {
  while (x >= room) grow();
  let f: u8 = 0;
  if (quiescentAt(s)) f |= QUIESCENT;
  if (onlyWedgedWorkAt(s)) f |= WEDGED_ONLY;
  if (firstOffline(s) >= 0) f |= OFFLINE;
  store<u8>(INFO + <usize>x, f);
  const P = PROCESSES;
  for (let h = 0; h < H; h++) {
    const o = HARTS + h * HART_W;
    const phase = <u8>b8(s, o);
    const hp = b8(s, o + 1) - 1;
    let k = K_NONE;
    if (phase === PH_IDLE) k = K_IDLE;
    else if (phase === PH_FETCH) k = (hp + 1) % P !== hp ? K_FETCH_SWITCH : K_FETCH;
    else if (phase === PH_RUNNING) k = K_RUNNING;
    else if (phase === PH_RETURNING) k = K_RETURNING;
    store<u8>(KIND + <usize>(x * H + h), k);
  }
}

/** packedLeadsTo.ts:140-175 (`record`): records the successor `id` of state `x` (at `cur`) the successor fields describe, when the drain can take it. */
export function record(x: i32, cur: usize, id: i32): void {
  while (x >= room) grow();
  const h = HART;
  if (h < 0) {
    if (ACC !== ACC_STATUS || ACC_B !== 1 || ACC_A !== firstOffline(cur)) return;
    store<i32>(i32At(STATUS, x), id + 1);
    return;
  }
  const o = HARTS + h * HART_W;
  const phase = <u8>b8(cur, o);
  const i = x * H + h;
  if (phase === PH_IDLE) {
    if (SWITCH_TO === h % PROCESSES) store<i32>(i32At(TURN, i), id + 1);
  } else if (phase === PH_FETCH) {
    if (IS_FETCH) {
      store<i32>(i32At(TURN, i), id + 1);
      store<u8>(READ_ZERO + <usize>i, ACC_TASK === 0 ? 1 : 0);
    } else if (SWITCH_TO >= 0 && SWITCH_TO === (b8(cur, o + 1) - 1 + 1) % PROCESSES)
      store<i32>(i32At(NEXT, i), id + 1);
  } else if (phase === PH_RUNNING) {
    const t = b8(cur, o + 2);
    const handler = b8(cur, TASKS + (t - 1) * TASK_W + 3) > 0;
    if (POLL === (handler ? POLL_HANDLED : POLL_FINISH)) store<i32>(i32At(TURN, i), id + 1);
  } else if (phase === PH_RETURNING) {
    if (IS_RETURN) store<i32>(i32At(TURN, i), id + 1);
  }
}

/** packedLeadsTo.ts:178-181: the first process offline in the state at `s`, or -1. */
function firstOffline(s: usize): i32 {
  for (let p = 0; p < PROCESSES; p++) if (b8(s, ONLINE + p) !== 1) return p;
  return -1;
}

/** Where `check` keeps a position's distance to its drain's end (u16 when the bound fits, else i32) and the ends judged. */
let MEMO: usize = 0;
let wide = false;

function memoAt(pos: i32): i32 {
  return wide ? load<i32>(i32At(MEMO, pos)) : <i32>load<u16>(MEMO + ((<usize>pos) << 1));
}

function memoPut(pos: i32, v: i32): void {
  if (wide) store<i32>(i32At(MEMO, pos), v);
  else store<u16>(MEMO + ((<usize>pos) << 1), <u16>v);
}

/**
 * packedLeadsTo.ts:187-211 (`check`): the drain from each of the `count` states stored from
 * `words` (all expanded, each noted), in BFS order; LEADS_FAILS with FAILS_FROM the first whose
 * drain's end fails, LEADS_UNKNOWN for a drain needing a step not recorded.
 */
export function check(words: usize, count: i32): i32 {
  const masks = 1 << H;
  wide = DRAIN_BOUND >= 0xffff;
  MEMO = alloc(count * H * H * masks, wide ? 4 : 2);
  const HELD = alloc(count, 2);
  for (let start = 0; start < count; start++) {
    const at = walk(start);
    if (at === UNKNOWN) return LEADS_UNKNOWN;
    if (at < 0 || load<u8>(HELD + <usize>at) === 1) continue;
    if (!endHolds(words + <usize>(at >> 1) * <usize>WIDTH, (at & 1) === 1)) {
      FAILS_FROM = start;
      return LEADS_FAILS;
    }
    store<u8>(HELD + <usize>at, 1);
  }
  return LEADS_HOLDS;
}

/** packedLeadsTo.ts:218-278 (`walk`): the drain from `start` over the recorded successors (see there). */
function walk(start: i32): i32 {
  const bound = DRAIN_BOUND;
  const masks = 1 << H;
  let x = start;
  let steps = 0;
  while (steps < bound && (load<u8>(INFO + <usize>x) & OFFLINE) !== 0) {
    const y = load<i32>(i32At(STATUS, x)) - 1;
    if (y < 0) return UNKNOWN;
    x = y;
    steps++;
  }
  let sawEmpty = 0;
  let h = 0;
  let stalled = 0;
  let reached = false;
  let known = -1;
  let trailLen = 0;
  for (;;) {
    const f = load<u8>(INFO + <usize>x);
    if ((f & QUIESCENT) !== 0) {
      reached = true;
      break;
    }
    if (steps >= bound || stalled >= H || (f & WEDGED_ONLY) !== 0) break;
    const pos = ((x * H + h) * H + stalled) * masks + sawEmpty;
    const r = memoAt(pos) - 1;
    if (r >= 0 && steps + r <= bound) {
      known = steps + r;
      break;
    }
    if (trailLen === trailRoom) growTrail();
    store<i32>(i32At(TRAIL, trailLen), pos);
    store<i32>(i32At(TRAIL_STEPS, trailLen), steps);
    trailLen++;
    const i = x * H + h;
    const bit = 1 << h;
    h = h + 1 === H ? 0 : h + 1;
    const k = load<u8>(KIND + <usize>i);
    if (k === K_NONE) {
      stalled++; // wedged: no step
      continue;
    }
    const switchNext = k === K_FETCH_SWITCH && (sawEmpty & bit) !== 0;
    const y = (switchNext ? load<i32>(i32At(NEXT, i)) : load<i32>(i32At(TURN, i))) - 1;
    if (y < 0) return UNKNOWN;
    stalled = 0;
    steps++;
    if (switchNext || k === K_IDLE) sawEmpty &= ~bit;
    else if (k === K_FETCH_SWITCH || k === K_FETCH) {
      if (load<u8>(READ_ZERO + <usize>i) === 1) sawEmpty |= bit;
      else sawEmpty &= ~bit;
    }
    x = y;
  }
  const end = known >= 0 ? known : steps;
  for (let j = 0; j < trailLen; j++)
    memoPut(load<i32>(i32At(TRAIL, j)), end - load<i32>(i32At(TRAIL_STEPS, j)) + 1);
  return known >= 0 ? -1 : x * 2 + (reached ? 1 : 0);
}

/** packedLeadsTo.ts:281-288: doubles the walk's trail. */
function growTrail(): void {
  TRAIL = moved(TRAIL, trailRoom, 4);
  TRAIL_STEPS = moved(TRAIL_STEPS, trailRoom, 4);
  trailRoom *= 2;
}

/**
 * packedLeadsTo.ts:291-309 (`endVerdict`) with noLostWakeupEventually.ts:31-54 read from the bytes
 * of the end state at `s` (the drain reached quiescence there or not): it holds when the drain
 * reached quiescence, no line owed a wake (the ghost's undelivered count) has a waiter (a task in
 * its irqWait queue or blocked on it in the task table, noLostWakeupEventually.ts:15-22), and no
 * task is woken and not run since (the ghost's woken bits).
 */
export function endHolds(s: usize, reached: bool): bool {
  if (!reached) return false;
  for (let d = 0; d < DEVICES; d++) {
    if (b8(s, UNDELIVERED + d) === 0) continue;
    if (b8(s, IRQ_WAIT + d * WAIT_W) > 0) return false;
    for (let t = 0; t < TASK_POOL; t++) {
      const o = TASKS + t * TASK_W;
      if (<u8>b8(s, o) === LIFE_BLOCKED && b8(s, o + 4) === d + 1) return false;
    }
  }
  for (let i = 0; i < WOKEN_W; i++) if (b8(s, WOKEN + i) !== 0) return false;
  return true;
}
