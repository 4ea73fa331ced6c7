/**
 * The wakeup system's state: the controller model's state, each hart's executor, and the
 * runtime's task table, compact and immutable. It holds only what the system itself has (the
 * controller's registers and the software runtime's own bookkeeping); ghost data for properties
 * (histories, instance ids) is kept by the checker beside the run, never here.
 *
 * Task ids are 1..cfg.taskPool; task t is `tasks[t - 1]`.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerState } from '../../controller/model/state.ts';

/**
 * Where a hart's executor loop is (research/ats-intc.md §6.1):
 * - `idle`: the hart runs no process's executor;
 * - `fetch`: on process `p`, holding no task; its next step reads DEQUEUE;
 * - `running`: the task `task` was dequeued and is being polled;
 * - `returning`: the poll returned and the hart no longer runs `task`, but still holds its return
 *   action (an in-flight hand-off: ENQUEUE or IRQ_REGISTER, decided by the task's record);
 * - `wedged`: an MMIO access of this hart never completed (the device stalled or aborted); it
 *   never steps again. The model never enters it; a runtime over a failing device does.
 */
export type HartPhase = 'idle' | 'fetch' | 'running' | 'returning' | 'wedged';

/** One hart: its executor's phase, its process (-1 when idle) and its task (0n when it holds none). */
export interface HartState {
  readonly phase: HartPhase;
  readonly p: number;
  readonly task: bigint;
}

/**
 * A task's life cycle as the software runtime knows it:
 * - `free`: no task has this id yet;
 * - `ready`: enqueued (or about to be, by its hart's return action);
 * - `running`: dequeued by a hart and being polled;
 * - `blocked`: registered (or about to be) as a waiter of device `waitsOn`. A hardware wake moves
 *   the task into a ready queue without software noticing: it stays `blocked` until a hart
 *   dequeues it (research/ats-intc.md §9 "hardware wakes bypass the software state machine");
 * - `done`: its future completed; the id may be reused by a later spawn.
 */
export type TaskLife = 'free' | 'ready' | 'running' | 'blocked' | 'done';

/** One task id's record in the runtime's task table. */
export interface TaskRecord {
  readonly life: TaskLife;
  /** The process the task belongs to; -1 while `free`. */
  readonly p: number;
  /** Its priority (the queue a yield re-enqueues it to); 0 while `free`. */
  readonly prio: number;
  /** The device whose interrupt handler it is, or -1 for an ordinary task. */
  readonly handlerOf: number;
  /** The device it is blocked on while `blocked`, else -1. */
  readonly waitsOn: number;
}

export interface SystemState {
  /** The controller model's state (spec/controller.md §3). */
  readonly ctrl: ControllerState;
  /** `harts[h]`: hart h's executor. */
  readonly harts: readonly HartState[];
  /** `tasks[t - 1]`: the record of task id t, for t in 1..taskPool. */
  readonly tasks: readonly TaskRecord[];
}

/** The record of an id no task has (yet). */
export const FREE_TASK: TaskRecord = Object.freeze({
  life: 'free',
  p: -1,
  prio: 0,
  handlerOf: -1,
  waitsOn: -1,
});
/** A hart running no executor. */
export const IDLE_HART: HartState = Object.freeze({ phase: 'idle', p: -1, task: 0n });

/** The record of task `t`, or undefined when t is not an id of the pool. */
export function taskOf(s: SystemState, t: bigint): TaskRecord | undefined {
  return t >= 1n && t <= BigInt(s.tasks.length) ? s.tasks[Number(t) - 1] : undefined;
}

/** A task that exists: spawned (or a handler) and not finished. */
export function isLive(r: TaskRecord): boolean {
  return r.life === 'ready' || r.life === 'running' || r.life === 'blocked';
}

/**
 * The live tasks of process p: what the runtime counts against the controller's capacity C.
 * Every live task not held by a hart sits in the controller, so admitting a spawn only while this
 * is below C keeps every later write of the runtime from being refused with QUEUE_FULL.
 */
export function liveTasks(s: SystemState, p: number): number {
  let n = 0;
  for (const r of s.tasks) if (r.p === p && isLive(r)) n++;
  return n;
}

/**
 * The claims on device d's blocked queue the runtime counts: its interrupt handler (always, since
 * it re-registers after every run) and every ordinary task blocked on d. Admitting a block only
 * while this is below B keeps every registration from being refused with WAIT_FULL.
 */
export function waitClaims(s: SystemState, d: number): number {
  let n = 0;
  for (const r of s.tasks) if (r.handlerOf === d || (r.life === 'blocked' && r.waitsOn === d)) n++;
  return n;
}

/** The lowest id whose task is free or done (the id the next spawn takes), or 0n when the pool is exhausted. */
export function lowestFreeTask(s: SystemState): bigint {
  const ts = s.tasks;
  for (let i = 0; i < ts.length; i++) {
    const r = ts[i];
    if (r !== undefined && (r.life === 'free' || r.life === 'done')) return BigInt(i + 1);
  }
  return 0n;
}

/** True when some hart's executor is on process p (whatever its phase). */
export function hartOn(s: SystemState, p: number): boolean {
  for (const h of s.harts) if (h.p === p) return true;
  return false;
}

/** A copy of `a` with element i replaced by v. */
export function replaced<T>(a: readonly T[], i: number, v: T): T[] {
  const c = a.slice();
  c[i] = v;
  return c;
}

/** The configuration's check that `i` indexes one of `n` things (processes, harts, devices …). */
export function inRange(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}

/**
 * Task `t`, just read from DEQUEUE of process p, is one the executor may run: a live task of p
 * that no hart runs (the published executor's duplicate guard, research/ats-intc.md §6.1). Any
 * other id (a duplicate, a finished or unknown task, another process's task) is discarded.
 */
export function fetchable(s: SystemState, p: number, t: bigint): boolean {
  const r = taskOf(s, t);
  return r !== undefined && r.p === p && (r.life === 'ready' || r.life === 'blocked');
}

/** The head DEQUEUE of process p would return (the controller's §4 rule), 0n when p has nothing ready. */
export function dequeueHead(cfg: Config, s: SystemState, p: number): bigint {
  const from = p * cfg.priorities;
  for (let k = 0; k < cfg.priorities; k++) {
    const q = s.ctrl.ready[from + k];
    if (q !== undefined && q.length > 0) return q[0] ?? 0n;
  }
  return 0n;
}
