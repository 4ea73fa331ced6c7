/**
 * AssemblyScript: the packed syscall engine's successor function, a port of
 * syscallPackedSuccessors.ts's `step` and `apply` (the syscall model's rules on bytes, the
 * controller access through the controller model's rules in bytes, wasmControllerStep.ts
 * `stepFlat`), each successor judged by the controller byte judge (wasmControllerJudge.ts) and the
 * syscall byte judge (syscallWasmJudge.ts), with the seeded successor bugs of
 * syscallPackedMutation.ts (tests only). In a search (`syscallRemember`) it remembers, as
 * controllerStepMemo.ts does, the controller half of each step every controller property passed
 * per (controller prefix number, event, varying argument), and copies it instead of stepping and
 * judging again; the per-node tests step without it (every step judged). Where the JavaScript judges a step with the properties themselves (the
 * controller byte judge answers -1, or a selected property has no byte form), `syscallStep`
 * answers HANDED and the caller asks the JavaScript engine.
 */
import { alloc, moved, setWidth } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import {
  ACC_DEQUEUE,
  ACC_ENQUEUE,
  ACC_IPC_REGISTER,
  ACC_IPC_SEND,
  ACC_NONE,
  ACC_STATUS,
  controllerJudgeBytes,
} from '../../../../controller/engine/wasm/assembly/wasmControllerJudge';
import {
  ENDED,
  ONLINE,
  PRIORITIES,
  PROCESSES,
  READY,
  READY_W,
} from '../../../../controller/engine/wasm/assembly/wasmControllerLayout';
import {
  GENERATION,
  loadState,
  stepFlat,
} from '../../../../controller/engine/wasm/assembly/wasmControllerStep';
import { ctrlCount, ctrlIntern, ctrlNode } from './syscallWasmCtrlNodes';
import {
  syscallAdvanceGhost,
  syscallClearWrites,
  syscallJudge,
  syscallJudgeLoad,
  syscallJudgeState,
  syscallWrote,
  T_CALL,
  T_COMPLETE,
  T_FETCH,
  T_PARK,
  T_PUBLISH,
  T_READ,
  T_REPLY,
  T_RETURN,
  T_SIGNAL,
  T_STATUS,
  T_TAKE,
  T_WAKE,
} from './syscallWasmJudge';
import {
  AGENT_COUNT,
  AGENT_W,
  AGENTS,
  AWAITING,
  agentReq,
  agentSlot,
  b8,
  CWIDTH,
  copyBytes,
  DONE,
  FILLING,
  FILLING_PHASE,
  FREE,
  IDLE,
  kindOf,
  phaseOf,
  procOf,
  put,
  READING,
  RETURNING,
  RSLOTS,
  RUNNING,
  ringAt,
  SLOT_W,
  STORE_W,
  SUBMITTED,
  SUBMITTED_PHASE,
  SWIDTH,
  slotOffset,
  TAKEN,
  WAITING,
  WOKEN,
} from './syscallWasmLayout';

/** syscallPackedSuccessors.ts:60-62: what a step found (HANDED: the JavaScript judges it). */
export const REJECTED: i32 = 0;
const ACCEPTED: i32 = 1;
export const VIOLATED: i32 = 2;
export const HANDED: i32 = 3;
/** syscallPackedSuccessors.ts:961: an event the model refuses; controllerByteStep.ts:29: an acknowledged write. */
const REJECTED_CODE: i32 = -2;
const BYTE_ACK: i32 = -1;
/** controllerByteStep.ts:105-115: the operation kinds of the accesses the syscall model makes. */
const OP_ENQUEUE: i32 = 2;
const OP_DEQUEUE: i32 = 5;
const OP_STATUS_WRITE: i32 = 7;
const OP_IPC_REGISTER: i32 = 9;
const OP_IPC_SEND: i32 = 10;

/** The seeded bugs of syscallPackedMutation.ts by the loader's code (0: none). */
const MUT_COMPLETE_TWICE: i32 = 1;
const MUT_SIGNAL_READS_AT_ONCE: i32 = 2;
const MUT_CALL_FORGETS_REQUEST: i32 = 3;
const MUT_CALL_OVERWRITES: i32 = 4;
const MUT_SIGNAL_SENDS_NOTHING: i32 = 5;
const MUT_TAKE_TAKES_TAKEN: i32 = 6;
const MUT_PUBLISH_LEAVES_FILLING: i32 = 7;
const MUT_OFFLINE_SEND_DROPPED: i32 = 8;
const MUT_PARK_REGISTERS: i32 = 9;
/** syscallPackedMutation.ts memoIgnoresArgument: the memo's slot is the event's alone (syscallPackedSuccessors.ts:495). */
const MUT_MEMO_IGNORES_ARGUMENT: i32 = 10;
let MUT: i32 = 0;

/** Per event, 5 i32: type code, agent, process, target, data (syscallByteJudge.ts FlatSyscallEvent). */
let EVENTS: usize = 0;
export let NEVENTS: i32 = 0;
/** Whether the controller properties are judged (some selected: syscallPackedSuccessors.ts:193). */
let JUDGES_CONTROLLER = false;
/** The last step's access (syscallPackedSuccessors.ts:83-86) and its verdict bits. */
let ACC: i32 = 0;
let ACC_A: i32 = 0;
let ACC_B: i32 = 0;
let ACC_TASK: i32 = 0;
let CTRL_BITS: i32 = 0;
let SYS_BITS: i32 = 0;
let CUR: usize = 0;
let NEXT: usize = 0;

/**
 * controllerStepMemo.ts (the search only, `syscallRemember`): per controller prefix number, per
 * (event, varying argument), the prefix after the access + 1 (0: not remembered) and its value;
 * the loaded node's prefix number, the successor's (-1: not known), the slot looked at.
 */
let REMEMBERS = false;
let MEMO_AFTER: usize = 0;
let MEMO_VALUE: usize = 0;
let memoRows: i32 = 0;
let ROW: i32 = 0;
let OP_W: i32 = 0;
let MEMO_AT: i32 = 0;
let memoHit = false;
let CUR_K: i32 = 0;
let CUR_CTRL: i32 = 0;
let SUCC_CTRL: i32 = -1;
let ACC_VALUE: i32 = 0;

/** Controller steps are remembered from here on (syscallPackedSuccessors.ts:205: when the controller properties are judged), `opW` slots per event. */
export function syscallRemember(opW: i32): void {
  if (!JUDGES_CONTROLLER) return;
  REMEMBERS = true;
  OP_W = opW;
  ROW = NEVENTS * opW;
  memoRows = 1024;
  MEMO_AFTER = alloc(memoRows * ROW, 4);
  MEMO_VALUE = alloc(memoRows * ROW, 4);
}

/** The loaded node's controller prefix is number `id` (syscallPackedSuccessors.ts:286-293 `entered`). */
export function syscallLoadedCtrl(id: i32): void {
  CUR_CTRL = id;
}

/** The successor's controller prefix number, or -1 when not known (syscallPackedSuccessors.ts:303-306 `key`). */
export function syscallSuccCtrl(): i32 {
  return SUCC_CTRL;
}

/** controllerStepMemo.ts:83-89 (`remember`): the access just judged, its value and the prefix after it. */
function remember(): void {
  const at = MEMO_AT;
  const id = ctrlIntern(NEXT);
  if (ctrlCount() > memoRows) {
    const n = memoRows * 2;
    MEMO_AFTER = moved(MEMO_AFTER, memoRows * ROW, n * ROW, 4);
    MEMO_VALUE = moved(MEMO_VALUE, memoRows * ROW, n * ROW, 4);
    memoRows = n;
  }
  store<i32>(MEMO_AFTER + ((<usize>at) << 2), id + 1);
  store<i32>(MEMO_VALUE + ((<usize>at) << 2), ACC_VALUE);
  SUCC_CTRL = id;
}

/** Room for `n` events, whether the controller properties are judged, and the seeded bug's code. */
export function syscallEventsInit(n: i32, judgesController: i32, mutation: i32): void {
  NEVENTS = n;
  EVENTS = alloc(n * 5, 4);
  JUDGES_CONTROLLER = judgesController !== 0;
  MUT = mutation;
}

/** Event k: its type code (syscallWasmJudge.ts T_*), agent, process, target and data (-1: absent). */
export function syscallSetEvent(k: i32, type: i32, a: i32, p: i32, target: i32, data: i32): void {
  const e = EVENTS + <usize>(k * 20);
  store<i32>(e, type);
  store<i32>(e, a, 4);
  store<i32>(e, p, 8);
  store<i32>(e, target, 12);
  store<i32>(e, data, 16);
}

/** Event k's record: its type, agent, process, target and data (i32 each, as `syscallSetEvent` wrote them). */
export function eventAt(k: i32): usize {
  return EVENTS + <usize>(k * 20);
}

/**
 * The initial node, a port of syscallJudge.ts `initial` for the model alone (model/boot.ts
 * initialSyscall, wakeup/engine/bootGhost.ts bootedGhost, properties/ghost.ts
 * initialSyscallGhost) as syscallPackedLayout.ts encodes it, written at `node` (zero bytes, a
 * word after them for the store key's use), `tmp` a node's room: process 0 online
 * (controller/model/state.ts initialState), then the boot writes in their order
 * (syscallBootWrites: each dispatcher's IPC_REGISTER of its type, then STATUS 1 of every other
 * process), each stepped on the controller bytes (stepFlat) and counted in the controller ghost
 * as an accepted write (the controller byte judge's ghost advance, its verdicts not read: a boot
 * write is not judged), then the dispatchers waiting; the rings empty, the callers idle and the
 * syscall ghost empty are zero bytes. syscallWasmGuards.test.ts requires it to be the JavaScript
 * successor function's `initial()` byte for byte.
 */
export function syscallInitial(node: usize, tmp: usize): void {
  if (PROCESSES > 0) put(node, ONLINE, 1);
  for (let a = 0; a < AGENT_COUNT; a++)
    if (kindOf(a) !== 2)
      bootWrite(node, tmp, ACC_IPC_REGISTER, OP_IPC_REGISTER, procOf(a), kindOf(a) === 1 ? 1 : 0, a + 1);
  for (let p = 1; p < PROCESSES; p++) bootWrite(node, tmp, ACC_STATUS, OP_STATUS_WRITE, p, 1, 0);
  for (let a = 0; a < AGENT_COUNT; a++) if (kindOf(a) !== 2) put(node, AGENTS + a * AGENT_W, WAITING);
}

/** One boot write on the node at `node` (`tmp`: its state before), its controller ghost advanced. */
function bootWrite(node: usize, tmp: usize, acc: i32, op: i32, a: i32, b: i32, task: i32): void {
  copyBytes(tmp, node, SWIDTH);
  loadState(tmp);
  stepFlat(node, op, a, b, task);
  setWidth(CWIDTH);
  controllerJudgeBytes(tmp, node, acc, a, b, task, GENERATION, false);
  setWidth(STORE_W);
}

/** syscallPackedSuccessors.ts:266-270 (`load`, `entered`): the node at `cur` is the one the steps to come start from. */
export function syscallLoad(cur: usize): void {
  loadState(cur);
  syscallJudgeLoad();
}

/** The bits of the controller properties the last violated step failed (packedControllerJudge.ts's). */
export function syscallCtrlBits(): i32 {
  return CTRL_BITS;
}

/** The bits of the syscall properties the last violated step failed (syscallByteJudge.ts's). */
export function syscallSysBits(): i32 {
  return SYS_BITS;
}

/**
 * syscallPackedSuccessors.ts:358-386 (`step`): the successor of the loaded node at `cur` by event
 * `k`, written to `next`: REJECTED, ACCEPTED (the ghosts advanced), VIOLATED (the failing
 * properties' bits in CTRL_BITS and SYS_BITS) or HANDED; with `stateLater` the verdicts on the
 * successor alone are left to syscallStateBits unless another one fails.
 */
export function syscallStep(cur: usize, next: usize, k: i32, stateLater: bool): i32 {
  CUR = cur;
  NEXT = next;
  ACC = ACC_NONE;
  CUR_K = k;
  memoHit = false;
  const e = EVENTS + <usize>(k * 20);
  const type = load<i32>(e);
  const ea = load<i32>(e, 4);
  const code = apply(type, ea, load<i32>(e, 8), load<i32>(e, 12), load<i32>(e, 16));
  if (code === REJECTED_CODE) return REJECTED;
  let ctrlBits = 0;
  if (ACC !== ACC_NONE && JUDGES_CONTROLLER && !memoHit) {
    // the controller judge compares the controller prefix's words alone (packedControllerJudge.ts:255)
    setWidth(CWIDTH);
    ctrlBits = controllerJudgeBytes(cur, next, ACC, ACC_A, ACC_B, ACC_TASK, GENERATION, true);
    setWidth(STORE_W);
    if (ctrlBits < 0) return HANDED;
    // a controller step every controller property passed: the same from the same controller node
    if (ctrlBits === 0 && REMEMBERS) remember();
  }
  const stepBits = syscallJudge(cur, next, type, ea, ACC, ACC_A, ACC_B, ACC_TASK);
  const fails = ctrlBits !== 0 || stepBits !== 0;
  const sysBits = stateLater && !fails ? stepBits : stepBits | syscallJudgeState(next);
  CTRL_BITS = ctrlBits;
  SYS_BITS = sysBits;
  if (ctrlBits !== 0 || sysBits !== 0) return VIOLATED;
  syscallAdvanceGhost(cur, next, type, ea);
  return ACCEPTED;
}

/** syscallPackedSuccessors.ts:393-403 (`stateViolations`): the verdicts on the last successor alone, as bits. */
export function syscallStateBits(next: usize): i32 {
  return syscallJudgeState(next);
}

/** syscallPackedSuccessors.ts:419-423 (`begin`): the successor starts as the loaded node. */
function begin(): void {
  SUCC_CTRL = CUR_CTRL;
  copyBytes(NEXT, CUR, SWIDTH);
  syscallClearWrites(PROCESSES);
}

/** syscallPackedSuccessors.ts:488-509 (`access`, without the memo): the access on the successor, its value. */
function access(acc: i32, a: i32, b: i32, task: i32, vary: i32): i32 {
  ACC = acc;
  ACC_A = a;
  ACC_B = b;
  ACC_TASK = task;
  if (REMEMBERS) {
    MEMO_AT = CUR_CTRL * ROW + CUR_K * OP_W + (MUT === MUT_MEMO_IGNORES_ARGUMENT ? 0 : vary);
    const after = load<i32>(MEMO_AFTER + ((<usize>MEMO_AT) << 2));
    memoHit = after !== 0;
    if (memoHit) {
      ctrlNode(after - 1, NEXT);
      SUCC_CTRL = after - 1;
      const v = load<i32>(MEMO_VALUE + ((<usize>MEMO_AT) << 2));
      ACC_VALUE = v;
      if (acc === ACC_DEQUEUE) ACC_TASK = v;
      return v;
    }
  }
  SUCC_CTRL = -1;
  let op = OP_STATUS_WRITE;
  if (acc === ACC_DEQUEUE) op = OP_DEQUEUE;
  else if (acc === ACC_ENQUEUE) op = OP_ENQUEUE;
  else if (acc === ACC_IPC_REGISTER) op = OP_IPC_REGISTER;
  else if (acc === ACC_IPC_SEND) op = OP_IPC_SEND;
  const v = stepFlat(NEXT, op, a, b, task);
  ACC_VALUE = v;
  if (acc === ACC_DEQUEUE) ACC_TASK = v;
  return v;
}

/** syscallPackedSuccessors.ts:543-547 (`used`): the ring's occupancy. */
function used(b: usize, p: i32): i32 {
  const R2 = 2 * RSLOTS;
  const o = ringAt(p);
  return (((b8(b, o + 1) - b8(b, o)) % R2) + R2) % R2;
}

/** syscallPackedSuccessors.ts:550-564 (`submittedFor`). */
function submittedFor(q: i32, alsoTaken: bool): i32 {
  const R = RSLOTS;
  for (let p = 0; p < PROCESSES; p++) {
    const n = used(CUR, p);
    const head = b8(CUR, ringAt(p));
    for (let j = 0; j < n; j++) {
      const i = (head + j) % R;
      const o = slotOffset(p, i);
      const st = b8(CUR, o);
      if ((st === SUBMITTED || (alsoTaken && st === TAKEN)) && b8(CUR, o + 3) === q) return p * R + i;
    }
  }
  return -1;
}

/** syscallPackedSuccessors.ts:567-578 (`wakeableIn`): callers in agent order (the loader checks layout.ts's is). */
function wakeableIn(p: i32): i32 {
  for (let c = 0; c < AGENT_COUNT; c++) {
    if (kindOf(c) !== 2 || procOf(c) !== p) continue;
    const o = AGENTS + c * AGENT_W;
    if (b8(CUR, o) !== AWAITING) continue;
    const i = b8(CUR, o + 1) - 1;
    if (i < 0 || i >= RSLOTS) continue;
    const so = slotOffset(p, i);
    if (b8(CUR, so) === DONE && b8(CUR, so + 1) === b8(CUR, o + 2) && b8(CUR, so + 2) - 1 === c) return c;
  }
  return -1;
}

/** syscallPackedSuccessors.ts:780-789 (`freshRequestId`). */
function freshRequestId(p: i32): i32 {
  let mine = 0;
  for (let c = 0; c < AGENT_COUNT; c++) if (kindOf(c) === 2 && procOf(c) === p) mine++;
  for (let id = 1; id <= mine; id++) {
    let taken = false;
    for (let c = 0; c < AGENT_COUNT; c++)
      if (kindOf(c) === 2 && procOf(c) === p && phaseOf(CUR, c) !== IDLE && agentReq(CUR, c) === id)
        taken = true;
    if (!taken) return id;
  }
  return 0;
}

/** syscallPackedSuccessors.ts:527-532 (`setAgent`). */
function setAgent(a: i32, phase: i32, slot: i32, req: i32): void {
  const o = AGENTS + a * AGENT_W;
  put(NEXT, o, phase);
  put(NEXT, o + 1, slot + 1);
  put(NEXT, o + 2, req);
}

/** syscallPackedSuccessors.ts:774-777 (`callerSlotOffset`). */
function callerSlotOffset(a: i32): i32 {
  const i = agentSlot(CUR, a);
  return i < 0 || i >= RSLOTS ? -1 : slotOffset(procOf(a), i);
}

/** syscallPackedSuccessors.ts:750-753 (`register`): IPC_REGISTER of dispatcher a's type. */
function register(a: i32): i32 {
  return access(ACC_IPC_REGISTER, procOf(a), kindOf(a) === 1 ? 1 : 0, a + 1, 0);
}

/** syscallPackedSuccessors.ts:756-763 (`send`): IPC_SEND of `type` to `target` (with the seeded offline drop). */
function send(target: i32, type: i32): i32 {
  const v = access(ACC_IPC_SEND, target, type, 0, target);
  if (MUT === MUT_OFFLINE_SEND_DROPPED && b8(CUR, ONLINE + target) === 0) {
    for (let j = 0; j < ENDED; j++) put(NEXT, j, b8(CUR, j));
    SUCC_CTRL = -1;
  }
  return v;
}

/** syscallPackedSuccessors.ts:585-747 (`apply`): model/step.ts on the successor bytes; REJECTED_CODE or the access's value. */
function apply(type: i32, ea: i32, ep: i32, target: i32, data: i32): i32 {
  const R = RSLOTS;
  switch (type) {
    case T_STATUS: {
      const on = data === 1;
      if ((data !== 0 && !on) || (b8(CUR, ONLINE + ep) === 1) === on) return REJECTED_CODE;
      if (!on)
        for (let a = 0; a < AGENT_COUNT; a++) {
          const ph = phaseOf(CUR, a);
          const busy =
            ph === FILLING_PHASE ||
            ph === SUBMITTED_PHASE ||
            ph === READING ||
            ph === RUNNING ||
            ph === RETURNING;
          if (procOf(a) === ep && busy) return REJECTED_CODE;
        }
      begin();
      return access(ACC_STATUS, ep, on ? 1 : 0, 0, 0);
    }
    case T_FETCH: {
      if (b8(CUR, ONLINE + ep) !== 1) return REJECTED_CODE;
      begin();
      const t = access(ACC_DEQUEUE, ep, 0, 0, 0);
      const a = t - 1;
      if (a >= 0 && a < AGENT_COUNT && procOf(a) === ep) {
        const o = AGENTS + a * AGENT_W;
        if (kindOf(a) !== 2 && b8(CUR, o) === WAITING) put(NEXT, o, RUNNING);
        else if (kindOf(a) === 2 && b8(CUR, o) === WOKEN) put(NEXT, o, READING);
      }
      return t;
    }
    case T_CALL: {
      const p = procOf(ea);
      if (phaseOf(CUR, ea) !== IDLE || b8(CUR, ONLINE + p) !== 1) return REJECTED_CODE;
      if (used(CUR, p) >= R && MUT !== MUT_CALL_OVERWRITES) return REJECTED_CODE;
      begin();
      const ro = ringAt(p);
      const tail = b8(CUR, ro + 1);
      const i = tail % R;
      const req = freshRequestId(p);
      const so = slotOffset(p, i);
      put(NEXT, so, FILLING);
      put(NEXT, so + 1, req);
      put(NEXT, so + 2, ea + 1);
      put(NEXT, so + 3, target);
      put(NEXT, so + 4, req);
      put(NEXT, so + 5, 0);
      put(NEXT, ro + 1, (tail + 1) % (2 * R));
      syscallWrote(p, i);
      setAgent(ea, FILLING_PHASE, i, MUT === MUT_CALL_FORGETS_REQUEST ? 0 : req);
      return BYTE_ACK;
    }
    case T_PUBLISH: {
      if (phaseOf(CUR, ea) !== FILLING_PHASE) return REJECTED_CODE;
      begin();
      const so = callerSlotOffset(ea);
      if (so >= 0 && MUT !== MUT_PUBLISH_LEAVES_FILLING) {
        put(NEXT, so, SUBMITTED);
        syscallWrote(procOf(ea), agentSlot(CUR, ea));
      }
      put(NEXT, AGENTS + ea * AGENT_W, SUBMITTED_PHASE);
      return BYTE_ACK;
    }
    case T_SIGNAL: {
      if (phaseOf(CUR, ea) !== SUBMITTED_PHASE) return REJECTED_CODE;
      begin();
      const so = callerSlotOffset(ea);
      const tgt = so >= 0 ? b8(CUR, so + 3) : 0;
      const done = so >= 0 && b8(CUR, so) === DONE;
      put(NEXT, AGENTS + ea * AGENT_W, done || MUT === MUT_SIGNAL_READS_AT_ONCE ? READING : AWAITING);
      if (MUT === MUT_SIGNAL_SENDS_NOTHING) return BYTE_ACK;
      return send(tgt, 0);
    }
    case T_READ: {
      if (phaseOf(CUR, ea) !== READING) return REJECTED_CODE;
      begin();
      const p = procOf(ea);
      const so = callerSlotOffset(ea);
      if (so >= 0) for (let j = so; j < so + SLOT_W; j++) put(NEXT, j, 0);
      syscallWrote(p, so >= 0 ? agentSlot(CUR, ea) : -1);
      const ro = ringAt(p);
      let head = b8(NEXT, ro);
      while (used(NEXT, p) > 0 && b8(NEXT, slotOffset(p, head % R)) === FREE) {
        head = (head + 1) % (2 * R);
        put(NEXT, ro, head);
      }
      setAgent(ea, IDLE, -1, 0);
      return BYTE_ACK;
    }
    case T_TAKE: {
      if (phaseOf(CUR, ea) !== RUNNING || agentSlot(CUR, ea) >= 0) return REJECTED_CODE;
      const code = submittedFor(procOf(ea), MUT === MUT_TAKE_TAKES_TAKEN);
      if (code < 0) return REJECTED_CODE;
      begin();
      put(NEXT, slotOffset(code / R, code % R), TAKEN);
      syscallWrote(code / R, code % R);
      put(NEXT, AGENTS + ea * AGENT_W + 1, code + 1);
      return BYTE_ACK;
    }
    case T_COMPLETE: {
      const code = agentSlot(CUR, ea);
      if (phaseOf(CUR, ea) !== RUNNING || code < 0 || agentReq(CUR, ea) !== 0) return REJECTED_CODE;
      begin();
      const so = slotOffset(code / R, code % R);
      put(NEXT, so, DONE);
      put(NEXT, so + 5, b8(CUR, so + 4) * 2 + b8(CUR, so + 3) + 1); // state.ts execute
      syscallWrote(code / R, code % R);
      if (MUT !== MUT_COMPLETE_TWICE) put(NEXT, AGENTS + ea * AGENT_W + 2, 1);
      return BYTE_ACK;
    }
    case T_REPLY: {
      const code = agentSlot(CUR, ea);
      if (phaseOf(CUR, ea) !== RUNNING || code < 0 || agentReq(CUR, ea) !== 1) return REJECTED_CODE;
      begin();
      setAgent(ea, RUNNING, -1, 0);
      return send(code / R, 1);
    }
    case T_WAKE: {
      if (phaseOf(CUR, ea) !== RUNNING) return REJECTED_CODE;
      const p = procOf(ea);
      const c = wakeableIn(p);
      if (c < 0) return REJECTED_CODE;
      begin();
      put(NEXT, AGENTS + c * AGENT_W, WOKEN);
      return access(ACC_ENQUEUE, p, 0, c + 1, c);
    }
    case T_PARK: {
      if (phaseOf(CUR, ea) !== RUNNING) return REJECTED_CODE;
      const p = procOf(ea);
      const idle =
        kindOf(ea) === 0 ? agentSlot(CUR, ea) < 0 && submittedFor(p, false) < 0 : wakeableIn(p) < 0;
      if (!idle) return REJECTED_CODE;
      begin();
      put(NEXT, AGENTS + ea * AGENT_W, RETURNING);
      if (MUT === MUT_PARK_REGISTERS) return register(ea);
      return BYTE_ACK;
    }
    case T_RETURN:
      if (phaseOf(CUR, ea) !== RETURNING) return REJECTED_CODE;
      begin();
      setAgent(ea, WAITING, -1, 0);
      return register(ea);
    default:
      unreachable(); // no such event type (the loader passes only these)
      return REJECTED_CODE;
  }
}

/** syscallPackedSuccessors.ts:795-805 (`quiescent`): no ready task, every agent idle, awaiting or waiting. */
export function syscallQuiescent(cur: usize): bool {
  for (let q = 0; q < PROCESSES * PRIORITIES; q++) if (b8(cur, READY + q * READY_W) > 0) return false;
  for (let a = 0; a < AGENT_COUNT; a++) {
    const ph = phaseOf(cur, a);
    if (ph !== IDLE && ph !== AWAITING && ph !== WAITING) return false;
  }
  return true;
}
