/**
 * AssemblyScript: the syscall step properties over packed bytes and the syscall ghost's advance, a
 * port of syscallByteJudge.ts (its module comment says what each verdict reads and why it is the
 * property's; each function here cites the one it ports). The properties' bits are the loader's
 * (`syscallBits`: each property's index among SYSCALL_STEP_PROPERTIES, 0 for one not selected, so
 * an unselected property is never reported); `syscallLeftOut` (tests only) drops one verdict, to
 * show that a test sees a broken judge.
 */
import { alloc } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import {
  ACC_ENQUEUE,
  ACC_IPC_REGISTER,
  ACC_IPC_SEND,
} from '../../../../controller/engine/wasm/assembly/wasmControllerJudge';
import {
  ERROR,
  IPC_PENDING,
  IPC_TYPES,
  ONLINE,
  PENDING_OVERFLOW,
  PRIORITIES,
  PROCESSES,
  READY,
  READY_W,
} from '../../../../controller/engine/wasm/assembly/wasmControllerLayout';
import {
  AGENT_COUNT,
  AWAITING,
  agentReq,
  agentSlot,
  b8,
  DONE,
  FILLING,
  FREE,
  heldPlace,
  IDLE,
  INST_W,
  INSTS,
  kindOf,
  PLACE_COUNT,
  PLACES,
  phaseOf,
  procOf,
  put,
  READING,
  RETURNING,
  RING_W,
  RINGS,
  RSLOTS,
  RUNNING,
  replyOf,
  SLOT_W,
  SUBMITTED,
  TAKEN,
  WOKEN,
} from './syscallWasmLayout';

/** The event type codes the loader passes (syscallWasmModule.ts EVENT_CODES). */
export const T_STATUS: i32 = 0;
export const T_FETCH: i32 = 1;
export const T_CALL: i32 = 2;
export const T_PUBLISH: i32 = 3;
export const T_SIGNAL: i32 = 4;
export const T_READ: i32 = 5;
export const T_TAKE: i32 = 6;
export const T_COMPLETE: i32 = 7;
export const T_REPLY: i32 = 8;
export const T_WAKE: i32 = 9;
export const T_PARK: i32 = 10;
export const T_RETURN: i32 = 11;

/** syscallByteJudge.ts:32-40: the properties' bits (0: not selected). */
let EXACTLY_ONCE: i32 = 0;
let REPLY_ROUTING: i32 = 0;
let CONSERVATION: i32 = 0;
let BOUNDED_RING: i32 = 0;
let NO_LOST_WAKEUP: i32 = 0;
let SINGLE_CONSUMER: i32 = 0;
let PUBLISH_FIRST: i32 = 0;
let OFFLINE_RETENTION: i32 = 0;
let NO_REGISTER_RUNNING: i32 = 0;
/** syscallByteJudge.ts:120 (`leftOut`, tests only), as bits. */
let LEFT_OUT: i32 = 0;

/** The scratch of syscallByteJudge.ts:101-118. */
let PLACE_INST: usize = 0;
let INST: usize = 0;
let RENUMBER: usize = 0;
let RING_CHANGED: usize = 0;
let SLOT_CHANGED: usize = 0;
let STRAY_BY: usize = 0;
let HELD_CODES: usize = 0;
let ringWritten = false;
let slotWritten = false;
let strays: i32 = -1;

/** The bits of the nine properties of syscallByteJudge.ts:32-40, in that order (0: not selected). */
export function syscallBits(
  exactlyOnce: i32,
  replyRouting: i32,
  conservation: i32,
  boundedRing: i32,
  noLostWakeup: i32,
  singleConsumer: i32,
  publishFirst: i32,
  offlineRetention: i32,
  noRegisterRunning: i32,
): void {
  EXACTLY_ONCE = exactlyOnce;
  REPLY_ROUTING = replyRouting;
  CONSERVATION = conservation;
  BOUNDED_RING = boundedRing;
  NO_LOST_WAKEUP = noLostWakeup;
  SINGLE_CONSUMER = singleConsumer;
  PUBLISH_FIRST = publishFirst;
  OFFLINE_RETENTION = offlineRetention;
  NO_REGISTER_RUNNING = noRegisterRunning;
}

/** Tests only: the verdicts of `bits` are never reported (syscallByteJudge.ts:120). */
export function syscallLeftOut(bits: i32): void {
  LEFT_OUT = bits;
}

function geti(base: usize, i: i32): i32 {
  return load<i32>(base + ((<usize>i) << 2));
}

function seti(base: usize, i: i32, v: i32): void {
  store<i32>(base + ((<usize>i) << 2), v);
}

/** syscallByteJudge.ts:123-142 (the constructor): the scratch for the layout set. */
export function syscallJudgeInit(processes: i32): void {
  PLACE_INST = alloc(PLACE_COUNT, 4);
  INST = alloc(2 * PLACE_COUNT * INST_W, 4);
  RENUMBER = alloc(2 * PLACE_COUNT, 4);
  HELD_CODES = alloc(AGENT_COUNT, 4);
  STRAY_BY = alloc(PLACE_COUNT, 4);
  RING_CHANGED = alloc(processes, 4);
  SLOT_CHANGED = alloc(processes * RSLOTS, 4);
}

/** syscallByteJudge.ts:159-171 (`judge`): the selected properties failing on the step, but for those on `next` alone. */
export function syscallJudge(
  cur: usize,
  next: usize,
  type: i32,
  ea: i32,
  acc: i32,
  accA: i32,
  accB: i32,
  accTask: i32,
): i32 {
  let bits = 0;
  if (EXACTLY_ONCE !== 0 && exactlyOnceFails(cur, type, ea)) bits |= EXACTLY_ONCE;
  if (REPLY_ROUTING !== 0 && routingFails(cur, type, ea, acc, accTask)) bits |= REPLY_ROUTING;
  if (CONSERVATION !== 0 && instanceLost(cur, next, type, ea)) bits |= CONSERVATION;
  if (BOUNDED_RING !== 0 && ringFails(cur, next)) bits |= BOUNDED_RING;
  if (PUBLISH_FIRST !== 0 && unpublished(cur, next, type, ea, acc, accB)) bits |= PUBLISH_FIRST;
  if (OFFLINE_RETENTION !== 0 && dropped(cur, next, acc, accA, accB)) bits |= OFFLINE_RETENTION;
  if (NO_REGISTER_RUNNING !== 0 && registersRunning(cur, next, type, ea, acc, accTask))
    bits |= NO_REGISTER_RUNNING;
  return bits & ~LEFT_OUT;
}

/** syscallByteJudge.ts:179-186 (`judgeState`): the verdicts on `next` alone. */
export function syscallJudgeState(next: usize): i32 {
  let bits = 0;
  if (CONSERVATION !== 0 && callLost(next)) bits |= CONSERVATION;
  if (NO_LOST_WAKEUP !== 0 && wakeupLost(next)) bits |= NO_LOST_WAKEUP;
  if (SINGLE_CONSUMER !== 0 && twoConsumers(next)) bits |= SINGLE_CONSUMER;
  return bits & ~LEFT_OUT;
}

/** syscallByteJudge.ts:201-205 (`slotAt`): slot i of ring p's offset, or -1. */
function slotAt(p: i32, i: i32): i32 {
  if (i < 0 || i >= RSLOTS || p < 0 || p >= PROCESSES) return -1;
  return RINGS + p * RING_W + 2 + i * SLOT_W;
}

/** syscallByteJudge.ts:208-210 (`callerSlot`). */
function callerSlot(b: usize, a: i32): i32 {
  return slotAt(procOf(a), agentSlot(b, a));
}

/** syscallByteJudge.ts:213-216 (`heldNumber`). */
function heldNumber(b: usize, a: i32): i32 {
  const place = heldPlace(a);
  return place < 0 ? 0 : b8(b, PLACES + place);
}

/** syscallByteJudge.ts:219-225 (`exactlyOnceFails`). */
function exactlyOnceFails(cur: usize, type: i32, ea: i32): bool {
  if (type !== T_COMPLETE && type !== T_REPLY) return false;
  const k = heldNumber(cur, ea);
  if (k === 0) return false;
  const o = INSTS + (k - 1) * INST_W;
  return type === T_COMPLETE ? b8(cur, o + 4) >= 1 : b8(cur, o + 5) >= 1;
}

/** syscallByteJudge.ts:228-231 (`ownDone`). */
function ownDone(b: usize, c: i32): bool {
  const o = callerSlot(b, c);
  return o >= 0 && b8(b, o) === DONE && b8(b, o + 1) === agentReq(b, c) && b8(b, o + 2) - 1 === c;
}

/** syscallByteJudge.ts:234-244 (`routingFails`). */
function routingFails(cur: usize, type: i32, ea: i32, acc: i32, accTask: i32): bool {
  if (type === T_WAKE) {
    if (acc !== ACC_ENQUEUE) return false;
    const c = accTask - 1;
    if (c < 0 || c >= AGENT_COUNT || kindOf(c) !== 2 || procOf(c) !== procOf(ea)) return true;
    return !ownDone(cur, c);
  }
  if (type === T_READ) return !ownDone(cur, ea);
  return false;
}

/** syscallByteJudge.ts:247-256 (`callLost`). */
function callLost(next: usize): bool {
  for (let a = 0; a < AGENT_COUNT; a++) {
    if (kindOf(a) !== 2 || phaseOf(next, a) === IDLE) continue;
    const o = callerSlot(next, a);
    const ok =
      o >= 0 && b8(next, o) !== FREE && b8(next, o + 1) === agentReq(next, a) && b8(next, o + 2) - 1 === a;
    if (!ok) return true;
  }
  return false;
}

/** syscallByteJudge.ts:259-261 (`load`): the steps to come are from a newly loaded node. */
export function syscallJudgeLoad(): void {
  strays = -1;
}

/** syscallByteJudge.ts:269-278 (`instanceLost`). */
function instanceLost(cur: usize, next: usize, type: i32, ea: i32): bool {
  if (slotWritten) return instanceGone(cur, next, type, ea, false);
  if (strays < 0) {
    strays = 0;
    instanceGone(cur, cur, type, ea, true);
  }
  for (let i = 0; i < strays; i++) if (type !== T_READ || ea !== geti(STRAY_BY, i) - 1) return true;
  return false;
}

/** syscallByteJudge.ts:285-307 (`instanceGone`); `collect` for its `strays` argument. */
function instanceGone(cur: usize, next: usize, type: i32, ea: i32, collect: bool): bool {
  const slots = PROCESSES * RSLOTS;
  for (let place = 0; place < slots; place++) {
    const k = b8(cur, PLACES + place);
    if (k === 0) continue;
    const io = INSTS + (k - 1) * INST_W;
    const requester = b8(cur, io + 3) - 1;
    if (!collect && type === T_READ && ea === requester) continue;
    const o = slotAt(b8(cur, io), b8(cur, io + 1));
    const st = o < 0 ? -1 : b8(next, o);
    const live = st === SUBMITTED || st === TAKEN || st === DONE;
    if (live && b8(next, o + 1) === b8(cur, io + 2) && b8(next, o + 2) - 1 === requester) continue;
    if (!collect) return true;
    seti(STRAY_BY, strays++, requester + 1);
  }
  return false;
}

/** syscallByteJudge.ts:310-327 (`ringFails`). */
function ringFails(cur: usize, next: usize): bool {
  const R = RSLOTS;
  if (!ringWritten) return false;
  for (let p = 0; p < PROCESSES; p++) {
    const o = RINGS + p * RING_W;
    if (geti(RING_CHANGED, p) === 0) continue;
    const used = (((b8(next, o + 1) - b8(next, o)) % (2 * R)) + 2 * R) % (2 * R);
    if (used > R) return true;
    for (let i = 0; i < R; i++) {
      const so = o + 2 + i * SLOT_W;
      if (b8(next, so) !== FILLING || b8(cur, so) === FREE) continue;
      if (
        b8(cur, so) === FILLING &&
        b8(cur, so + 1) === b8(next, so + 1) &&
        b8(cur, so + 2) === b8(next, so + 2)
      )
        continue;
      return true;
    }
  }
  return false;
}

/** syscallByteJudge.ts:330-335 (`wakePending`), the agents p's service dispatchers. */
function servicePending(b: usize, p: i32, type: i32): bool {
  if (b8(b, IPC_PENDING + p * IPC_TYPES + type) > 0) return true;
  for (let a = 0; a < AGENT_COUNT; a++)
    if (kindOf(a) === 0 && procOf(a) === p && runsOrReady(b, p, a)) return true;
  return false;
}

/** syscallByteJudge.ts:338-355 (`runsOrReady`). */
function runsOrReady(b: usize, p: i32, a: i32): bool {
  if (phaseOf(b, a) === RUNNING) return true;
  const task = a + 1;
  for (let k = 0; k < PRIORITIES; k++) {
    const q = READY + (p * PRIORITIES + k) * READY_W;
    const end = q + b8(b, q);
    for (let j = q + 1; j <= end; j++) if (b8(b, j) === task) return true;
  }
  return false;
}

/** syscallByteJudge.ts:358-387 (`wakeupLost`); the service type is 0, the reply type 1 (model/layout.ts). */
function wakeupLost(next: usize): bool {
  const R = RSLOTS;
  for (let p = 0; p < PROCESSES; p++) {
    for (let i = 0; i < R; i++) {
      const o = RINGS + p * RING_W + 2 + i * SLOT_W;
      if (b8(next, o) !== SUBMITTED) continue;
      const requester = b8(next, o + 2) - 1;
      if (requester < 0 || requester >= AGENT_COUNT) continue;
      const ph = phaseOf(next, requester);
      if (ph !== AWAITING && ph !== WOKEN && ph !== READING) continue;
      const q = b8(next, o + 3);
      if (!servicePending(next, q, 0)) return true;
    }
  }
  for (let p = 0; p < PROCESSES; p++) {
    const r = replyOf(p);
    if (r < 0) continue;
    for (let c = 0; c < AGENT_COUNT; c++) {
      if (kindOf(c) !== 2 || procOf(c) !== p) continue;
      const i = agentSlot(next, c);
      const o = slotAt(p, i);
      if (phaseOf(next, c) !== AWAITING || o < 0 || b8(next, o) !== DONE || held(next, p * R + i)) continue;
      const pending = b8(next, IPC_PENDING + p * IPC_TYPES + 1) > 0;
      if (!pending && !runsOrReady(next, p, r)) return true;
    }
  }
  return false;
}

/** syscallByteJudge.ts:390-394 (`held`). */
function held(b: usize, code: i32): bool {
  for (let a = 0; a < AGENT_COUNT; a++)
    if (phaseOf(b, a) === RUNNING && agentSlot(b, a) === code) return true;
  return false;
}

/** syscallByteJudge.ts:397-408 (`twoConsumers`). */
function twoConsumers(next: usize): bool {
  let n = 0;
  for (let a = 0; a < AGENT_COUNT; a++) {
    const code = agentSlot(next, a);
    const ph = phaseOf(next, a);
    if (code < 0 || (ph !== RUNNING && ph !== RETURNING) || agentReq(next, a) !== 0) continue;
    for (let j = 0; j < n; j++) if (geti(HELD_CODES, j) === code) return true;
    seti(HELD_CODES, n++, code);
  }
  return false;
}

/** syscallByteJudge.ts:411-425 (`unpublished`); the service type is 0. */
function unpublished(cur: usize, next: usize, type: i32, ea: i32, acc: i32, accB: i32): bool {
  if (ea < 0) return false;
  if (kindOf(ea) === 2 && acc === ACC_IPC_SEND && accB === 0) {
    const o = callerSlot(cur, ea);
    if (o < 0 || b8(cur, o) === FILLING || b8(cur, o) === FREE) return true;
  }
  if (type === T_TAKE) {
    const code = agentSlot(next, ea);
    if (code < 0 || agentSlot(cur, ea) >= 0) return false;
    const o = slotAt(code / RSLOTS, code % RSLOTS);
    if (o < 0 || b8(cur, o) === FILLING || b8(cur, o) === FREE) return true;
  }
  return false;
}

/** syscallByteJudge.ts:428-434 (`readyCount`). */
function readyCount(b: usize, p: i32): i32 {
  let n = 0;
  for (let k = 0; k < PRIORITIES; k++) n += b8(b, READY + (p * PRIORITIES + k) * READY_W);
  return n;
}

/** syscallByteJudge.ts:437-451 (`dropped`). */
function dropped(cur: usize, next: usize, acc: i32, accA: i32, accB: i32): bool {
  if (acc === ACC_IPC_SEND && b8(cur, ONLINE + accA) === 0) {
    const i = IPC_PENDING + accA * IPC_TYPES + accB;
    const woke = readyCount(next, accA) > readyCount(cur, accA);
    const counted = b8(next, i) > b8(cur, i);
    const reported = (b8(next, ERROR) & PENDING_OVERFLOW) !== 0;
    if (!woke && !counted && !reported) return true;
  }
  return (
    acc === ACC_ENQUEUE && b8(cur, ONLINE + accA) === 0 && readyCount(next, accA) <= readyCount(cur, accA)
  );
}

/** syscallByteJudge.ts:454-466 (`registersRunning`). */
function registersRunning(cur: usize, next: usize, type: i32, ea: i32, acc: i32, accTask: i32): bool {
  if (acc !== ACC_IPC_REGISTER) return false;
  const who = accTask - 1;
  if (who < 0 || who >= AGENT_COUNT) return true;
  if (phaseOf(cur, who) === RUNNING || phaseOf(next, who) === RUNNING) return true;
  if (type !== T_RETURN || ea !== who) return true;
  return phaseOf(cur, who) !== RETURNING;
}

/** syscallByteJudge.ts:477-540 (`advanceGhost`): the syscall ghost in `next` advanced past the step. */
export function syscallAdvanceGhost(cur: usize, next: usize, type: i32, ea: i32): void {
  const R = RSLOTS;
  const slots = PROCESSES * R;
  const moves = type === T_READ || type === T_TAKE || type === T_COMPLETE || type === T_REPLY;
  if (!moves && (!slotWritten || !slotMoves(cur, next))) return;
  let instances = 0;
  for (let place = 0; place < PLACE_COUNT; place++) {
    const k = b8(cur, PLACES + place);
    seti(PLACE_INST, place, k - 1);
    if (k > instances) instances = k;
  }
  for (let k = 0; k < instances * INST_W; k++) seti(INST, k, b8(cur, INSTS + k));
  let changed = false;
  if (type === T_READ) {
    const code = procOf(ea) * R + agentSlot(cur, ea);
    const i = code >= 0 && code < slots ? geti(PLACE_INST, code) : -1;
    if (code >= 0 && code < slots && i >= 0 && geti(INST, i * INST_W + 3) - 1 === ea) {
      seti(PLACE_INST, code, -1);
      changed = true;
    }
  }
  for (let code = 0; code < slots; code++) {
    if (geti(SLOT_CHANGED, code) === 0) continue;
    const o = RINGS + (code / R) * RING_W + 2 + (code % R) * SLOT_W;
    const sa = b8(next, o);
    if (sa === SUBMITTED && b8(cur, o) !== SUBMITTED) {
      const w = instances * INST_W;
      seti(INST, w, code / R);
      seti(INST, w + 1, code % R);
      seti(INST, w + 2, b8(next, o + 1));
      seti(INST, w + 3, b8(next, o + 2));
      seti(INST, w + 4, 0);
      seti(INST, w + 5, 0);
      seti(PLACE_INST, code, instances++);
      changed = true;
    } else if ((sa === FREE || sa === FILLING) && geti(PLACE_INST, code) >= 0) {
      seti(PLACE_INST, code, -1);
      changed = true;
    }
  }
  const hp = ea < 0 ? -1 : heldPlace(ea);
  if (type === T_TAKE) {
    const code = agentSlot(next, ea);
    if (code >= 0 && agentSlot(cur, ea) < 0) {
      if (hp < 0) unreachable(); // no service dispatcher took a slot (the JavaScript throws)
      seti(PLACE_INST, hp, code < slots ? geti(PLACE_INST, code) : -1);
      changed = true;
    }
  } else if ((type === T_COMPLETE || type === T_REPLY) && hp >= 0) {
    const i = geti(PLACE_INST, hp);
    if (i >= 0) {
      const f = i * INST_W + (type === T_COMPLETE ? 4 : 5);
      seti(INST, f, geti(INST, f) + 1);
      if (geti(INST, f) > 255) unreachable(); // an instance count above a byte (the JavaScript throws)
    }
    if (type === T_REPLY) seti(PLACE_INST, hp, -1);
    changed = true;
  }
  if (changed) storeGhost(next, instances);
}

/** syscallByteJudge.ts:543-550 (`clearWrites`): a step begins, no ring or slot written yet. */
export function syscallClearWrites(processes: i32): void {
  if (!ringWritten) return;
  ringWritten = false;
  slotWritten = false;
  for (let p = 0; p < processes; p++) seti(RING_CHANGED, p, 0);
  for (let code = 0; code < processes * RSLOTS; code++) seti(SLOT_CHANGED, code, 0);
}

/** syscallByteJudge.ts:557-563 (`wrote`): the step writes ring p and, when i ≥ 0, its slot i. */
export function syscallWrote(p: i32, i: i32): void {
  seti(RING_CHANGED, p, 1);
  ringWritten = true;
  if (i < 0) return;
  seti(SLOT_CHANGED, p * RSLOTS + i, 1);
  slotWritten = true;
}

/** syscallByteJudge.ts:566-577 (`slotMoves`). */
function slotMoves(cur: usize, next: usize): bool {
  const R = RSLOTS;
  for (let code = 0; code < PROCESSES * R; code++) {
    if (geti(SLOT_CHANGED, code) === 0) continue;
    const o = RINGS + (code / R) * RING_W + 2 + (code % R) * SLOT_W;
    const sa = b8(next, o);
    if (sa === SUBMITTED && b8(cur, o) !== SUBMITTED) return true;
    if ((sa === FREE || sa === FILLING) && b8(cur, PLACES + code) !== 0) return true;
  }
  return false;
}

/** syscallByteJudge.ts:580-597 (`store`): the scratch places and instances written into `next`, renumbered. */
function storeGhost(next: usize, instances: i32): void {
  for (let j = PLACES; j < INSTS + PLACE_COUNT * INST_W; j++) put(next, j, 0);
  for (let i = 0; i < instances; i++) seti(RENUMBER, i, 0);
  let met = 0;
  for (let place = 0; place < PLACE_COUNT; place++) {
    const i = geti(PLACE_INST, place);
    if (i < 0) continue;
    let k = geti(RENUMBER, i);
    if (k === 0) {
      k = ++met;
      seti(RENUMBER, i, k);
      const o = INSTS + (k - 1) * INST_W;
      for (let j = 0; j < INST_W; j++) put(next, o + j, geti(INST, i * INST_W + j));
    }
    put(next, PLACES + place, k);
  }
}
