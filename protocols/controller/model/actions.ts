/**
 * The controller's named actions: each is one branch of spec/controller.md §4–§5 as a pure
 * function from the state before to a {@link StepResult}. `step` and the XState machine call
 * exactly these functions.
 */
import type { Config } from './config/config.ts';
import type { BadAccess } from './decode.ts';
import type {
  Dequeue,
  Enqueue,
  ErrorRead,
  IpcRegister,
  IpcSend,
  Irq,
  IrqRegister,
  StatusRead,
  StatusWrite,
} from './events.ts';
import { ERR } from './registers.ts';
import {
  ACK,
  type ControllerEffect,
  NO_EFFECTS,
  type StepResult,
  valueObs,
  type WakeCause,
} from './result.ts';
import type { ControllerState, Waiter } from './state.ts';

const ZERO = valueObs(0n);

function replaced<T>(a: readonly T[], i: number, v: T): T[] {
  const c = a.slice();
  c[i] = v;
  return c;
}

function appended<T>(q: readonly T[] | undefined, v: T): T[] {
  const c = q === undefined ? [] : q.slice();
  c.push(v);
  return c;
}

/**
 * A copy of `s` with the fields of `c` replaced. Written as one object literal in the field order
 * of `initialState`, so every state shares one hidden class; an object spread (`{ ...s, f }`) is
 * an order of magnitude slower here, and this is the hot path of exploration and storms.
 */
function next(s: ControllerState, c: Partial<ControllerState>): ControllerState {
  return {
    ready: c.ready ?? s.ready,
    irqWait: c.irqWait ?? s.irqWait,
    irqPending: c.irqPending ?? s.irqPending,
    ipcWait: c.ipcWait ?? s.ipcWait,
    ipcPending: c.ipcPending ?? s.ipcPending,
    online: c.online ?? s.online,
    error: c.error ?? s.error,
  };
}

const RAISED: Readonly<Record<number, readonly ControllerEffect[]>> = Object.fromEntries(
  Object.values(ERR).map((bit) => [bit, Object.freeze([{ kind: 'ErrorRaised', bits: bit }])]),
);

/** Sets `bit` in the global error register; nothing else changes (the state is kept if it is already set). */
function raise(s: ControllerState, bit: number, obs = ACK): StepResult {
  const state = (s.error & bit) === bit ? s : next(s, { error: s.error | bit });
  return { state, obs, effects: RAISED[bit] ?? NO_EFFECTS };
}

/** Appends `task` to `ready[p][0]`, the wake target of §4.1/§4.2. */
function wakeInto(cfg: Config, ready: ControllerState['ready'], p: number, task: bigint) {
  const i = p * cfg.priorities;
  return replaced(ready, i, appended(ready[i], task));
}

function woken(p: number, task: bigint, cause: WakeCause): readonly ControllerEffect[] {
  return [{ kind: 'Woken', p, task, cause }];
}

/** §4.3: a wrong access changes nothing but BAD_ACCESS, and a read returns 0. */
export function flagBadAccess(_cfg: Config, s: ControllerState, op: BadAccess): StepResult {
  return raise(s, ERR.BAD_ACCESS, op.access === 'read' ? ZERO : ACK);
}

/** §5: a write refused for capacity sets QUEUE_FULL and changes nothing else. */
export function refuseQueueFull(_cfg: Config, s: ControllerState): StepResult {
  return raise(s, ERR.QUEUE_FULL);
}

/** §5: a registration refused for a full blocked queue sets WAIT_FULL and changes nothing else. */
export function refuseWaitFull(_cfg: Config, s: ControllerState): StepResult {
  return raise(s, ERR.WAIT_FULL);
}

/** §4.1/§4.2: an interrupt or send that finds its pending counter at Q is lost and reported. */
export function flagPendingOverflow(_cfg: Config, s: ControllerState): StepResult {
  return raise(s, ERR.PENDING_OVERFLOW);
}

/** ENQUEUE_k: append the task to `ready[p][k]`. */
export function enqueue(cfg: Config, s: ControllerState, op: Enqueue): StepResult {
  const i = op.p * cfg.priorities + op.prio;
  return {
    state: next(s, { ready: replaced(s.ready, i, appended(s.ready[i], op.task)) }),
    obs: ACK,
    effects: NO_EFFECTS,
  };
}

/** DEQUEUE: remove and return the head of p's lowest-numbered non-empty priority; 0 if all are empty. */
export function dequeue(cfg: Config, s: ControllerState, op: Dequeue): StepResult {
  const from = op.p * cfg.priorities;
  for (let k = 0; k < cfg.priorities; k++) {
    const q = s.ready[from + k];
    if (q !== undefined && q.length > 0) {
      const task = q[0] ?? 0n;
      return {
        state: next(s, { ready: replaced(s.ready, from + k, q.slice(1)) }),
        obs: valueObs(task),
        effects: NO_EFFECTS,
      };
    }
  }
  return { state: s, obs: ZERO, effects: NO_EFFECTS };
}

/** IRQ_REGISTER with a pending interrupt: consume one count and make the task ready at once. */
export function consumeIrqPending(cfg: Config, s: ControllerState, op: IrqRegister): StepResult {
  const d = op.device;
  return {
    state: next(s, {
      irqPending: replaced(s.irqPending, d, (s.irqPending[d] ?? 0) - 1),
      ready: wakeInto(cfg, s.ready, op.p, op.task),
    }),
    obs: ACK,
    effects: woken(op.p, op.task, 'irqPending'),
  };
}

/** IRQ_REGISTER with nothing pending: the task waits for the device, remembering its process. */
export function waitForIrq(_cfg: Config, s: ControllerState, op: IrqRegister): StepResult {
  const w: Waiter = { p: op.p, task: op.task };
  return {
    state: next(s, { irqWait: replaced(s.irqWait, op.device, appended(s.irqWait[op.device], w)) }),
    obs: ACK,
    effects: NO_EFFECTS,
  };
}

/** IPC_REGISTER with a pending send: consume one count and make the handler ready at once. */
export function consumeIpcPending(cfg: Config, s: ControllerState, op: IpcRegister): StepResult {
  const i = op.p * cfg.ipcTypes + op.ipcType;
  return {
    state: next(s, {
      ipcPending: replaced(s.ipcPending, i, (s.ipcPending[i] ?? 0) - 1),
      ready: wakeInto(cfg, s.ready, op.p, op.task),
    }),
    obs: ACK,
    effects: woken(op.p, op.task, 'ipcPending'),
  };
}

/** IPC_REGISTER with nothing pending: the handler waits for a send of its type. */
export function waitForIpc(cfg: Config, s: ControllerState, op: IpcRegister): StepResult {
  const i = op.p * cfg.ipcTypes + op.ipcType;
  return {
    state: next(s, { ipcWait: replaced(s.ipcWait, i, appended(s.ipcWait[i], op.task)) }),
    obs: ACK,
    effects: NO_EFFECTS,
  };
}

/** Interrupt with a waiter: pop the head waiter into priority 0 of the process that registered it. */
export function wakeIrqWaiter(cfg: Config, s: ControllerState, op: Irq): StepResult {
  const q = s.irqWait[op.line] ?? [];
  const w = q[0];
  if (w === undefined) return { state: s, obs: ACK, effects: NO_EFFECTS };
  return {
    state: next(s, {
      irqWait: replaced(s.irqWait, op.line, q.slice(1)),
      ready: wakeInto(cfg, s.ready, w.p, w.task),
    }),
    obs: ACK,
    effects: woken(w.p, w.task, 'interrupt'),
  };
}

/** Interrupt with nobody waiting and room in the counter: count it for the next registration. */
export function countIrq(_cfg: Config, s: ControllerState, op: Irq): StepResult {
  return {
    state: next(s, { irqPending: replaced(s.irqPending, op.line, (s.irqPending[op.line] ?? 0) + 1) }),
    obs: ACK,
    effects: NO_EFFECTS,
  };
}

/** IPC_SEND with a waiting handler: pop the head handler into priority 0 of the target process. */
export function wakeIpcHandler(cfg: Config, s: ControllerState, op: IpcSend): StepResult {
  const i = op.target * cfg.ipcTypes + op.ipcType;
  const q = s.ipcWait[i] ?? [];
  const task = q[0];
  if (task === undefined) return { state: s, obs: ACK, effects: NO_EFFECTS };
  return {
    state: next(s, {
      ipcWait: replaced(s.ipcWait, i, q.slice(1)),
      ready: wakeInto(cfg, s.ready, op.target, task),
    }),
    obs: ACK,
    effects: woken(op.target, task, 'send'),
  };
}

/** IPC_SEND with no handler and room in the counter: count it for the next registration. */
export function countIpc(cfg: Config, s: ControllerState, op: IpcSend): StepResult {
  const i = op.target * cfg.ipcTypes + op.ipcType;
  return {
    state: next(s, { ipcPending: replaced(s.ipcPending, i, (s.ipcPending[i] ?? 0) + 1) }),
    obs: ACK,
    effects: NO_EFFECTS,
  };
}

/** ERROR read: return every bit set since the previous read, and clear them. */
export function readError(_cfg: Config, s: ControllerState, _op: ErrorRead): StepResult {
  return {
    state: s.error === 0 ? s : next(s, { error: 0 }),
    obs: valueObs(BigInt(s.error)),
    effects: NO_EFFECTS,
  };
}

/** STATUS read: return `online[p]` as 0 or 1. */
export function readStatus(_cfg: Config, s: ControllerState, op: StatusRead): StepResult {
  return { state: s, obs: valueObs(s.online[op.p] === true ? 1n : 0n), effects: NO_EFFECTS };
}

/** STATUS write: bit 0 of the data becomes `online[p]`; other bits are ignored. */
export function writeStatus(_cfg: Config, s: ControllerState, op: StatusWrite): StepResult {
  const on = (op.data & 1n) === 1n;
  if (s.online[op.p] === on) return { state: s, obs: ACK, effects: NO_EFFECTS };
  return { state: next(s, { online: replaced(s.online, op.p, on) }), obs: ACK, effects: NO_EFFECTS };
}
