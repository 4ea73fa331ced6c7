/**
 * AssemblyScript: the wakeup successor function over packed states, a port of packedSuccessors.ts
 * (`PackedSuccessors.expand` and the helpers it calls), line for line and in the same order, so
 * the i-th successor here is the i-th there (packedWasm.test.ts checks every reachable tiny
 * state). The state being expanded is at CUR, each successor is built at B and handed to
 * `visit` (packedWasm.ts) before the next one overwrites it. The access fields the judged engine
 * reads (ACC, ACC_A, …, HART, POLL: packedSuccessors.ts:77-100) are set as there, at the same
 * points; the packed engine ignores them.
 */

import {
  ACC_DEQUEUE,
  ACC_ENQUEUE,
  ACC_IRQ,
  ACC_NONE,
  ACC_REGISTER,
  ACC_STATUS,
} from '../../../../controller/engine/wasm/assembly/wasmControllerJudge';
import {
  CAPACITY,
  copyState,
  DEVICES,
  ERROR,
  HART_W,
  HARTS,
  IRQ_PENDING,
  IRQ_WAIT,
  LIFE_BLOCKED,
  LIFE_DONE,
  LIFE_FREE,
  LIFE_READY,
  LIFE_RUNNING,
  MUT_FINISH_WANDERS,
  MUT_STEALS_OFFLINE,
  MUT_WAKE_COPIES,
  MUT_WEDGES,
  MUTATION,
  NHARTS,
  ONLINE,
  PENDING_MAX,
  PENDING_OVERFLOW,
  PH_FETCH,
  PH_IDLE,
  PH_RETURNING,
  PH_RUNNING,
  PH_WEDGED,
  PRIORITIES,
  PROCESSES,
  QUEUE_FULL,
  READY,
  READY_W,
  TASK_POOL,
  TASK_W,
  TASKS,
  WAIT_DEPTH,
  WAIT_FULL,
  WAIT_W,
} from './wasmLayout';
import { visit } from './wasmSearch';

/** packedAccess.ts's access codes (ACC_NONE … ACC_DEQUEUE), the controller judge's, re-exported for the wakeup modules. */
export {
  ACC_DEQUEUE,
  ACC_ENQUEUE,
  ACC_IRQ,
  ACC_NONE,
  ACC_REGISTER,
  ACC_STATUS,
} from '../../../../controller/engine/wasm/assembly/wasmControllerJudge';

/** packedSuccessors.ts:53-56's poll outcomes. */
const POLL_YIELD: i32 = 1;
export const POLL_FINISH: i32 = 2;
export const POLL_HANDLED: i32 = 3;
const POLL_BLOCK: i32 = 4;

/**
 * packedSuccessors.ts:77-100: the access of the successor being visited and its arguments, its
 * hart (-1: none) and whether it is a HartReturn / HartFetch, the states expanded so far, the
 * process a HartSwitch goes to (-1) and a HartPoll's outcome (0).
 */
export let ACC: i32 = ACC_NONE;
export let ACC_A: i32 = 0;
export let ACC_B: i32 = 0;
export let ACC_TASK: i32 = 0;
export let HART: i32 = -1;
export let IS_RETURN = false;
export let IS_FETCH = false;
export let GENERATION: i32 = 0;
export let SWITCH_TO: i32 = -1;
export let POLL: i32 = 0;

/**
 * Sets the fields above as a caller of packedSuccessors.ts's PackedSuccessors sets them by hand
 * (its public fields, packedSuccessors.ts:77-100) for one step it hands the judge, and counts one
 * more state loaded (GENERATION, as `expand` does at packedSuccessors.ts:118): the judge reads the
 * state afresh (wasmJudgedSearch.ts `judgeStep`, for the tests).
 */
export function setAccess(
  acc: i32,
  a: i32,
  b: i32,
  t: i32,
  hart: i32,
  isReturn: bool,
  isFetch: bool,
  switchTo: i32,
  poll: i32,
): void {
  ACC = acc;
  ACC_A = a;
  ACC_B = b;
  ACC_TASK = t;
  HART = hart;
  IS_RETURN = isReturn;
  IS_FETCH = isFetch;
  SWITCH_TO = switchTo;
  POLL = poll;
  GENERATION++;
}

/** The state being expanded and the successor being built (packedSuccessors.ts:64-69); set by `setBuffers`. */
let CUR: usize = 0;
let B: usize = 0;
/** The phase a poll leaves its hart in when it owes a return action (packedSuccessors.ts:73, :104). */
let OWES: u8 = PH_RETURNING;

/** Points the successor function at its two state buffers (`width` bytes each) and reads the mutation. */
export function setBuffers(cur: usize, b: usize): void {
  CUR = cur;
  B = b;
  OWES = MUTATION === MUT_WEDGES ? PH_WEDGED : PH_RETURNING;
}

function cur(i: i32): i32 {
  return <i32>load<u8>(CUR + <usize>i);
}

function at(i: i32): i32 {
  return <i32>load<u8>(B + <usize>i);
}

function put(i: i32, v: i32): void {
  store<u8>(B + <usize>i, <u8>v);
}

/** packedSuccessors.ts:115-205 (`expand`): visits every successor of the state at `src`, in `enabled`'s order; returns how many. */
export function expand(src: usize): i32 {
  copyState(CUR, src);
  GENERATION++;
  let n = 0;
  HART = -1;
  IS_RETURN = false;
  IS_FETCH = false;
  for (let d = 0; d < DEVICES; d++) {
    reset();
    irq(d);
    visit();
    n++;
  }
  for (let p = 0; p < PROCESSES; p++) {
    const on = cur(ONLINE + p) === 1;
    if (on && !hartOn(p)) {
      reset();
      status(p, 0);
      visit();
      n++;
    }
    if (!on) {
      reset();
      status(p, 1);
      visit();
      n++;
    }
  }
  const t = lowestFree();
  if (t > 0) {
    for (let p = 0; p < PROCESSES; p++) {
      if (liveTasks(p) >= CAPACITY) continue;
      for (let k = 0; k < PRIORITIES; k++) {
        reset();
        setTask(t, LIFE_READY, p, k, -1, -1);
        enqueue(p, k, t);
        ACC = ACC_ENQUEUE;
        ACC_A = p;
        ACC_B = k;
        ACC_TASK = t;
        visit();
        n++;
      }
    }
  }
  for (let h = 0; h < NHARTS; h++) {
    const o = HARTS + h * HART_W;
    const phase = <u8>cur(o);
    const hp = cur(o + 1) - 1;
    HART = h;
    if (phase === PH_FETCH) {
      reset();
      fetch(h, hp);
      IS_FETCH = true;
      visit();
      IS_FETCH = false;
      reset();
      setHart(h, PH_IDLE, -1, 0);
      ACC = ACC_NONE;
      visit();
      n += 2;
    }
    if (phase === PH_FETCH || phase === PH_IDLE) {
      ACC = ACC_NONE;
      for (let p = 0; p < PROCESSES; p++) {
        if (cur(ONLINE + p) !== 1 || hp === p) continue;
        reset();
        setHart(h, PH_FETCH, p, 0);
        SWITCH_TO = p;
        visit();
        n++;
      }
      SWITCH_TO = -1;
    } else if (phase === PH_RUNNING) {
      ACC = ACC_NONE;
      n += polls(h, hp, cur(o + 2));
      POLL = 0;
    } else if (phase === PH_RETURNING) {
      reset();
      ret(h, hp, cur(o + 2));
      IS_RETURN = true;
      visit();
      IS_RETURN = false;
      n++;
    }
  }
  return n;
}

/** packedSuccessors.ts:208-214: STATUS write of process p with `data` into the successor being built. */
function status(p: i32, data: i32): void {
  put(ONLINE + p, data);
  ACC = ACC_STATUS;
  ACC_A = p;
  ACC_B = data;
  ACC_TASK = 0;
}

/** packedSuccessors.ts:286-288: starts the next successor from the state being expanded. */
function reset(): void {
  copyState(B, CUR);
}

/** packedSuccessors.ts:291-326: the polls of task t running on hart h (yield, finish, handled, block per device). */
function polls(h: i32, hp: i32, t: i32): i32 {
  const o = TASKS + (t - 1) * TASK_W;
  const p = cur(o + 1) - 1;
  const prio = cur(o + 2);
  const handlerOf = cur(o + 3) - 1;
  if (handlerOf >= 0) {
    reset();
    setHart(h, OWES, hp, t);
    setTask(t, LIFE_BLOCKED, p, prio, handlerOf, handlerOf);
    POLL = POLL_HANDLED;
    visit();
    return 1;
  }
  reset();
  setHart(h, OWES, hp, t);
  setTask(t, LIFE_READY, p, prio, -1, cur(o + 4) - 1);
  POLL = POLL_YIELD;
  visit();
  reset();
  setHart(h, PH_FETCH, MUTATION === MUT_FINISH_WANDERS ? (hp + 1) % PROCESSES : hp, 0);
  setTask(t, LIFE_DONE, p, prio, -1, -1);
  POLL = POLL_FINISH;
  visit();
  let n = 2;
  POLL = POLL_BLOCK;
  for (let d = 0; d < DEVICES; d++) {
    if (waitClaims(d) >= WAIT_DEPTH) continue;
    reset();
    setHart(h, OWES, hp, t);
    setTask(t, LIFE_BLOCKED, p, prio, -1, d);
    visit();
    n++;
  }
  return n;
}

/** packedSuccessors.ts:329-347: a device interrupt wakes the head waiter, else counts, else flags the overflow. */
function irq(d: i32): void {
  ACC = ACC_IRQ;
  ACC_A = d;
  ACC_B = 0;
  ACC_TASK = 0;
  const w = IRQ_WAIT + d * WAIT_W;
  const len = at(w);
  if (len > 0) {
    const p = at(w + 1) - 1;
    const t = at(w + 2);
    if (MUTATION !== MUT_WAKE_COPIES) shift(w, 2, len);
    append(READY + p * PRIORITIES * READY_W, t);
    return;
  }
  const pend = IRQ_PENDING + d;
  if (at(pend) >= PENDING_MAX) put(ERROR, at(ERROR) | PENDING_OVERFLOW);
  else put(pend, at(pend) + 1);
}

/** packedSuccessors.ts:350-354: ENQUEUE_k of process p with task t, refused with QUEUE_FULL at capacity. */
function enqueue(p: i32, k: i32, t: i32): void {
  if (occupancy(p) >= CAPACITY) put(ERROR, at(ERROR) | QUEUE_FULL);
  else append(READY + (p * PRIORITIES + k) * READY_W, t);
}

/** packedSuccessors.ts:357-380: the executor on hart h reads DEQUEUE of p and runs what it read when it may. */
function fetch(h: i32, hp: i32): void {
  if (hp < 0) unreachable(); // 'a fetching hart on no process'
  let p = hp;
  let t = dequeue(p);
  ACC = ACC_DEQUEUE;
  ACC_A = hp;
  ACC_B = 0;
  ACC_TASK = t;
  if (t === 0 && MUTATION === MUT_STEALS_OFFLINE) {
    for (let q = 0; q < PROCESSES && t === 0; q++) {
      if (q === hp || at(ONLINE + q) === 1) continue;
      t = dequeue(q);
      p = q;
    }
  }
  if (t < 1 || t > TASK_POOL) return;
  const o = TASKS + (t - 1) * TASK_W;
  const life = <u8>at(o);
  if (at(o + 1) - 1 !== p || (life !== LIFE_READY && life !== LIFE_BLOCKED)) return;
  setHart(h, PH_RUNNING, p, t);
  put(o, LIFE_RUNNING);
  put(o + 4, 0);
}

/** packedSuccessors.ts:383-394: DEQUEUE of p: the head of its lowest non-empty ready queue, removed, or 0. */
function dequeue(p: i32): i32 {
  for (let k = 0; k < PRIORITIES; k++) {
    const q = READY + (p * PRIORITIES + k) * READY_W;
    const len = at(q);
    if (len === 0) continue;
    const t = at(q + 1);
    shift(q, 1, len);
    return t;
  }
  return 0;
}

/** packedSuccessors.ts:397-433: the return action of task t on hart h (ENQUEUE after a yield, else IRQ_REGISTER). */
function ret(h: i32, hp: i32, t: i32): void {
  const o = TASKS + (t - 1) * TASK_W;
  const p = at(o + 1) - 1;
  setHart(h, PH_FETCH, hp, 0);
  ACC_A = p;
  ACC_TASK = t;
  if (<u8>at(o) === LIFE_READY) {
    ACC = ACC_ENQUEUE;
    ACC_B = at(o + 2);
    enqueue(p, at(o + 2), t);
    return;
  }
  const d = at(o + 4) - 1;
  if (d < 0) unreachable(); // 'a registration for no device'
  ACC = ACC_REGISTER;
  ACC_B = d;
  if (occupancy(p) >= CAPACITY) {
    put(ERROR, at(ERROR) | QUEUE_FULL);
    return;
  }
  const pend = IRQ_PENDING + d;
  if (at(pend) > 0) {
    put(pend, at(pend) - 1);
    append(READY + p * PRIORITIES * READY_W, t);
    return;
  }
  const w = IRQ_WAIT + d * WAIT_W;
  const len = at(w);
  if (len >= WAIT_DEPTH) {
    put(ERROR, at(ERROR) | WAIT_FULL);
    return;
  }
  put(w + 1 + 2 * len, p + 1);
  put(w + 2 + 2 * len, t);
  put(w, len + 1);
}

/** packedSuccessors.ts:436-442: appends t to the ready FIFO at q. */
function append(q: i32, t: i32): void {
  const len = at(q);
  if (len >= CAPACITY) unreachable(); // 'a ready queue outgrew C'
  put(q + 1 + len, t);
  put(q, len + 1);
}

/** packedSuccessors.ts:445-451: removes the head item (w bytes) of the FIFO of length len at q, zeroing the freed slot. */
function shift(q: i32, w: i32, len: i32): void {
  const end = q + 1 + len * w;
  for (let i = q + 1; i < end - w; i++) put(i, at(i + w));
  for (let i = end - w; i < end; i++) put(i, 0);
  put(q, len - 1);
}

/** packedSuccessors.ts:453-458. */
function setHart(h: i32, phase: u8, p: i32, t: i32): void {
  const o = HARTS + h * HART_W;
  put(o, phase);
  put(o + 1, p + 1);
  put(o + 2, t);
}

/** packedSuccessors.ts:460-475. */
function setTask(t: i32, life: u8, p: i32, prio: i32, handlerOf: i32, waitsOn: i32): void {
  const o = TASKS + (t - 1) * TASK_W;
  put(o, life);
  put(o + 1, p + 1);
  put(o + 2, prio);
  put(o + 3, handlerOf + 1);
  put(o + 4, waitsOn + 1);
}

/** packedSuccessors.ts:477-481. */
function hartOn(p: i32): bool {
  for (let h = 0; h < NHARTS; h++) if (cur(HARTS + h * HART_W + 1) === p + 1) return true;
  return false;
}

/** packedSuccessors.ts:483-489. */
function lowestFree(): i32 {
  for (let t = 1; t <= TASK_POOL; t++) {
    const life = <u8>cur(TASKS + (t - 1) * TASK_W);
    if (life === LIFE_FREE || life === LIFE_DONE) return t;
  }
  return 0;
}

/** packedSuccessors.ts:491-503. */
function liveTasks(p: i32): i32 {
  let n = 0;
  for (let t = 0; t < TASK_POOL; t++) {
    const o = TASKS + t * TASK_W;
    const life = <u8>cur(o);
    if (cur(o + 1) === p + 1 && (life === LIFE_READY || life === LIFE_RUNNING || life === LIFE_BLOCKED)) n++;
  }
  return n;
}

/** packedSuccessors.ts:505-512. */
function waitClaims(d: i32): i32 {
  let n = 0;
  for (let t = 0; t < TASK_POOL; t++) {
    const o = TASKS + t * TASK_W;
    if (cur(o + 3) === d + 1 || (<u8>cur(o) === LIFE_BLOCKED && cur(o + 4) === d + 1)) n++;
  }
  return n;
}

/** packedSuccessors.ts:515-525: occupancy(p) of the successor being built (ready tasks plus irq waiters of p). */
function occupancy(p: i32): i32 {
  let n = 0;
  for (let k = 0; k < PRIORITIES; k++) n += at(READY + (p * PRIORITIES + k) * READY_W);
  for (let d = 0; d < DEVICES; d++) {
    const w = IRQ_WAIT + d * WAIT_W;
    const len = at(w);
    for (let j = 0; j < len; j++) if (at(w + 1 + 2 * j) === p + 1) n++;
  }
  return n;
}
