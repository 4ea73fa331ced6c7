/**
 * The wakeup system's named actions: each is one branch of the system's step as a pure function
 * from the state before to an {@link Accepted} result. An action that performs an MMIO access or
 * an interrupt does it through the controller model's `step`, so the controller inside the system
 * is exactly the controller model. `step` and the XState machine call exactly these functions.
 * An action assumes the guards `step` checks before it hold.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerEvent, Dequeue, Irq, StatusWrite } from '../../controller/model/events.ts';
import { NO_EFFECTS } from '../../controller/model/result.ts';
import { step as controllerStep } from '../../controller/model/step.ts';
import type { HartFetch, HartPark, HartPoll, HartReturn, HartSwitch, Spawn } from './events.ts';
import type { Accepted } from './result.ts';
import {
  fetchable,
  type HartState,
  IDLE_HART,
  lowestFreeTask,
  replaced,
  type SystemState,
  type TaskRecord,
  taskOf,
} from './state.ts';

/** Performs `access` on the controller; harts and tasks become the given ones. */
function mmio(
  cfg: Config,
  s: SystemState,
  access: ControllerEvent,
  harts: SystemState['harts'],
  tasks: SystemState['tasks'],
  task: bigint,
): Accepted {
  const r = controllerStep(cfg, s.ctrl, access);
  return {
    kind: 'accepted',
    state: { ctrl: r.state, harts, tasks },
    access,
    obs: r.obs,
    effects: r.effects,
    task,
  };
}

/** A software step: the controller is untouched. */
function software(
  s: SystemState,
  harts: SystemState['harts'],
  tasks: SystemState['tasks'],
  task: bigint,
): Accepted {
  return {
    kind: 'accepted',
    state: { ctrl: s.ctrl, harts, tasks },
    access: null,
    obs: null,
    effects: NO_EFFECTS,
    task,
  };
}

/** DEQUEUE reads per process, shared (events are immutable). */
const DEQUEUES: Dequeue[] = [];
function dequeueOf(p: number): Dequeue {
  let d = DEQUEUES[p];
  if (d === undefined) {
    d = Object.freeze({ type: 'Dequeue', p });
    DEQUEUES[p] = d;
  }
  return d;
}

/** A hart on process p looking for work. */
function fetching(p: number): HartState {
  return { phase: 'fetch', p, task: 0n };
}

/** Task t's record replaced by `r` (t is an id of the pool). */
function withTask(s: SystemState, t: bigint, r: TaskRecord): readonly TaskRecord[] {
  return replaced(s.tasks, Number(t) - 1, r);
}

/** The task hart h holds, with its record (the guards guarantee it exists). */
function held(
  s: SystemState,
  h: number,
): { readonly hart: HartState; readonly t: bigint; readonly r: TaskRecord } {
  const hart = s.harts[h] ?? IDLE_HART;
  const r = taskOf(s, hart.task);
  if (r === undefined) throw new Error(`wakeup: hart ${h} holds no task of the pool`);
  return { hart, t: hart.task, r };
}

/** A device raises its interrupt line: the controller's interrupt step (§4.1). */
export function interrupt(cfg: Config, s: SystemState, e: Irq): Accepted {
  return mmio(cfg, s, e, s.harts, s.tasks, 0n);
}

/** The kernel writes STATUS of a process (one MMIO write): it goes online or offline. */
export function writeStatus(cfg: Config, s: SystemState, e: StatusWrite): Accepted {
  return mmio(cfg, s, e, s.harts, s.tasks, 0n);
}

/** The kernel creates a task with the lowest free id, ready at its priority, and writes ENQUEUE_prio. */
export function spawn(cfg: Config, s: SystemState, e: Spawn): Accepted {
  const t = lowestFreeTask(s);
  const tasks = withTask(s, t, { life: 'ready', p: e.p, prio: e.prio, handlerOf: -1, waitsOn: -1 });
  return mmio(cfg, s, { type: 'Enqueue', p: e.p, prio: e.prio, task: t }, s.harts, tasks, t);
}

/** The kernel puts the hart on another online process's executor, looking for work. */
export function switchHart(_cfg: Config, s: SystemState, e: HartSwitch): Accepted {
  return software(s, replaced(s.harts, e.hart, fetching(e.p)), s.tasks, 0n);
}

/** The kernel takes the hart off its process: it runs no executor. */
export function parkHart(_cfg: Config, s: SystemState, e: HartPark): Accepted {
  return software(s, replaced(s.harts, e.hart, IDLE_HART), s.tasks, 0n);
}

/**
 * The executor reads DEQUEUE of its process. A task it may run (see {@link fetchable}) starts
 * running on the hart; 0 (nothing ready) or any other id leaves the hart looking for work.
 */
export function fetch(cfg: Config, s: SystemState, e: HartFetch): Accepted {
  const p = s.harts[e.hart]?.p ?? -1;
  const r = controllerStep(cfg, s.ctrl, dequeueOf(p));
  const t = r.obs.kind === 'value' ? r.obs.value : 0n;
  const rec = taskOf(s, t);
  const runs = rec !== undefined && fetchable(s, p, t);
  const harts = runs ? replaced<HartState>(s.harts, e.hart, { phase: 'running', p, task: t }) : s.harts;
  const tasks = runs ? withTask(s, t, { ...rec, life: 'running', waitsOn: -1 }) : s.tasks;
  return {
    kind: 'accepted',
    state: { ctrl: r.state, harts, tasks },
    access: dequeueOf(p),
    obs: r.obs,
    effects: r.effects,
    task: t,
  };
}

/** The task yields: it is ready again; the hart stops running it and holds the ENQUEUE. */
export function pollYield(_cfg: Config, s: SystemState, e: HartPoll): Accepted {
  const { hart, t, r } = held(s, e.hart);
  const harts = replaced<HartState>(s.harts, e.hart, { ...hart, phase: 'returning' });
  return software(s, harts, withTask(s, t, { ...r, life: 'ready' }), t);
}

/** The task blocks on a device: the hart stops running it and holds its IRQ_REGISTER. */
export function pollBlock(_cfg: Config, s: SystemState, e: HartPoll): Accepted {
  const { hart, t, r } = held(s, e.hart);
  const device = e.outcome.kind === 'block' ? e.outcome.device : -1;
  const harts = replaced<HartState>(s.harts, e.hart, { ...hart, phase: 'returning' });
  return software(s, harts, withTask(s, t, { ...r, life: 'blocked', waitsOn: device }), t);
}

/** The handler served its device: the hart stops running it and holds its re-registration (rule 3). */
export function pollHandled(_cfg: Config, s: SystemState, e: HartPoll): Accepted {
  const { hart, t, r } = held(s, e.hart);
  const harts = replaced<HartState>(s.harts, e.hart, { ...hart, phase: 'returning' });
  return software(s, harts, withTask(s, t, { ...r, life: 'blocked', waitsOn: r.handlerOf }), t);
}

/** The task finishes: it is done, there is no return action, and the hart looks for work again. */
export function pollFinish(_cfg: Config, s: SystemState, e: HartPoll): Accepted {
  const { hart, t, r } = held(s, e.hart);
  const harts = replaced(s.harts, e.hart, fetching(hart.p));
  return software(s, harts, withTask(s, t, { ...r, life: 'done', waitsOn: -1 }), t);
}

/** Return action of a yield: write the task to ENQUEUE_prio of its process; the hart looks for work. */
export function returnEnqueue(cfg: Config, s: SystemState, e: HartReturn): Accepted {
  const { hart, t, r } = held(s, e.hart);
  const harts = replaced(s.harts, e.hart, fetching(hart.p));
  return mmio(cfg, s, { type: 'Enqueue', p: r.p, prio: r.prio, task: t }, harts, s.tasks, t);
}

/** Return action of a block or a handled interrupt: write the task to IRQ_REGISTER_d of its process. */
export function returnRegister(cfg: Config, s: SystemState, e: HartReturn): Accepted {
  const { hart, t, r } = held(s, e.hart);
  const harts = replaced(s.harts, e.hart, fetching(hart.p));
  return mmio(cfg, s, { type: 'IrqRegister', p: r.p, device: r.waitsOn, task: t }, harts, s.tasks, t);
}
