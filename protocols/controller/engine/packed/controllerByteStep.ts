/**
 * The controller model's `step` (model/step.ts with its guards and actions, spec/controller.md
 * §4–§5) over packed bytes for the accesses the byte judge reads: a wrong access, ENQUEUE,
 * IRQ_REGISTER, IPC_REGISTER, IPC_SEND, an interrupt, DEQUEUE, ERROR reads, and STATUS reads
 * and writes: every access of the model. Each
 * access is checked in §4's order (wrong access, capacity, then the effect), as `step` does. A
 * FIFO that would grow past its slots is an error, never a truncation; the judged engine's
 * per-transition comparison with the step judge (test/protocols/controller/engine/controllerJudged.test.ts)
 * requires these bytes to be the model's successor encoded.
 */
import type { Operation } from '../../model/decode.ts';
import { ERR } from '../../model/registers.ts';
import type { ControllerPackedLayout } from './controllerPackedLayout.ts';
import {
  ACC_BAD,
  ACC_DEQUEUE,
  ACC_ENQUEUE,
  ACC_ERROR_READ,
  ACC_IPC_REGISTER,
  ACC_IPC_SEND,
  ACC_IRQ,
  ACC_READ,
  ACC_REGISTER,
  ACC_STATUS,
} from './packedAccess.ts';
import { wordBits } from './packedControllerJudge.ts';

/** What {@link stepBytes} returns for an acknowledged write; a read returns its value (≥ 0). */
export const BYTE_ACK = -1;

/** Appends the entry (`x`, and `y` for a two-byte entry) to the FIFO of `w`-byte entries at `o` with `slots` slots. */
function push(b: Uint8Array, o: number, slots: number, x: number, y = -1): void {
  const n = b[o] ?? 0;
  if (n >= slots) throw new Error('judged engine: a FIFO would grow past its slots');
  if (y < 0) b[o + 1 + n] = x;
  else {
    b[o + 1 + 2 * n] = x;
    b[o + 2 + 2 * n] = y;
  }
  b[o] = n + 1;
}

/** Removes the head of the FIFO of `w`-byte entries at `o` (non-empty), the freed slot zeroed. */
function pop(b: Uint8Array, o: number, w: number): void {
  const n = b[o] ?? 0;
  for (let i = o + 1; i < o + 1 + (n - 1) * w; i++) b[i] = b[i + w] ?? 0;
  for (let i = o + 1 + (n - 1) * w; i < o + 1 + n * w; i++) b[i] = 0;
  b[o] = n - 1;
}

/** Appends `task` to priority 0 of process p (a wake, §4.1/§4.2). */
function wakeInto(L: ControllerPackedLayout, b: Uint8Array, p: number, task: number): void {
  push(b, L.ready + p * L.cfg.priorities * L.readyW, L.cfg.capacity, task);
}

/**
 * A registration (IRQ_REGISTER, IPC_REGISTER) of `task` by process p on the blocked queue at
 * `waitAt` with its pending count at `pendingAt`: refused at capacity (QUEUE_FULL), woken at once
 * by a pending count, refused at a full blocked queue (WAIT_FULL), or waiting; `waiter` is the
 * entry's process byte for a two-byte waiter (irqWait), -1 for a handler id alone (ipcWait).
 */
function register(
  L: ControllerPackedLayout,
  b: Uint8Array,
  occ: Int32Array,
  p: number,
  task: number,
  pendingAt: number,
  waitAt: number,
  waiter: number,
): void {
  const { cfg } = L;
  if ((occ[p] ?? 0) >= cfg.capacity) b[L.error] = (b[L.error] ?? 0) | ERR.QUEUE_FULL;
  else if ((b[pendingAt] ?? 0) > 0) {
    b[pendingAt] = (b[pendingAt] ?? 0) - 1;
    wakeInto(L, b, p, task);
  } else if ((b[waitAt] ?? 0) >= cfg.waitDepth) b[L.error] = (b[L.error] ?? 0) | ERR.WAIT_FULL;
  else if (waiter < 0) push(b, waitAt, cfg.waitDepth, task);
  else push(b, waitAt, cfg.waitDepth, waiter, task);
}

/**
 * An interrupt or IPC send on the blocked queue at `waitAt` (`w`-byte entries: a waiter's process
 * byte then task, or a handler id woken into process `target`) with its counter at `pendingAt`:
 * the head wakes, or the event is counted, or it is lost and reported (PENDING_OVERFLOW).
 */
function signal(
  L: ControllerPackedLayout,
  b: Uint8Array,
  pendingAt: number,
  waitAt: number,
  w: number,
  target = -1,
): void {
  if ((b[waitAt] ?? 0) > 0) {
    const p = w === 2 ? (b[waitAt + 1] ?? 0) - 1 : target;
    const t = b[waitAt + w] ?? 0;
    pop(b, waitAt, w);
    wakeInto(L, b, p, t);
  } else if ((b[pendingAt] ?? 0) >= L.cfg.pendingMax) b[L.error] = (b[L.error] ?? 0) | ERR.PENDING_OVERFLOW;
  else b[pendingAt] = (b[pendingAt] ?? 0) + 1;
}

/** The operation kinds of a {@link FlatOp} (the order of {@link ACCESS_OF_KIND}). */
const BAD_READ = 0;
const BAD_WRITE = 1;
const ENQUEUE = 2;
const IRQ_REGISTER = 3;
const IRQ = 4;
const DEQUEUE = 5;
const STATUS_READ = 6;
const STATUS_WRITE = 7;
const ERROR_READ = 8;
const IPC_REGISTER = 9;
const IPC_SEND = 10;

/**
 * An operation as numbers, every kind in one object shape: {@link stepFlat} reads it without a
 * lookup per operation shape or a bigint (a search steps the same few operations millions of times).
 */
export interface FlatOp {
  kind: number;
  /** The process (Enqueue, registrations, Dequeue, status and error accesses), line (Irq) or target (IpcSend). */
  p: number;
  /** The priority (Enqueue), device (IrqRegister), IPC type (IpcRegister, IpcSend) or data bit (StatusWrite). */
  x: number;
  /** The task written (Enqueue, registrations). */
  task: number;
}

/** The {@link FlatOp} {@link flatOp} fills (copy it to keep it). */
const SCRATCH: FlatOp = { kind: IRQ, p: 0, x: 0, task: 0 };

/** {@link SCRATCH} set to the given fields. */
function flat(kind: number, p: number, x = 0, task = 0n): FlatOp {
  SCRATCH.kind = kind;
  SCRATCH.p = p;
  SCRATCH.x = x;
  SCRATCH.task = Number(task);
  return SCRATCH;
}

/** `op` as a {@link FlatOp}: the same object on every call (copy it to keep it). */
export function flatOp(op: Operation): FlatOp {
  switch (op.type) {
    case 'BadAccess':
      return flat(op.access === 'read' ? BAD_READ : BAD_WRITE, 0);
    case 'Enqueue':
      return flat(ENQUEUE, op.p, op.prio, op.task);
    case 'IrqRegister':
      return flat(IRQ_REGISTER, op.p, op.device, op.task);
    case 'Irq':
      return flat(IRQ, op.line);
    case 'Dequeue':
      return flat(DEQUEUE, op.p);
    case 'StatusRead':
      return flat(STATUS_READ, op.p);
    case 'StatusWrite':
      return flat(STATUS_WRITE, op.p, Number(op.data & 1n));
    case 'ErrorRead':
      return flat(ERROR_READ, op.p);
    case 'IpcRegister':
      return flat(IPC_REGISTER, op.p, op.ipcType, op.task);
    case 'IpcSend':
      return flat(IPC_SEND, op.target, op.ipcType);
  }
}

/** Per {@link FlatOp} kind: the access as the byte judge reads it (packedAccess.ts; a read's value, or the task a read returned, comes from the step). */
export const ACCESS_OF_KIND: readonly number[] = [
  ACC_BAD,
  ACC_BAD,
  ACC_ENQUEUE,
  ACC_REGISTER,
  ACC_IRQ,
  ACC_DEQUEUE,
  ACC_READ,
  ACC_STATUS,
  ACC_ERROR_READ,
  ACC_IPC_REGISTER,
  ACC_IPC_SEND,
];

/**
 * The bits (packedControllerJudge.ts wordBits) of every 32-bit word of a state that {@link stepFlat}
 * may change for `op`, whatever the state: the queues, counters and cells it writes, the error
 * register, and for an interrupt the priority-0 queue of every process (its waiter's is read
 * from the state).
 */
export function touchedWords(L: ControllerPackedLayout, op: FlatOp): number {
  const { cfg } = L;
  const P = cfg.priorities;
  const ready = (p: number, k: number): number => wordBits(L.ready + (p * P + k) * L.readyW, L.readyW);
  let bits = wordBits(L.error, 1);
  const p = op.p;
  const i = p * cfg.ipcTypes + op.x;
  switch (op.kind) {
    case ENQUEUE:
      return bits | ready(p, op.x);
    case IRQ_REGISTER:
      return (
        bits | ready(p, 0) | wordBits(L.irqWait + op.x * L.waitW, L.waitW) | wordBits(L.irqPending + op.x, 1)
      );
    case IRQ:
      for (let q = 0; q < cfg.processes; q++) bits |= ready(q, 0);
      return bits | wordBits(L.irqWait + p * L.waitW, L.waitW) | wordBits(L.irqPending + p, 1);
    case DEQUEUE:
      for (let k = 0; k < P; k++) bits |= ready(p, k);
      return bits;
    case STATUS_WRITE:
      return bits | wordBits(L.online + p, 1);
    case IPC_REGISTER:
    case IPC_SEND:
      return bits | ready(p, 0) | wordBits(L.ipcWait + i * L.ipcW, L.ipcW) | wordBits(L.ipcPending + i, 1);
    default:
      return bits;
  }
}

/**
 * Applies `op` to the state bytes in `b` (a copy of the state's, whose process occupancies are
 * `occ`): the observation as {@link BYTE_ACK} or a read's value.
 */
export function stepBytes(L: ControllerPackedLayout, b: Uint8Array, op: Operation, occ: Int32Array): number {
  return stepFlat(L, b, flatOp(op), occ);
}

/** {@link stepBytes} of the operation `op` as numbers. */
export function stepFlat(L: ControllerPackedLayout, b: Uint8Array, op: FlatOp, occ: Int32Array): number {
  const { cfg } = L;
  const C = cfg.capacity;
  const p = op.p;
  switch (op.kind) {
    case BAD_READ:
    case BAD_WRITE:
      b[L.error] = (b[L.error] ?? 0) | ERR.BAD_ACCESS;
      return op.kind === BAD_READ ? 0 : BYTE_ACK;
    case ENQUEUE:
      if ((occ[p] ?? 0) >= C) b[L.error] = (b[L.error] ?? 0) | ERR.QUEUE_FULL;
      else push(b, L.ready + (p * cfg.priorities + op.x) * L.readyW, C, op.task);
      return BYTE_ACK;
    case IRQ_REGISTER:
      register(L, b, occ, p, op.task, L.irqPending + op.x, L.irqWait + op.x * L.waitW, p + 1);
      return BYTE_ACK;
    case IRQ:
      signal(L, b, L.irqPending + p, L.irqWait + p * L.waitW, 2);
      return BYTE_ACK;
    case DEQUEUE:
      for (let k = 0; k < cfg.priorities; k++) {
        const o = L.ready + (p * cfg.priorities + k) * L.readyW;
        if ((b[o] ?? 0) === 0) continue;
        const t = b[o + 1] ?? 0;
        pop(b, o, 1);
        return t;
      }
      return 0;
    case STATUS_READ:
      return b[L.online + p] ?? 0;
    case STATUS_WRITE:
      b[L.online + p] = op.x;
      return BYTE_ACK;
    case ERROR_READ: {
      const bits = b[L.error] ?? 0;
      b[L.error] = 0;
      return bits;
    }
    case IPC_REGISTER: {
      const i = p * cfg.ipcTypes + op.x;
      register(L, b, occ, p, op.task, L.ipcPending + i, L.ipcWait + i * L.ipcW, -1);
      return BYTE_ACK;
    }
    case IPC_SEND: {
      const i = p * cfg.ipcTypes + op.x;
      signal(L, b, L.ipcPending + i, L.ipcWait + i * L.ipcW, 1, p);
      return BYTE_ACK;
    }
    default:
      throw new Error(`judged engine: no operation kind ${op.kind}`);
  }
}
