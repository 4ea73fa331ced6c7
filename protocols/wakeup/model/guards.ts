/**
 * The wakeup system's named guards: each decides whether one event is possible in a state, or
 * which branch it takes. `step`, `enabled` and the XState machine call exactly these functions.
 * A guard may assume the guards `step` checks before it hold (indices in range, the right phase).
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { Irq, StatusWrite } from '../../controller/model/events.ts';
import type {
  HartEvent,
  HartFetch,
  HartPoll,
  HartReturn,
  HartSwitch,
  PollOutcomeKind,
  Spawn,
} from './events.ts';
import {
  dequeueHead,
  fetchable,
  hartOn,
  inRange,
  liveTasks,
  lowestFreeTask,
  type SystemState,
  taskOf,
  waitClaims,
} from './state.ts';

/** The interrupt comes from one of the D devices. */
export function lineExists(cfg: Config, _s: SystemState, e: Irq): boolean {
  return inRange(e.line, cfg.devices);
}

/** The event names one of the N processes. */
export function processExists(cfg: Config, _s: SystemState, e: { readonly p: number }): boolean {
  return inRange(e.p, cfg.processes);
}

/** The kernel writes STATUS only with 0 or 1, and only to change the bit. */
export function statusChanges(_cfg: Config, s: SystemState, e: StatusWrite): boolean {
  return (e.data === 0n || e.data === 1n) && (s.ctrl.online[e.p] === true) !== (e.data === 1n);
}

/** A process is taken offline only when no hart is on it, so harts run online processes only. */
export function noHartLeftOn(_cfg: Config, s: SystemState, e: StatusWrite): boolean {
  return e.data === 1n || !hartOn(s, e.p);
}

/** A spawn names an existing process and priority. */
export function spawnInRange(cfg: Config, _s: SystemState, e: Spawn): boolean {
  return inRange(e.p, cfg.processes) && inRange(e.prio, cfg.priorities);
}

/** Some task id is free (never used, or its task is done). */
export function poolHasFreeId(_cfg: Config, s: SystemState): boolean {
  return lowestFreeTask(s) !== 0n;
}

/** The process's live tasks stay within its capacity C, so no write of the runtime is refused. */
export function spawnFits(cfg: Config, s: SystemState, e: Spawn): boolean {
  return liveTasks(s, e.p) < cfg.capacity;
}

/** The event names one of the H harts. */
export function hartExists(cfg: Config, _s: SystemState, e: HartEvent): boolean {
  return inRange(e.hart, cfg.harts);
}

/** The hart holds no task (idle, or looking for work), so the kernel may move it. */
export function hartHoldsNoTask(_cfg: Config, s: SystemState, e: HartEvent): boolean {
  const phase = s.harts[e.hart]?.phase;
  return phase === 'idle' || phase === 'fetch';
}

/** The target is an online process other than the hart's current one. */
export function switchTargetRunnable(cfg: Config, s: SystemState, e: HartSwitch): boolean {
  return inRange(e.p, cfg.processes) && s.ctrl.online[e.p] === true && s.harts[e.hart]?.p !== e.p;
}

/** The hart's executor is looking for work: its next step reads DEQUEUE. */
export function hartFetching(_cfg: Config, s: SystemState, e: HartEvent): boolean {
  return s.harts[e.hart]?.phase === 'fetch';
}

/** The hart is polling a task. */
export function hartRunning(_cfg: Config, s: SystemState, e: HartEvent): boolean {
  return s.harts[e.hart]?.phase === 'running';
}

/** The hart holds the return action of the task it stopped running. */
export function hartReturning(_cfg: Config, s: SystemState, e: HartEvent): boolean {
  return s.harts[e.hart]?.phase === 'returning';
}

/** The hart's DEQUEUE will return a task it may run (so it starts running it). */
export function fetchFindsTask(cfg: Config, s: SystemState, e: HartFetch): boolean {
  const p = s.harts[e.hart]?.p ?? -1;
  return fetchable(s, p, dequeueHead(cfg, s, p));
}

/**
 * The running task can return this way: a handler only `handled`s; an ordinary task yields,
 * finishes, or blocks on a device whose blocked queue has room for one more claim (< B).
 */
export function outcomeAllowed(cfg: Config, s: SystemState, e: HartPoll): boolean {
  const r = taskOf(s, s.harts[e.hart]?.task ?? 0n);
  if (r === undefined) return false;
  const o = e.outcome;
  if (r.handlerOf >= 0) return o.kind === 'handled';
  switch (o.kind) {
    case 'yield':
    case 'finish':
      return true;
    case 'handled':
      return false;
    case 'block':
      return inRange(o.device, cfg.devices) && waitClaims(s, o.device) < cfg.waitDepth;
  }
}

/** The poll's outcome is of this kind (the branch `step` and the machine take). */
export function outcomeIs(_cfg: Config, _s: SystemState, e: HartPoll, kind: PollOutcomeKind): boolean {
  return e.outcome.kind === kind;
}

/** The returning task yielded, so its return action is ENQUEUE at its own priority (else it is IRQ_REGISTER). */
export function returnEnqueues(_cfg: Config, s: SystemState, e: HartReturn): boolean {
  return taskOf(s, s.harts[e.hart]?.task ?? 0n)?.life === 'ready';
}
