/**
 * The syscall system's named actions: each is one branch of `step` as a pure function from the
 * state before to an accepted result. An MMIO access goes through the controller model's `step`,
 * so the controller inside the system is exactly the controller model. `step` and the XState
 * machine call exactly these functions; an action assumes the guards `step` checks hold.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerEvent, StatusWrite } from '../../controller/model/events.ts';
import { NO_EFFECTS } from '../../controller/model/result.ts';
import { step as controllerStep } from '../../controller/model/step.ts';
import type { AgentEvent, Call, Fetch } from './events.ts';
import { submittedFor, wakeableIn } from './guards.ts';
import { agentOfTask, layoutOf, REPLY_TYPE, SERVICE_TYPE } from './layout.ts';
import type { SyscallAccepted } from './result.ts';
import {
  type AgentState,
  execute,
  FREE_SLOT,
  IDLE_CALLER,
  type Ring,
  replaced,
  type Slot,
  type SyscallState,
  used,
  WAITING_DISPATCHER,
} from './state.ts';

/** Performs `access` on the controller; rings and agents become the given ones. */
function mmio(
  cfg: Config,
  s: SyscallState,
  access: ControllerEvent,
  rings: SyscallState['rings'],
  agents: SyscallState['agents'],
): SyscallAccepted {
  const r = controllerStep(cfg, s.ctrl, access);
  return {
    kind: 'accepted',
    state: { ctrl: r.state, rings, agents },
    access,
    obs: r.obs,
    effects: r.effects,
  };
}

/** A software step (shared memory and coroutine state only). */
function software(
  s: SyscallState,
  rings: SyscallState['rings'],
  agents: SyscallState['agents'],
): SyscallAccepted {
  return {
    kind: 'accepted',
    state: { ctrl: s.ctrl, rings, agents },
    access: null,
    obs: null,
    effects: NO_EFFECTS,
  };
}

function agentAt(s: SyscallState, a: number): AgentState {
  const x = s.agents[a];
  if (x === undefined) throw new Error(`syscall: no agent ${a}`);
  return x;
}

function ringAt(s: SyscallState, p: number): Ring {
  const r = s.rings[p];
  if (r === undefined) throw new Error(`syscall: no ring ${p}`);
  return r;
}

/** Ring p with slot i replaced by `slot` (and other fields as given). */
function withSlot(s: SyscallState, p: number, i: number, slot: Slot, ring?: Partial<Ring>): readonly Ring[] {
  const r = ringAt(s, p);
  return replaced(s.rings, p, { head: r.head, tail: r.tail, ...ring, slots: replaced(r.slots, i, slot) });
}

/** The lowest request id of 1..callers(p) no outstanding call of p uses. */
export function freshRequestId(cfg: Config, s: SyscallState, p: number): number {
  const mine = layoutOf(cfg).callers[p] ?? [];
  for (let id = 1; id <= mine.length; id++) {
    if (!mine.some((c) => s.agents[c]?.phase !== 'idle' && s.agents[c]?.req === id)) return id;
  }
  return 0;
}

/** The kernel writes STATUS of a process. */
export function writeStatus(cfg: Config, s: SyscallState, e: StatusWrite): SyscallAccepted {
  return mmio(cfg, s, e, s.rings, s.agents);
}

/** Rule 1, first part: the caller takes the FREE tail slot (FILLING) and writes request id, requester, target and argument. */
export function call(cfg: Config, s: SyscallState, e: Call): SyscallAccepted {
  const { p } = layoutOf(cfg).agents[e.a] ?? { p: -1 };
  const r = ringAt(s, p);
  const R = cfg.ringSlots;
  const i = r.tail % R;
  const req = freshRequestId(cfg, s, p);
  const slot: Slot = { state: 'FILLING', req, requester: e.a, target: e.target, arg: req, result: 0 };
  const rings = withSlot(s, p, i, slot, { tail: (r.tail + 1) % (2 * R) });
  return software(s, rings, replaced(s.agents, e.a, { phase: 'filling', slot: i, req }));
}

/** Rule 1, second part: the caller marks its written slot SUBMITTED. */
export function publish(cfg: Config, s: SyscallState, e: AgentEvent): SyscallAccepted {
  const x = agentAt(s, e.a);
  const p = layoutOf(cfg).agents[e.a]?.p ?? -1;
  const slot = ringAt(s, p).slots[x.slot] ?? FREE_SLOT;
  const rings = withSlot(s, p, x.slot, { ...slot, state: 'SUBMITTED' });
  return software(s, rings, replaced(s.agents, e.a, { ...x, phase: 'submitted' }));
}

/**
 * Rule 1, last part: the caller sends IPC type 0 to the target, then parks awaiting its reply —
 * unless its slot is already DONE (a dispatcher served it between publish and park, and the reply
 * dispatcher found no one awaiting), in which case it goes on to read at once. The check and the
 * park are one step (the caller's wait state is taken under its lock, as the published runtime's
 * task-state lock does), so a reply is never lost between them (a decision: see README).
 */
export function signal(cfg: Config, s: SyscallState, e: AgentEvent): SyscallAccepted {
  const x = agentAt(s, e.a);
  const p = layoutOf(cfg).agents[e.a]?.p ?? -1;
  const slot = ringAt(s, p).slots[x.slot];
  const target = slot?.target ?? 0;
  const access: ControllerEvent = { type: 'IpcSend', p, ipcType: SERVICE_TYPE, target };
  const phase = slot?.state === 'DONE' ? 'reading' : 'awaiting';
  return mmio(cfg, s, access, s.rings, replaced(s.agents, e.a, { ...x, phase }));
}

/** A hart reads DEQUEUE of p: a waiting dispatcher of p starts running, a woken caller of p starts reading; any other id is discarded. */
export function fetch(cfg: Config, s: SyscallState, e: Fetch): SyscallAccepted {
  const access: ControllerEvent = { type: 'Dequeue', p: e.p };
  const r = controllerStep(cfg, s.ctrl, access);
  const t = r.obs.kind === 'value' ? r.obs.value : 0n;
  const a = agentOfTask(cfg, t);
  const info = layoutOf(cfg).agents[a];
  const x = s.agents[a];
  let agents = s.agents;
  if (info !== undefined && x !== undefined && info.p === e.p) {
    if (info.kind !== 'caller' && x.phase === 'waiting')
      agents = replaced<AgentState>(agents, a, { ...x, phase: 'running' });
    else if (info.kind === 'caller' && x.phase === 'woken')
      agents = replaced<AgentState>(agents, a, { ...x, phase: 'reading' });
  }
  return {
    kind: 'accepted',
    state: { ctrl: r.state, rings: s.rings, agents },
    access,
    obs: r.obs,
    effects: r.effects,
  };
}

/** Rule 4, end: the caller reads its DONE slot's result and frees the slot; the ring's head moves past FREE slots. */
export function read(cfg: Config, s: SyscallState, e: AgentEvent): SyscallAccepted {
  const x = agentAt(s, e.a);
  const p = layoutOf(cfg).agents[e.a]?.p ?? -1;
  const R = cfg.ringSlots;
  const r = ringAt(s, p);
  const slots = replaced(r.slots, x.slot, FREE_SLOT);
  let head = r.head;
  let ring: Ring = { head, tail: r.tail, slots };
  while (used(ring, R) > 0 && slots[head % R]?.state === 'FREE') {
    head = (head + 1) % (2 * R);
    ring = { head, tail: r.tail, slots };
  }
  return software(s, replaced(s.rings, p, ring), replaced(s.agents, e.a, IDLE_CALLER));
}

/** Rule 2, first part: the service dispatcher takes the oldest SUBMITTED slot for its process by compare-and-set (SUBMITTED → TAKEN). */
export function take(cfg: Config, s: SyscallState, e: AgentEvent): SyscallAccepted {
  const q = layoutOf(cfg).agents[e.a]?.p ?? -1;
  const code = submittedFor(cfg, s, q);
  const R = cfg.ringSlots;
  const p = Math.floor(code / R);
  const slot = ringAt(s, p).slots[code % R] ?? FREE_SLOT;
  const rings = withSlot(s, p, code % R, { ...slot, state: 'TAKEN' });
  return software(s, rings, replaced(s.agents, e.a, { ...agentAt(s, e.a), slot: code }));
}

/** Rule 2, middle: the dispatcher executes the request once, writes the result and marks the slot DONE. */
export function complete(cfg: Config, s: SyscallState, e: AgentEvent): SyscallAccepted {
  const code = agentAt(s, e.a).slot;
  const R = cfg.ringSlots;
  const p = Math.floor(code / R);
  const slot = ringAt(s, p).slots[code % R] ?? FREE_SLOT;
  const done: Slot = { ...slot, state: 'DONE', result: execute(slot.target, slot.arg) };
  return software(s, withSlot(s, p, code % R, done), replaced(s.agents, e.a, { ...agentAt(s, e.a), req: 1 }));
}

/** Rule 2, last part: the dispatcher sends the reply (IPC type 1) to the requester's process and lets the slot go. */
export function reply(cfg: Config, s: SyscallState, e: AgentEvent): SyscallAccepted {
  const x = agentAt(s, e.a);
  const q = layoutOf(cfg).agents[e.a]?.p ?? -1;
  const access: ControllerEvent = {
    type: 'IpcSend',
    p: q,
    ipcType: REPLY_TYPE,
    target: Math.floor(x.slot / cfg.ringSlots),
  };
  return mmio(cfg, s, access, s.rings, replaced(s.agents, e.a, { ...x, slot: -1, req: 0 }));
}

/** Rule 4: the reply dispatcher wakes (ENQUEUE at priority 0) exactly the caller whose request is DONE. */
export function wake(cfg: Config, s: SyscallState, e: AgentEvent): SyscallAccepted {
  const p = layoutOf(cfg).agents[e.a]?.p ?? -1;
  const c = wakeableIn(cfg, s, p);
  const task = layoutOf(cfg).agents[c]?.task ?? 0n;
  const agents = replaced<AgentState>(s.agents, c, { ...agentAt(s, c), phase: 'woken' });
  return mmio(cfg, s, { type: 'Enqueue', p, prio: 0, task }, s.rings, agents);
}

/** Rule 3, first part: the dispatcher's poll returns; its hart stops running it and owes its registration. */
export function park(_cfg: Config, s: SyscallState, e: AgentEvent): SyscallAccepted {
  return software(s, s.rings, replaced(s.agents, e.a, { ...agentAt(s, e.a), phase: 'returning' }));
}

/** Rule 3, return action: IPC_REGISTER of the dispatcher's type on its process (consuming any pending send). */
export function ret(cfg: Config, s: SyscallState, e: AgentEvent): SyscallAccepted {
  const info = layoutOf(cfg).agents[e.a];
  const ipcType = info?.kind === 'reply' ? REPLY_TYPE : SERVICE_TYPE;
  const access: ControllerEvent = { type: 'IpcRegister', p: info?.p ?? 0, ipcType, task: info?.task ?? 0n };
  return mmio(cfg, s, access, s.rings, replaced(s.agents, e.a, WAITING_DISPATCHER));
}
