/**
 * AssemblyScript: the controller-step properties on one controller access, read from packed
 * bytes, and the ghosts advanced past it: a port of packedControllerJudge.ts's `judge` and
 * `judgeState` (its module comment says what they read and why they are the properties' verdicts)
 * for every access of packedAccess.ts (Irq, StatusWrite, Enqueue, IrqRegister, Dequeue,
 * StatusRead, wrong accesses, ERROR reads, IpcRegister, IpcSend), shared by the two engines
 * compiled to WebAssembly: the judged wakeup engine (protocols/wakeup/engine/wasm/, whose layout
 * has no IPC tables and which tracks the wakeup ghost too) and the judged controller engine
 * (../assembly/controllerWasm.ts, IPC tables, the controller ghost alone). Each engine sets the
 * offsets and bounds here once per instance (`controllerJudgeLayout`, `controllerJudgeGhost`,
 * `controllerJudgeIpc`) and the properties' bits (`controllerBits`, packedControllerJudge.ts's:
 * each property's index among CONTROLLER_STEP_PROPERTIES). Both judge the default selection,
 * where every property judged here is selected, so no bit is masked off.
 *
 * It answers -1 where packedControllerJudge.ts answers -1 (a queue changed otherwise than by one
 * append or one head removal) and where it throws (a ghost count leaving 0..255, a ghost task id
 * outside the pool), in which case it may have written part of `next`'s ghost: the caller
 * restores it or asks the JavaScript engine, which answers or throws as it does.
 */
import { alloc, WIDTH } from '../../../../../engine/explore/wasm/assembly/wasmMemory';

/** packedAccess.ts's access codes. */
export const ACC_NONE: i32 = 0;
export const ACC_IRQ: i32 = 1;
export const ACC_STATUS: i32 = 2;
export const ACC_ENQUEUE: i32 = 3;
export const ACC_REGISTER: i32 = 4;
export const ACC_DEQUEUE: i32 = 5;
export const ACC_READ: i32 = 6;
export const ACC_BAD: i32 = 7;
export const ACC_ERROR_READ: i32 = 8;
export const ACC_IPC_REGISTER: i32 = 9;
export const ACC_IPC_SEND: i32 = 10;

/** packedControllerJudge.ts:70-79: the properties' bits (set by `controllerBits`). */
let STRICT: i32 = 0;
let FIFO_PRIORITY: i32 = 0;
let CONSERVATION: i32 = 0;
let ISOLATION: i32 = 0;
let EMPTY: i32 = 0;
let CAPACITY_BOUND: i32 = 0;
let ERRORS: i32 = 0;
let LOST: i32 = 0;
let SPURIOUS: i32 = 0;
let WAKE_PRIORITY: i32 = 0;

/** Sets the bits of packedControllerJudge.ts:70-79 (`bitOf` of each property, in that order): one call per instance. */
export function controllerBits(
  strict: i32,
  fifoPriority: i32,
  conservation: i32,
  isolation: i32,
  empty: i32,
  capacityBound: i32,
  errors: i32,
  lost: i32,
  spurious: i32,
  wakePriority: i32,
): void {
  STRICT = strict;
  FIFO_PRIORITY = fifoPriority;
  CONSERVATION = conservation;
  ISOLATION = isolation;
  EMPTY = empty;
  CAPACITY_BOUND = capacityBound;
  ERRORS = errors;
  LOST = lost;
  SPURIOUS = spurious;
  WAKE_PRIORITY = wakePriority;
}

/** controllerPackedLayout.ts PackedControllerFields' offsets, the configuration's bounds and registers.ts ERR's bits. */
let READY: i32 = 0;
let READY_W: i32 = 0;
let IRQ_WAIT: i32 = 0;
let WAIT_W: i32 = 0;
let IRQ_PENDING: i32 = 0;
let ERROR: i32 = 0;
let PROCESSES: i32 = 0;
let PRIORITIES: i32 = 0;
let CAPACITY: i32 = 0;
let DEVICES: i32 = 0;
let WAIT_DEPTH: i32 = 0;
let PENDING_MAX: i32 = 0;
let TASK_POOL: i32 = 0;
let QUEUE_FULL: i32 = 0;
let WAIT_FULL: i32 = 0;
let PENDING_OVERFLOW: i32 = 0;
let BAD_ACCESS: i32 = 0;

/** packedControllerJudge.ts:214-223 (the constructor's fields): the layout's offsets, bounds and ERROR bits, one call per instance. */
export function controllerJudgeLayout(
  ready: i32,
  readyW: i32,
  irqWait: i32,
  waitW: i32,
  irqPending: i32,
  error: i32,
  processes: i32,
  priorities: i32,
  capacity: i32,
  devices: i32,
  waitDepth: i32,
  pendingMax: i32,
  taskPool: i32,
  queueFull: i32,
  waitFull: i32,
  pendingOverflow: i32,
  badAccess: i32,
): void {
  READY = ready;
  READY_W = readyW;
  IRQ_WAIT = irqWait;
  WAIT_W = waitW;
  IRQ_PENDING = irqPending;
  ERROR = error;
  PROCESSES = processes;
  PRIORITIES = priorities;
  CAPACITY = capacity;
  DEVICES = devices;
  WAIT_DEPTH = waitDepth;
  PENDING_MAX = pendingMax;
  TASK_POOL = taskPool;
  QUEUE_FULL = queueFull;
  WAIT_FULL = waitFull;
  PENDING_OVERFLOW = pendingOverflow;
  BAD_ACCESS = badAccess;
}

/** packedControllerJudge.ts:33-39 (JudgeGhostLayout): the ghost's offsets; the wakeup ghost's (-1: not tracked). */
let OUTSTANDING: i32 = 0;
let ERROR_SINCE_READ: i32 = 0;
let CUSTODY: i32 = 0;
let UNDELIVERED: i32 = -1;
let WOKEN: i32 = -1;
let TRACK_WAKE = false;

/** Sets the ghost's offsets (`undelivered` -1: the wakeup ghost is not tracked, packedControllerJudge.ts's trackWakeGhost false). */
export function controllerJudgeGhost(
  outstanding: i32,
  errorSinceRead: i32,
  custody: i32,
  undelivered: i32,
  woken: i32,
): void {
  OUTSTANDING = outstanding;
  ERROR_SINCE_READ = errorSinceRead;
  CUSTODY = custody;
  UNDELIVERED = undelivered;
  WOKEN = woken;
  TRACK_WAKE = undelivered >= 0;
}

/** packedControllerJudge.ts:46-52 (PackedIpcTables): where the IPC tables lie (IPC_COUNT 0: none, the wakeup layout). */
let IPC_WAIT: i32 = 0;
let IPC_W: i32 = 0;
let IPC_PENDING: i32 = 0;
let IPC_COUNT: i32 = 0;
let IPC_TYPES: i32 = 0;

/** Sets the IPC tables' offsets and their number (processes × IPC types): one call per instance, before `controllerJudgeInit`. */
export function controllerJudgeIpc(wait: i32, w: i32, pending: i32, count: i32): void {
  IPC_WAIT = wait;
  IPC_W = w;
  IPC_PENDING = pending;
  IPC_COUNT = count;
  IPC_TYPES = PROCESSES > 0 ? count / PROCESSES : 0;
}

/** packedControllerJudge.ts:113-115: how one queue changed. */
const SAME: i32 = 0;
const APPENDED: i32 = 1;
const DROPPED: i32 = 2;

/** packedControllerJudge.ts:134-142: per ready queue / irqWait line / IPC table, how it changed and its entry (i32 arrays). */
let READY_HOW: usize = 0;
let READY_ITEM: usize = 0;
let WAIT_HOW: usize = 0;
let WAIT_P: usize = 0;
let WAIT_TASK: usize = 0;
let IPC_HOW: usize = 0;
let IPC_ITEM: usize = 0;
/** packedControllerJudge.ts:144-149: net change of held / ready instances per task id byte, the ids touched. */
let HELD: usize = 0;
let READY_NET: usize = 0;
let TOUCHED: usize = 0;
let nTouched: i32 = 0;
let heldSize: i32 = 0;
let readySize: i32 = 0;
/** packedControllerJudge.ts:154-159: the queues the step judged last changed. */
let READY_CHANGED: usize = 0;
let nReadyChanged: i32 = 0;
let WAIT_CHANGED: usize = 0;
let nWaitChanged: i32 = 0;
let IPC_CHANGED: usize = 0;
let nIpcChanged: i32 = 0;
/** packedControllerJudge.ts:175-181: what the state being expanded holds, read once per generation. */
let beforeGen: i32 = -1;
let OCC_CUR: usize = 0;
let TOP_CUR: usize = 0;
let heldBroken: i32 = 0;
let errorBefore: i32 = 0;
/** packedControllerJudge.ts:186-188: the required error bits of the step judged last, and per process its occupancy change. */
let req: i32 = 0;
let OCC_DELTA: usize = 0;
/**
 * packedControllerJudge.ts:169 and 189-192: per ready queue, irqWait line and IPC table the bits
 * of the 32-bit words it lies in (`wordBits`), all of them together, and those of the cells
 * between the queues and the error register; the words where the step judged last changed.
 */
let READY_WORDS: usize = 0;
let WAIT_WORDS: usize = 0;
let IPC_WORDS: usize = 0;
let QUEUE_WORDS: i32 = 0;
let CELL_WORDS: i32 = 0;
let changed: i32 = 0;
/** The step left the ghost's bounds (packedControllerJudge.ts:911-923 throw there): answer -1. */
let broken = false;
/** The access judged (packedAccess.ts PackedAccess's fields), set by each call. */
let ACC: i32 = ACC_NONE;
let ACC_A: i32 = 0;
let ACC_B: i32 = 0;
let ACC_TASK: i32 = 0;

function i32At(base: usize, i: i32): usize {
  return base + ((<usize>i) << 2);
}

function get(base: usize, i: i32): i32 {
  return load<i32>(i32At(base, i));
}

function set(base: usize, i: i32, v: i32): void {
  store<i32>(i32At(base, i), v);
}

function b8(s: usize, i: i32): i32 {
  return <i32>load<u8>(s + <usize>i);
}

/** packedControllerJudge.ts:198-251 (the constructor): the judge's tables for the layout set. */
export function controllerJudgeInit(): void {
  const NQ = PROCESSES * PRIORITIES;
  READY_HOW = alloc(NQ, 4);
  READY_ITEM = alloc(NQ, 4);
  READY_CHANGED = alloc(NQ, 4);
  WAIT_HOW = alloc(DEVICES, 4);
  WAIT_P = alloc(DEVICES, 4);
  WAIT_TASK = alloc(DEVICES, 4);
  WAIT_CHANGED = alloc(DEVICES, 4);
  IPC_HOW = alloc(IPC_COUNT, 4);
  IPC_ITEM = alloc(IPC_COUNT, 4);
  IPC_CHANGED = alloc(IPC_COUNT, 4);
  HELD = alloc(256, 4);
  READY_NET = alloc(256, 4);
  TOUCHED = alloc(256, 4);
  OCC_CUR = alloc(PROCESSES, 4);
  TOP_CUR = alloc(PROCESSES, 4);
  OCC_DELTA = alloc(PROCESSES, 4);
  READY_WORDS = alloc(NQ, 4);
  WAIT_WORDS = alloc(DEVICES, 4);
  IPC_WORDS = alloc(IPC_COUNT, 4);
  QUEUE_WORDS = 0;
  for (let q = 0; q < NQ; q++) QUEUE_WORDS |= setWords(READY_WORDS, q, READY + q * READY_W, READY_W);
  for (let d = 0; d < DEVICES; d++) QUEUE_WORDS |= setWords(WAIT_WORDS, d, IRQ_WAIT + d * WAIT_W, WAIT_W);
  for (let i = 0; i < IPC_COUNT; i++) QUEUE_WORDS |= setWords(IPC_WORDS, i, IPC_WAIT + i * IPC_W, IPC_W);
  CELL_WORDS = ERROR > IRQ_PENDING ? wordBits(IRQ_PENDING, ERROR - IRQ_PENDING) : 0;
  beforeGen = -1;
}

/** packedControllerJudge.ts:106-110 (`wordBits`): the bits of the 32-bit words the `w` bytes at `o` lie in (bit 31: word 31 and every later one). */
function wordBits(o: i32, w: i32): i32 {
  let bits = 0;
  for (let i = o >> 2; i <= (o + w - 1) >> 2; i++) bits |= 1 << min(i, 31);
  return bits;
}

/** Sets `words[k]` to the {@link wordBits} of the `w` bytes at `o`, and answers them. */
function setWords(words: usize, k: i32, o: i32, w: i32): i32 {
  const bits = wordBits(o, w);
  set(words, k, bits);
  return bits;
}

/** packedControllerJudge.ts:264-289 (`diffWords`, every word): the bits of the 32-bit words where `next` differs from `cur`. */
function diffWords(cur: usize, next: usize): i32 {
  let diff = 0;
  const n = WIDTH >> 2;
  for (let i = 0; i < n; i++) {
    const at = (<usize>i) << 2;
    if (load<u32>(cur + at) !== load<u32>(next + at)) diff |= 1 << min(i, 31);
  }
  return diff;
}

/** packedControllerJudge.ts:300-316 (`readBefore`): reads the state being expanded, at `cur`, of `generation`. */
function readBefore(cur: usize, generation: i32): void {
  beforeGen = generation;
  let held = 0;
  const NQ = PROCESSES * PRIORITIES;
  for (let q = 0; q < NQ; q++) held += b8(cur, READY + q * READY_W);
  for (let d = 0; d < DEVICES; d++) held += b8(cur, IRQ_WAIT + d * WAIT_W);
  for (let i = 0; i < IPC_COUNT; i++) held += b8(cur, IPC_WAIT + i * IPC_W);
  heldBroken = held !== b8(cur, OUTSTANDING) ? CONSERVATION : 0;
  errorBefore = b8(cur, ERROR);
  for (let p = 0; p < PROCESSES; p++) {
    set(OCC_CUR, p, controllerOccupancy(cur, p));
    set(TOP_CUR, p, top(cur, p));
  }
}

/**
 * packedControllerJudge.ts:332-341 (`judge`): the properties failing on the access (acc, a, b, t)
 * from `cur` (of `generation`: a state's own facts are read once per generation) to `next` as
 * bits (0: none, and then the ghosts in `next` are advanced), or -1 (see above); `withState` false
 * leaves out the verdicts on `next` alone unless another fails.
 */
export function controllerJudgeBytes(
  cur: usize,
  next: usize,
  acc: i32,
  a: i32,
  b: i32,
  t: i32,
  generation: i32,
  withState: bool,
): i32 {
  ACC = acc;
  ACC_A = a;
  ACC_B = b;
  ACC_TASK = t;
  if (beforeGen !== generation) readBefore(cur, generation);
  if (!facts(cur, next)) return -1;
  broken = false;
  let bits = verdicts(cur, next);
  if (withState || bits !== 0) bits |= stateBits(next, true);
  if (bits === 0) advance(cur, next);
  if (nTouched !== 0) clearTally();
  return broken ? -1 : bits;
}

/** packedControllerJudge.ts:349-351 (`judgeState`): the verdicts on the state bytes at `next` alone, as bits. */
export function controllerJudgeState(next: usize): i32 {
  return stateBits(next, false);
}

/**
 * packedControllerJudge.ts:354-379 (`stateBits`): capacityBound's bounds and noLostWakeup's "no
 * count beside waiters" on `next`, each process's occupancy its state's plus the step's change
 * when `afterFacts`.
 */
function stateBits(next: usize, afterFacts: bool): i32 {
  let bits = 0;
  for (let p = 0; p < PROCESSES; p++) {
    const occ = afterFacts ? get(OCC_CUR, p) + get(OCC_DELTA, p) : controllerOccupancy(next, p);
    if (occ > CAPACITY) bits |= CAPACITY_BOUND;
  }
  for (let d = 0; d < DEVICES; d++) {
    const waiting = b8(next, IRQ_WAIT + d * WAIT_W);
    const pending = b8(next, IRQ_PENDING + d);
    if (waiting > WAIT_DEPTH || pending > PENDING_MAX) bits |= CAPACITY_BOUND;
    if (pending > 0 && waiting > 0) bits |= LOST;
  }
  for (let i = 0; i < IPC_COUNT; i++) {
    const waiting = b8(next, IPC_WAIT + i * IPC_W);
    const pending = b8(next, IPC_PENDING + i);
    if (waiting > WAIT_DEPTH || pending > PENDING_MAX) bits |= CAPACITY_BOUND;
    if (pending > 0 && waiting > 0) bits |= LOST;
  }
  return bits;
}

/**
 * packedControllerJudge.ts:398-455 (`facts`, `queueFacts`): how every queue changed (false: one
 * changed otherwise than by one append or one head removal); a queue in none of the 32-bit words
 * that changed is the same without reading it.
 */
function facts(cur: usize, next: usize): bool {
  if (nTouched !== 0) clearTally();
  const diff = diffWords(cur, next);
  changed = diff;
  return (diff & QUEUE_WORDS) === 0 || queueFacts(cur, next, diff);
}

/** packedControllerJudge.ts:407-455 (`queueFacts`): {@link facts} on the queues in the words `diff`. */
function queueFacts(cur: usize, next: usize, diff: i32): bool {
  for (let i = 0; i < IPC_COUNT; i++) {
    if ((diff & get(IPC_WORDS, i)) === 0) continue;
    const how = idFifo(cur, next, IPC_WAIT + i * IPC_W, i / IPC_TYPES, false, IPC_ITEM, i);
    if (how < 0) return false;
    if (how === SAME) continue;
    set(IPC_HOW, i, how);
    set(IPC_CHANGED, nIpcChanged++, i);
  }
  const NQ = PROCESSES * PRIORITIES;
  for (let q = 0; q < NQ; q++) {
    if ((diff & get(READY_WORDS, q)) === 0) continue;
    const how = idFifo(cur, next, READY + q * READY_W, q / PRIORITIES, true, READY_ITEM, q);
    if (how < 0) return false;
    if (how === SAME) continue;
    set(READY_HOW, q, how);
    set(READY_CHANGED, nReadyChanged++, q);
  }
  for (let d = 0; d < DEVICES; d++) {
    if ((diff & get(WAIT_WORDS, d)) === 0) continue;
    const o = IRQ_WAIT + d * WAIT_W;
    const how = change(cur, next, o, 2);
    if (how < 0) return false;
    if (how === SAME) continue;
    set(WAIT_HOW, d, how);
    set(WAIT_CHANGED, nWaitChanged++, d);
    const at = how === APPENDED ? o + 1 + 2 * (b8(next, o) - 1) : o + 1;
    const src = how === APPENDED ? next : cur;
    set(WAIT_P, d, b8(src, at));
    set(WAIT_TASK, d, b8(src, at + 1));
    const wp = b8(src, at) - 1; // a waiter of no process counts for none
    if (wp >= 0 && wp < PROCESSES) set(OCC_DELTA, wp, get(OCC_DELTA, wp) + (how === APPENDED ? 1 : -1));
    tally(b8(src, at + 1), how === APPENDED ? 1 : -1, false);
  }
  return true;
}

/** packedControllerJudge.ts:462-478 (`idFifo`): the FIFO of task ids at `o` of process p; its entry to `items[k]`. */
function idFifo(cur: usize, next: usize, o: i32, p: i32, ready: bool, items: usize, k: i32): i32 {
  const how = change(cur, next, o, 1);
  if (how === SAME || how < 0) return how;
  const t = how === APPENDED ? b8(next, o + b8(next, o)) : b8(cur, o + 1);
  set(items, k, t);
  tally(t, how === APPENDED ? 1 : -1, ready);
  set(OCC_DELTA, p, get(OCC_DELTA, p) + (how === APPENDED ? 1 : -1));
  return how;
}

/** packedControllerJudge.ts:481-497 (`change`): how the FIFO of `w`-byte entries at `o` changed, or -1. */
function change(cur: usize, next: usize, o: i32, w: i32): i32 {
  const lb = b8(cur, o);
  const la = b8(next, o);
  if (la === lb) {
    for (let i = 1; i <= lb * w; i++) if (b8(cur, o + i) !== b8(next, o + i)) return -1;
    return SAME;
  }
  if (la === lb + 1) {
    for (let i = 1; i <= lb * w; i++) if (b8(cur, o + i) !== b8(next, o + i)) return -1;
    return APPENDED;
  }
  if (la === lb - 1) {
    for (let i = 1; i <= la * w; i++) if (b8(next, o + i) !== b8(cur, o + i + w)) return -1;
    return DROPPED;
  }
  return -1;
}

/** packedControllerJudge.ts:499-512 (`tally`). */
function tally(t: i32, n: i32, ready: bool): void {
  if (get(HELD, t) === 0 && get(READY_NET, t) === 0) set(TOUCHED, nTouched++, t);
  const h0 = get(HELD, t);
  set(HELD, t, h0 + n);
  if (h0 === 0) heldSize++;
  else if (h0 + n === 0) heldSize--;
  if (ready) {
    const r0 = get(READY_NET, t);
    set(READY_NET, t, r0 + n);
    if (r0 === 0) readySize++;
    else if (r0 + n === 0) readySize--;
  }
}

/** packedControllerJudge.ts:515-533 (`clearTally`). */
function clearTally(): void {
  if (nTouched === 0) return;
  for (let i = 0; i < nTouched; i++) {
    const t = get(TOUCHED, i);
    set(HELD, t, 0);
    set(READY_NET, t, 0);
  }
  nTouched = 0;
  heldSize = 0;
  readySize = 0;
  for (let i = 0; i < nReadyChanged; i++) set(READY_HOW, get(READY_CHANGED, i), SAME);
  nReadyChanged = 0;
  for (let i = 0; i < nWaitChanged; i++) set(WAIT_HOW, get(WAIT_CHANGED, i), SAME);
  nWaitChanged = 0;
  for (let i = 0; i < nIpcChanged; i++) set(IPC_HOW, get(IPC_CHANGED, i), SAME);
  nIpcChanged = 0;
  for (let p = 0; p < PROCESSES; p++) set(OCC_DELTA, p, 0);
}

/** packedControllerJudge.ts:536-541 (`top`): the lowest-numbered non-empty ready queue of p, or -1. */
function top(b: usize, p: i32): i32 {
  for (let k = 0; k < PRIORITIES; k++) if (b8(b, READY + (p * PRIORITIES + k) * READY_W) > 0) return k;
  return -1;
}

/** packedControllerJudge.ts:544-560 (`occupancy`): p's ready entries, irq waiters and IPC handlers in the state at `b`. */
export function controllerOccupancy(b: usize, p: i32): i32 {
  let n = 0;
  for (let k = 0; k < PRIORITIES; k++) n += b8(b, READY + (p * PRIORITIES + k) * READY_W);
  for (let d = 0; d < DEVICES; d++) {
    const o = IRQ_WAIT + d * WAIT_W;
    const len = b8(b, o);
    for (let j = 0; j < len; j++) if (b8(b, o + 1 + 2 * j) === p + 1) n++;
  }
  for (let t = 0; t < IPC_TYPES; t++) n += b8(b, IPC_WAIT + (p * IPC_TYPES + t) * IPC_W);
  return n;
}

/** packedControllerJudge.ts:563-589 (`required`): the error bits §5 requires of the access from `cur`. */
function required(cur: usize): i32 {
  if (ACC === ACC_BAD) return BAD_ACCESS;
  if (ACC === ACC_IPC_REGISTER || ACC === ACC_IPC_SEND) return ipcRequired(cur);
  if (ACC === ACC_ENQUEUE) return get(OCC_CUR, ACC_A) >= CAPACITY ? QUEUE_FULL : 0;
  if (ACC === ACC_REGISTER) {
    if (get(OCC_CUR, ACC_A) >= CAPACITY) return QUEUE_FULL;
    const d = ACC_B;
    const pending = b8(cur, IRQ_PENDING + d);
    const waiting = b8(cur, IRQ_WAIT + d * WAIT_W);
    return pending === 0 && waiting >= WAIT_DEPTH ? WAIT_FULL : 0;
  }
  if (ACC === ACC_IRQ) {
    const d = ACC_A;
    const waiting = b8(cur, IRQ_WAIT + d * WAIT_W);
    return waiting > 0 || b8(cur, IRQ_PENDING + d) < PENDING_MAX ? 0 : PENDING_OVERFLOW;
  }
  return 0;
}

/** packedControllerJudge.ts:592-601 (`ipcRequired`): {@link required} of an IPC access. */
function ipcRequired(cur: usize): i32 {
  if (ACC === ACC_IPC_REGISTER) {
    if (get(OCC_CUR, ACC_A) >= CAPACITY) return QUEUE_FULL;
    const pending = ipcCount(cur, ACC_A, ACC_B, false);
    return pending === 0 && ipcCount(cur, ACC_A, ACC_B, true) >= WAIT_DEPTH ? WAIT_FULL : 0;
  }
  const waiting = ipcCount(cur, ACC_A, ACC_B, true);
  return waiting > 0 || ipcCount(cur, ACC_A, ACC_B, false) < PENDING_MAX ? 0 : PENDING_OVERFLOW;
}

/** packedControllerJudge.ts:604-637 (`verdicts`): every property's verdict as bits. */
function verdicts(cur: usize, next: usize): i32 {
  let bits = heldBroken;
  if (nReadyChanged > 0) bits |= headsLeft(cur);
  if (ACC === ACC_DEQUEUE) bits |= dequeued(cur);
  else if (ACC === ACC_ENQUEUE || ACC === ACC_REGISTER || ACC === ACC_IPC_REGISTER)
    bits |= written(cur, next);
  else if (ACC === ACC_IRQ) {
    if (heldSize > 0) bits |= CONSERVATION;
    bits |= interrupted(cur, next, ACC_A);
  } else if (ACC === ACC_IPC_SEND) {
    if (heldSize > 0) bits |= CONSERVATION;
    bits |= sent(cur, next);
  } else if (heldSize > 0) bits |= CONSERVATION; // every other access moves no instance
  bits |= errorsReported(cur, next);
  if (readySize > 0) bits |= spurious(cur, next);
  return bits;
}

/** packedControllerJudge.ts:644-652 (`errorsReported`). */
function errorsReported(cur: usize, next: usize): i32 {
  req = required(cur);
  const after = b8(next, ERROR);
  if (ACC === ACC_ERROR_READ) return ACC_TASK !== b8(cur, ERROR_SINCE_READ) || after !== 0 ? ERRORS : 0;
  if (after !== (errorBefore | req)) return ERRORS;
  return req !== 0 && !sameExceptError(cur, next) ? ERRORS : 0;
}

/** packedControllerJudge.ts:655-665 (`headsLeft`): each head removed was the value of a DEQUEUE of its process. */
function headsLeft(cur: usize): i32 {
  for (let i = 0; i < nReadyChanged; i++) {
    const q = get(READY_CHANGED, i);
    if (get(READY_HOW, q) !== DROPPED) continue;
    const returned = ACC === ACC_DEQUEUE && q / PRIORITIES === ACC_A;
    if (!returned || b8(cur, READY + q * READY_W + 1) !== ACC_TASK) return FIFO_PRIORITY;
  }
  return 0;
}

/** packedControllerJudge.ts:668-675 (`sent`): noLostWakeup and wakePriority on an IPC send. */
function sent(cur: usize, next: usize): i32 {
  let bits = lostSend(cur, next);
  if (IPC_COUNT > 0) {
    const i = ipcIndex(ACC_A, ACC_B);
    if (get(IPC_HOW, i) === DROPPED && misplaced(get(IPC_ITEM, i), ACC_A)) bits |= WAKE_PRIORITY;
  }
  return bits;
}

/** packedControllerJudge.ts:678-699 (`dequeued`): strictPriority, emptyMeansEmpty, processIsolation and taskConservation. */
function dequeued(cur: usize): i32 {
  const P = PRIORITIES;
  const p = ACC_A;
  const v = ACC_TASK;
  const t0 = get(TOP_CUR, p);
  let bits = 0;
  if (v !== 0 && t0 >= 0) {
    let lower = false;
    for (let k = 0; k < P; k++) if (k !== t0 && get(READY_HOW, p * P + k) === DROPPED) lower = true;
    const q = READY + (p * P + t0) * READY_W;
    let has = false;
    for (let j = 0; j < b8(cur, q); j++) if (b8(cur, q + 1 + j) === v) has = true;
    if (lower || !has) bits |= STRICT;
  }
  if (v === 0 && t0 >= 0) bits |= EMPTY;
  const pool = TASK_POOL;
  if (v !== 0 && !(v <= pool && b8(cur, CUSTODY + p * pool + v - 1) > 0)) bits |= ISOLATION;
  if (v !== 0 ? !(heldSize === 1 && get(HELD, v) === -1) : heldSize > 0) bits |= CONSERVATION;
  return bits;
}

/** packedControllerJudge.ts:706-744 (`written`, an ENQUEUE, IRQ_REGISTER or IPC_REGISTER). */
function written(cur: usize, next: usize): i32 {
  const p = ACC_A;
  const v = ACC_TASK;
  let bits = 0;
  if (!(heldSize === 1 && get(HELD, v) === 1)) {
    const refusals = ACC === ACC_ENQUEUE ? QUEUE_FULL : QUEUE_FULL | WAIT_FULL;
    if (heldSize > 0) bits |= CONSERVATION;
    else if ((b8(next, ERROR) & refusals) === 0) bits |= CONSERVATION;
  }
  const ipcAcc = ACC === ACC_IPC_REGISTER;
  if (heldSize === 0 && get(OCC_CUR, p) < CAPACITY) {
    if (ACC === ACC_ENQUEUE) bits |= CAPACITY_BOUND;
    else {
      const d = ACC_B;
      const pending = ipcAcc ? ipcCount(cur, p, d, false) : b8(cur, IRQ_PENDING + d);
      const waiting = ipcAcc ? ipcCount(cur, p, d, true) : b8(cur, IRQ_WAIT + d * WAIT_W);
      if (!(pending === 0 && waiting >= WAIT_DEPTH)) bits |= CAPACITY_BOUND;
    }
  }
  if (ACC === ACC_ENQUEUE) return bits;
  if (ipcAcc && IPC_COUNT === 0) return bits;
  if (get(READY_NET, v) > 0 && misplaced(v, p)) bits |= WAKE_PRIORITY;
  if (!ipcAcc)
    for (let j = 0; j < nWaitChanged; j++) {
      const d = get(WAIT_CHANGED, j);
      if (get(WAIT_HOW, d) !== APPENDED) continue;
      if (d !== ACC_B || get(WAIT_P, d) !== p + 1 || get(WAIT_TASK, d) !== v) bits |= WAKE_PRIORITY;
    }
  else {
    const own = ipcIndex(p, ACC_B);
    for (let j = 0; j < nIpcChanged; j++) {
      const i = get(IPC_CHANGED, j);
      if (get(IPC_HOW, i) === APPENDED && (i !== own || get(IPC_ITEM, i) !== v)) bits |= WAKE_PRIORITY;
    }
  }
  return bits;
}

/** packedControllerJudge.ts:751-766 (`interrupted`): noLostWakeup and wakePriority on an interrupt on line d. */
function interrupted(cur: usize, next: usize, d: i32): i32 {
  let bits = 0;
  const waiting = b8(cur, IRQ_WAIT + d * WAIT_W);
  if (waiting > 0) {
    if (get(WAIT_HOW, d) !== DROPPED || get(READY_NET, get(WAIT_TASK, d)) <= 0) bits |= LOST;
  } else {
    const was = b8(cur, IRQ_PENDING + d);
    if (was < PENDING_MAX) {
      if (b8(next, IRQ_PENDING + d) !== was + 1) bits |= LOST;
    } else if ((b8(next, ERROR) & PENDING_OVERFLOW) === 0) bits |= LOST;
  }
  if (get(WAIT_HOW, d) === DROPPED && misplaced(get(WAIT_TASK, d), get(WAIT_P, d) - 1)) bits |= WAKE_PRIORITY;
  return bits;
}

/** packedControllerJudge.ts:769-772 (`ipcIndex`): the IPC table of process p and type t. */
function ipcIndex(p: i32, t: i32): i32 {
  return IPC_COUNT === 0 ? -1 : p * IPC_TYPES + t;
}

/** packedControllerJudge.ts:775-780 (`ipcCount`): the pending count (`waiting` false) or the waiting handlers of table (p, t). */
function ipcCount(b: usize, p: i32, t: i32, waiting: bool): i32 {
  if (IPC_COUNT === 0) unreachable(); // an IPC access on a layout without IPC tables (the JavaScript throws)
  const i = ipcIndex(p, t);
  return waiting ? b8(b, IPC_WAIT + i * IPC_W) : b8(b, IPC_PENDING + i);
}

/** packedControllerJudge.ts:783-792 (`lostSend`): an IPC send wakes the head handler, or is counted, or is reported. */
function lostSend(cur: usize, next: usize): i32 {
  if (IPC_COUNT === 0) return LOST;
  const i = ipcIndex(ACC_A, ACC_B);
  const was = b8(cur, IPC_PENDING + i);
  if (b8(cur, IPC_WAIT + i * IPC_W) > 0)
    return get(IPC_HOW, i) !== DROPPED || get(READY_NET, get(IPC_ITEM, i)) <= 0 ? LOST : 0;
  if (was < PENDING_MAX) return b8(next, IPC_PENDING + i) !== was + 1 ? LOST : 0;
  return (b8(next, ERROR) & PENDING_OVERFLOW) === 0 ? LOST : 0;
}

/** packedControllerJudge.ts:795-831 (`spurious`): noSpuriousWakeup when some task's ready count rose. */
function spurious(cur: usize, next: usize): i32 {
  let came = 0;
  let one = -1;
  for (let i = 0; i < nTouched; i++) {
    const t = get(TOUCHED, i);
    const n = get(READY_NET, t);
    if (n <= 0) continue;
    came++;
    one = n === 1 ? t : -1;
  }
  if (came === 0) return 0;
  if (came !== 1) one = -1;
  if (ACC === ACC_ENQUEUE) return one === ACC_TASK ? 0 : SPURIOUS;
  if (ACC === ACC_REGISTER) {
    if (one !== ACC_TASK) return SPURIOUS;
    const was = b8(cur, IRQ_PENDING + ACC_B);
    return was === 0 || b8(next, IRQ_PENDING + ACC_B) !== was - 1 ? SPURIOUS : 0;
  }
  if (ACC === ACC_IRQ && one >= 0) {
    const o = IRQ_WAIT + ACC_A * WAIT_W;
    for (let j = 0; j < b8(cur, o); j++) if (b8(cur, o + 2 + 2 * j) === one) return 0;
  }
  if (IPC_COUNT === 0) return SPURIOUS;
  const i = ipcIndex(ACC_A, ACC_B);
  if (ACC === ACC_IPC_REGISTER) {
    if (one !== ACC_TASK) return SPURIOUS;
    const was = b8(cur, IPC_PENDING + i);
    return was === 0 || b8(next, IPC_PENDING + i) !== was - 1 ? SPURIOUS : 0;
  }
  if (ACC === ACC_IPC_SEND && one >= 0) {
    const o = IPC_WAIT + i * IPC_W;
    for (let j = 0; j < b8(cur, o); j++) if (b8(cur, o + 1 + j) === one) return 0;
  }
  return SPURIOUS;
}

/** packedControllerJudge.ts:834-844 (`misplaced`): task t was appended to some ready queue but not to priority 0 of process p. */
function misplaced(t: i32, p: i32): bool {
  let elsewhere = false;
  for (let i = 0; i < nReadyChanged; i++) {
    const q = get(READY_CHANGED, i);
    if (get(READY_HOW, q) !== APPENDED || get(READY_ITEM, q) !== t) continue;
    if (q === p * PRIORITIES) return false;
    elsewhere = true;
  }
  return elsewhere;
}

/** packedControllerJudge.ts:847-853 (`sameExceptError`): every controller cell but the error register is the same. */
function sameExceptError(cur: usize, next: usize): bool {
  if (nReadyChanged > 0 || nWaitChanged > 0) return false;
  if ((changed & CELL_WORDS) === 0) return true; // none of their words changed
  for (let i = IRQ_PENDING; i < ERROR; i++) if (b8(cur, i) !== b8(next, i)) return false;
  return true;
}

/** packedControllerJudge.ts:856-865 (`advance`): the ghosts past the access, in `next`. */
function advance(cur: usize, next: usize): void {
  const at = next + <usize>ERROR_SINCE_READ;
  store<u8>(at, ACC === ACC_ERROR_READ ? 0 : <u8>(b8(next, ERROR_SINCE_READ) | req));
  if (nTouched > 0 && (ACC === ACC_ENQUEUE || ACC === ACC_REGISTER || ACC === ACC_IPC_REGISTER))
    accepted(next);
  else if (ACC === ACC_DEQUEUE && ACC_TASK !== 0) returned(next);
  if (TRACK_WAKE) advanceWake(cur, next);
}

/** packedControllerJudge.ts:868-873 (`accepted`): a write whose task is held once more. */
function accepted(next: usize): void {
  const v = ACC_TASK;
  if (get(HELD, v) <= 0) return;
  add(next, CUSTODY + ACC_A * TASK_POOL + poolIndex(v), 1);
  add(next, OUTSTANDING, 1);
}

/** packedControllerJudge.ts:876-884 (`returned`): a DEQUEUE that returned a task. */
function returned(next: usize): void {
  const v = ACC_TASK;
  if (v >= 1 && v <= TASK_POOL) {
    const at = CUSTODY + ACC_A * TASK_POOL + v - 1;
    const c = b8(next, at);
    store<u8>(next + <usize>at, <u8>(c > 0 ? c - 1 : 0));
  }
  add(next, OUTSTANDING, -1);
}

/** packedControllerJudge.ts:887-909 (`advanceWake`): the wakeup ghost's access half. */
function advanceWake(cur: usize, next: usize): void {
  const v = ACC_TASK;
  if (ACC === ACC_IRQ) {
    const d = ACC_A;
    const w = get(WAIT_TASK, d);
    if (get(WAIT_HOW, d) === DROPPED && get(READY_NET, w) > 0) {
      wake(next, w);
      return;
    }
    const was = b8(cur, IRQ_PENDING + d);
    if (was >= PENDING_MAX && (b8(next, ERROR) & PENDING_OVERFLOW) !== 0) return;
    add(next, UNDELIVERED + d, 1);
    return;
  }
  if (ACC === ACC_REGISTER && get(READY_NET, v) > 0) {
    const at = UNDELIVERED + ACC_B;
    const u = b8(next, at);
    store<u8>(next + <usize>at, <u8>(u > 0 ? u - 1 : 0));
    wake(next, v);
  }
}

/** packedControllerJudge.ts:912-916 (`add`): adds n to the ghost count at `at` (out of a byte: broken). */
function add(b: usize, at: i32, n: i32): void {
  const x = b8(b, at) + n;
  if (x < 0 || x > 255) {
    broken = true;
    return;
  }
  store<u8>(b + <usize>at, <u8>x);
}

/** packedControllerJudge.ts:919-923 (`poolIndex`): task id t as an index of the pool (outside it: broken, 0). */
function poolIndex(t: i32): i32 {
  if (t < 1 || t > TASK_POOL) {
    broken = true;
    return 0;
  }
  return t - 1;
}

/** packedControllerJudge.ts:925-929 (`wake`). */
function wake(next: usize, t: i32): void {
  const i = poolIndex(t);
  const at = WOKEN + (i >> 3);
  store<u8>(next + <usize>at, <u8>(b8(next, at) | (1 << (i & 7))));
}
