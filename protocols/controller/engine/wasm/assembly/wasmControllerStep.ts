/**
 * AssemblyScript: the judged controller engine's successor function, a port of
 * controllerPackedSuccessors.ts's `step` over controllerByteStep.ts's `stepFlat` (the model's
 * rules in bytes, every access of the model) and its seeded bugs (controllerPackedMutation.ts,
 * tests only), each successor judged by the byte judge (wasmControllerJudge.ts). The alphabet is
 * the loader's: per event its FlatOp (controllerByteStep.ts) and its access code, set by
 * `eventsInit` and `setEvent`. Where controllerPackedSuccessors.ts judges a step with the
 * properties themselves (the byte judge answers -1, or the seeded bug forgetsCustody skips it),
 * the step is the imported `controllerStepInJs`'s: ControllerPackedSuccessors in JavaScript from
 * the same state, its successor and verdict (a correct model's steps never go there).
 */
import { alloc, copyState } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import {
  ACC_DEQUEUE,
  ACC_ERROR_READ,
  controllerJudgeBytes,
  controllerOccupancy,
} from './wasmControllerJudge';
import {
  BAD_ACCESS,
  CAPACITY,
  ERROR,
  IPC_PENDING,
  IPC_TYPES,
  IPC_W,
  IPC_WAIT,
  IRQ_PENDING,
  IRQ_WAIT,
  MUT_FORGETS_CUSTODY,
  MUT_KEEPS_OLD_READY,
  MUT_READ_KEEPS_ERROR,
  MUT_SEND_COUNTS_BESIDE_HANDLER,
  MUT_SEND_KEEPS_HANDLER,
  MUT_SEND_WAKES_LOW,
  MUTATION,
  ONLINE,
  PENDING_MAX,
  PENDING_OVERFLOW,
  PRIORITIES,
  PROCESSES,
  QUEUE_FULL,
  READY,
  READY_W,
  WAIT_DEPTH,
  WAIT_FULL,
  WAIT_W,
} from './wasmControllerLayout';

/**
 * controllerPackedSuccessors.ts:202-235 (`step`) in JavaScript, for a step the byte judge does not
 * judge: the successor by event `k` of the state at `cur` (of `generation`) as step `index`,
 * written to `next`, and the failing properties' bits (0: none; their indices among
 * CONTROLLER_STEP_PROPERTIES); `stateOnce` as there.
 */
declare function controllerStepInJs(
  cur: usize,
  next: usize,
  k: i32,
  index: i32,
  stateOnce: i32,
  generation: i32,
): i32;

/** controllerByteStep.ts:105-115: the operation kinds of a FlatOp. */
const BAD_READ: i32 = 0;
const BAD_WRITE: i32 = 1;
const ENQUEUE: i32 = 2;
const IRQ_REGISTER: i32 = 3;
const IRQ: i32 = 4;
const DEQUEUE: i32 = 5;
const STATUS_READ: i32 = 6;
const STATUS_WRITE: i32 = 7;
const ERROR_READ: i32 = 8;
const IPC_REGISTER: i32 = 9;
const IPC_SEND: i32 = 10;
/** controllerByteStep.ts:29: an acknowledged write's observation. */
const BYTE_ACK: i32 = -1;

/** Per event, 5 i32: its FlatOp's kind, p, x and task, and its access code (controllerPackedSuccessors.ts:103-108). */
let EVENTS: usize = 0;
export let NEVENTS: i32 = 0;
/** The loaded state's occupancy per process (controllerPackedSuccessors.ts:72), and its generation. */
let OCC: usize = 0;
export let GENERATION: i32 = 0;
/** controllerPackedSuccessors.ts:214-219's access of the last step (the byte judge's `PackedAccess`). */
let ACC: i32 = 0;
let ACC_A: i32 = 0;
let ACC_B: i32 = 0;
let ACC_TASK: i32 = 0;
/** Steps handed to `controllerStepInJs`. */
export let jsCalls: i32 = 0;

/** Room for `n` events (the alphabet's length), before `setEvent` of each. */
export function eventsInit(n: i32): void {
  NEVENTS = n;
  EVENTS = alloc(n * 5, 4);
  OCC = alloc(PROCESSES, 4);
}

/** Event `k` of the alphabet: its FlatOp (controllerByteStep.ts flatOp) and access code (ACCESS_OF_KIND). */
export function setEvent(k: i32, kind: i32, p: i32, x: i32, task: i32, acc: i32): void {
  const e = EVENTS + <usize>(k * 5 * 4);
  store<i32>(e, kind);
  store<i32>(e, p, 4);
  store<i32>(e, x, 8);
  store<i32>(e, task, 12);
  store<i32>(e, acc, 16);
}

function b8(s: usize, i: i32): i32 {
  return <i32>load<u8>(s + <usize>i);
}

function put(s: usize, i: i32, v: i32): void {
  store<u8>(s + <usize>i, <u8>v);
}

function occ(p: i32): i32 {
  return load<i32>(OCC + ((<usize>p) << 2));
}

/** controllerPackedSuccessors.ts:173-184 (`loaded`): the state at `cur` becomes the loaded one (a new generation, its occupancies). */
export function loadState(cur: usize): void {
  GENERATION++;
  for (let p = 0; p < PROCESSES; p++) store<i32>(OCC + ((<usize>p) << 2), controllerOccupancy(cur, p));
}

/**
 * controllerPackedSuccessors.ts:202-235 (`step`): the successor of the loaded state at `cur` by
 * event `k` as step `index`, written to `next`, and the failing properties' bits (0: none; the
 * ghost in `next` advanced). With `stateOnce` the verdicts on the successor alone are left to
 * controllerJudgeState unless the step fails otherwise.
 */
export function stepInto(cur: usize, next: usize, k: i32, index: i32, stateOnce: bool): i32 {
  copyState(next, cur);
  const e = EVENTS + <usize>(k * 5 * 4);
  const kind = load<i32>(e);
  const p = load<i32>(e, 4);
  const x = load<i32>(e, 8);
  const task = load<i32>(e, 12);
  const code = stepFlat(next, kind, p, x, task);
  const forgets = MUTATION !== 0 && seedBug(cur, next, kind, p, x);
  const acc = load<i32>(e, 16);
  ACC = acc;
  ACC_A = p;
  ACC_B = x;
  ACC_TASK = acc === ACC_DEQUEUE || acc === ACC_ERROR_READ ? code : task;
  const bits = forgets
    ? -1
    : controllerJudgeBytes(cur, next, ACC, ACC_A, ACC_B, ACC_TASK, GENERATION, !stateOnce);
  if (bits >= 0) return bits;
  jsCalls++;
  return controllerStepInJs(cur, next, k, index, stateOnce ? 1 : 0, GENERATION);
}

/** controllerByteStep.ts:32-41 (`push`): appends (x, and y ≥ 0 for a two-byte entry) to the FIFO at `o` of `slots` slots. */
function push(b: usize, o: i32, slots: i32, x: i32, y: i32): void {
  const n = b8(b, o);
  if (n >= slots) unreachable(); // a FIFO would grow past its slots (the JavaScript throws)
  if (y < 0) put(b, o + 1 + n, x);
  else {
    put(b, o + 1 + 2 * n, x);
    put(b, o + 2 + 2 * n, y);
  }
  put(b, o, n + 1);
}

/** controllerByteStep.ts:44-49 (`pop`): removes the head of the FIFO of `w`-byte entries at `o`, the freed slot zeroed. */
function pop(b: usize, o: i32, w: i32): void {
  const n = b8(b, o);
  for (let i = o + 1; i < o + 1 + (n - 1) * w; i++) put(b, i, b8(b, i + w));
  for (let i = o + 1 + (n - 1) * w; i < o + 1 + n * w; i++) put(b, i, 0);
  put(b, o, n - 1);
}

/** controllerByteStep.ts:52-54 (`wakeInto`): appends `task` to priority 0 of process p. */
function wakeInto(b: usize, p: i32, task: i32): void {
  push(b, READY + p * PRIORITIES * READY_W, CAPACITY, task, -1);
}

function setError(b: usize, bit: i32): void {
  put(b, ERROR, b8(b, ERROR) | bit);
}

/** controllerByteStep.ts:62-80 (`register`): a registration of `task` by p on the blocked queue at `waitAt`. */
function register(b: usize, p: i32, task: i32, pendingAt: i32, waitAt: i32, waiter: i32): void {
  if (occ(p) >= CAPACITY) setError(b, QUEUE_FULL);
  else if (b8(b, pendingAt) > 0) {
    put(b, pendingAt, b8(b, pendingAt) - 1);
    wakeInto(b, p, task);
  } else if (b8(b, waitAt) >= WAIT_DEPTH) setError(b, WAIT_FULL);
  else if (waiter < 0) push(b, waitAt, WAIT_DEPTH, task, -1);
  else push(b, waitAt, WAIT_DEPTH, waiter, task);
}

/** controllerByteStep.ts:87-102 (`signal`): an interrupt or IPC send on the blocked queue at `waitAt`. */
function signal(b: usize, pendingAt: i32, waitAt: i32, w: i32, target: i32): void {
  if (b8(b, waitAt) > 0) {
    const p = w === 2 ? b8(b, waitAt + 1) - 1 : target;
    const t = b8(b, waitAt + w);
    pop(b, waitAt, w);
    wakeInto(b, p, t);
  } else if (b8(b, pendingAt) >= PENDING_MAX) setError(b, PENDING_OVERFLOW);
  else put(b, pendingAt, b8(b, pendingAt) + 1);
}

/** controllerByteStep.ts:229-280 (`stepFlat`): applies the operation to the state bytes at `b`; BYTE_ACK or a read's value. */
export function stepFlat(b: usize, kind: i32, p: i32, x: i32, task: i32): i32 {
  switch (kind) {
    case BAD_READ:
    case BAD_WRITE:
      setError(b, BAD_ACCESS);
      return kind === BAD_READ ? 0 : BYTE_ACK;
    case ENQUEUE:
      if (occ(p) >= CAPACITY) setError(b, QUEUE_FULL);
      else push(b, READY + (p * PRIORITIES + x) * READY_W, CAPACITY, task, -1);
      return BYTE_ACK;
    case IRQ_REGISTER:
      register(b, p, task, IRQ_PENDING + x, IRQ_WAIT + x * WAIT_W, p + 1);
      return BYTE_ACK;
    case IRQ:
      signal(b, IRQ_PENDING + p, IRQ_WAIT + p * WAIT_W, 2, -1);
      return BYTE_ACK;
    case DEQUEUE:
      for (let k = 0; k < PRIORITIES; k++) {
        const o = READY + (p * PRIORITIES + k) * READY_W;
        if (b8(b, o) === 0) continue;
        const t = b8(b, o + 1);
        pop(b, o, 1);
        return t;
      }
      return 0;
    case STATUS_READ:
      return b8(b, ONLINE + p);
    case STATUS_WRITE:
      put(b, ONLINE + p, x);
      return BYTE_ACK;
    case ERROR_READ: {
      const bits = b8(b, ERROR);
      put(b, ERROR, 0);
      return bits;
    }
    case IPC_REGISTER: {
      const i = p * IPC_TYPES + x;
      register(b, p, task, IPC_PENDING + i, IPC_WAIT + i * IPC_W, -1);
      return BYTE_ACK;
    }
    case IPC_SEND: {
      const i = p * IPC_TYPES + x;
      signal(b, IPC_PENDING + i, IPC_WAIT + i * IPC_W, 1, p);
      return BYTE_ACK;
    }
    default:
      unreachable(); // no such operation kind (the JavaScript throws)
      return 0;
  }
}

/**
 * controllerPackedSuccessors.ts:242-253 (`seedBug`): the seeded bug applied to the successor at
 * `next` of `cur`; true when it is forgetsCustody on a write whose task entered a ready queue.
 */
function seedBug(cur: usize, next: usize, kind: i32, p: i32, x: i32): bool {
  let accepted = false;
  if (
    MUTATION === MUT_FORGETS_CUSTODY &&
    (kind === ENQUEUE || kind === IRQ_REGISTER || kind === IPC_REGISTER)
  )
    for (let j = READY; j < IRQ_WAIT; j++) if (b8(next, j) !== b8(cur, j)) accepted = true;
  if (MUTATION === MUT_KEEPS_OLD_READY) for (let j = READY; j < IRQ_WAIT; j++) put(next, j, b8(cur, j));
  if (MUTATION === MUT_READ_KEEPS_ERROR && kind === ERROR_READ) put(next, ERROR, b8(cur, ERROR));
  if (kind === IPC_SEND) seedSendBug(cur, next, p, x);
  return MUTATION === MUT_FORGETS_CUSTODY && accepted;
}

/** controllerPackedSuccessors.ts:302-340 (`seedSendBug`): the seeded IPC-send bugs on the send to (target, type). */
function seedSendBug(cur: usize, next: usize, target: i32, type: i32): void {
  const i = target * IPC_TYPES + type;
  if (b8(cur, IPC_WAIT + i * IPC_W) === 0) return;
  const handler = b8(cur, IPC_WAIT + i * IPC_W + 1);
  const q0 = READY + target * PRIORITIES * READY_W;
  if (MUTATION === MUT_SEND_COUNTS_BESIDE_HANDLER) {
    for (let j = READY; j < IPC_PENDING; j++) put(next, j, b8(cur, j));
    put(next, IPC_PENDING + i, b8(cur, IPC_PENDING + i) + 1);
  } else if (MUTATION === MUT_SEND_KEEPS_HANDLER) {
    const w = IPC_WAIT + i * IPC_W;
    for (let j = w; j < w + IPC_W; j++) put(next, j, b8(cur, j));
  } else if (MUTATION === MUT_SEND_WAKES_LOW) {
    if (PRIORITIES < 2) return;
    const len = b8(next, q0);
    const low = q0 + (PRIORITIES - 1) * READY_W;
    const lowLen = b8(next, low);
    if (len === 0 || lowLen >= CAPACITY) return;
    put(next, q0, len - 1); // the handler was appended last to priority 0
    put(next, q0 + len, 0);
    put(next, low + 1 + lowLen, handler);
    put(next, low, lowLen + 1);
  }
}
