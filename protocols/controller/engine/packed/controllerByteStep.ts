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

/**
 * Applies `op` to the state bytes in `b` (a copy of the state's, whose process occupancies are
 * `occ`): the observation as {@link BYTE_ACK} or a read's value.
 */
export function stepBytes(L: ControllerPackedLayout, b: Uint8Array, op: Operation, occ: Int32Array): number {
  const { cfg } = L;
  const C = cfg.capacity;
  switch (op.type) {
    case 'BadAccess':
      b[L.error] = (b[L.error] ?? 0) | ERR.BAD_ACCESS;
      return op.access === 'read' ? 0 : BYTE_ACK;
    case 'Enqueue':
      if ((occ[op.p] ?? 0) >= C) b[L.error] = (b[L.error] ?? 0) | ERR.QUEUE_FULL;
      else push(b, L.ready + (op.p * cfg.priorities + op.prio) * L.readyW, C, Number(op.task));
      return BYTE_ACK;
    case 'IrqRegister': {
      const waitAt = L.irqWait + op.device * L.waitW;
      register(L, b, occ, op.p, Number(op.task), L.irqPending + op.device, waitAt, op.p + 1);
      return BYTE_ACK;
    }
    case 'Irq':
      signal(L, b, L.irqPending + op.line, L.irqWait + op.line * L.waitW, 2);
      return BYTE_ACK;
    case 'Dequeue':
      for (let k = 0; k < cfg.priorities; k++) {
        const o = L.ready + (op.p * cfg.priorities + k) * L.readyW;
        if ((b[o] ?? 0) === 0) continue;
        const t = b[o + 1] ?? 0;
        pop(b, o, 1);
        return t;
      }
      return 0;
    case 'StatusRead':
      return b[L.online + op.p] ?? 0;
    case 'StatusWrite':
      b[L.online + op.p] = (op.data & 1n) === 1n ? 1 : 0;
      return BYTE_ACK;
    case 'ErrorRead': {
      const bits = b[L.error] ?? 0;
      b[L.error] = 0;
      return bits;
    }
    case 'IpcRegister': {
      const i = op.p * cfg.ipcTypes + op.ipcType;
      register(L, b, occ, op.p, Number(op.task), L.ipcPending + i, L.ipcWait + i * L.ipcW, -1);
      return BYTE_ACK;
    }
    case 'IpcSend': {
      const i = op.target * cfg.ipcTypes + op.ipcType;
      signal(L, b, L.ipcPending + i, L.ipcWait + i * L.ipcW, 1, op.target);
      return BYTE_ACK;
    }
  }
}
