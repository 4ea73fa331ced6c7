/**
 * Ghost data of a wakeup run: what the checker remembers beside the system so that the
 * bounded-liveness property can speak about history (spec/controller.md §6
 * `noLostWakeupEventually`): which interrupts have happened and woken nobody yet, and which woken
 * tasks have not run since. It is derived from the abstract states, the accesses and their
 * observations only (never from the model's step), and is never part of a state.
 */
import type { Config } from '../../controller/model/config/config.ts';
import { ERR } from '../../controller/model/registers.ts';
import type { Waiter } from '../../controller/model/state.ts';
import type { ControllerStepContext } from '../../controller/properties/context.ts';
import { stepFacts } from '../../controller/properties/stepFacts.ts';
import type { WakeupStepContext } from './context.ts';

/** Read-only view of the ghost data, as properties see it. */
export interface WakeupGhost {
  /**
   * `undelivered[d]`: the steps of the interrupts on line d that happened and have woken nobody
   * yet (counted, or lost silently), oldest first. An interrupt leaves it when it wakes a waiter
   * at once, or (oldest first) when a registration consumes a pending count; one lost to a
   * reported PENDING_OVERFLOW never enters it.
   */
  readonly undelivered: readonly (readonly number[])[];
  /** `interrupts[d]`: accepted interrupts on line d. */
  readonly interrupts: readonly number[];
  /** `overflowed[d]`: interrupts on line d lost to a reported PENDING_OVERFLOW. */
  readonly overflowed: readonly number[];
  /** Task id → the step of its oldest wake that no run of the task has followed yet. */
  readonly wokenNotRun: ReadonlyMap<bigint, number>;
}

/** The ghost as the runner owns it: the same data, mutable. */
export interface MutableWakeupGhost extends WakeupGhost {
  readonly undelivered: number[][];
  readonly interrupts: number[];
  readonly overflowed: number[];
  readonly wokenNotRun: Map<bigint, number>;
}

/** The ghost after start-up: no interrupt has happened, nothing was woken. */
export function initialWakeupGhost(cfg: Config): MutableWakeupGhost {
  return {
    undelivered: Array.from({ length: cfg.devices }, () => []),
    interrupts: new Array<number>(cfg.devices).fill(0),
    overflowed: new Array<number>(cfg.devices).fill(0),
    wokenNotRun: new Map(),
  };
}

/** Records a wake of `task` at step `index` (only its oldest unserved wake is kept). */
function woke(g: MutableWakeupGhost, task: bigint, index: number): void {
  if (!g.wokenNotRun.has(task)) g.wokenNotRun.set(task, index);
}

/** What the controller access `a` of the step did to interrupts and waiters (the first half of {@link advanceWakeupGhost}). */
export function advanceWakeupGhostAccess(g: MutableWakeupGhost, a: ControllerStepContext): void {
  const { op, before, after, cfg, index } = a;
  if (op.type === 'Irq') {
    const d = op.line;
    g.interrupts[d] = (g.interrupts[d] ?? 0) + 1;
    const facts = stepFacts(a);
    let w: Waiter | undefined;
    for (const c of facts.irqWait) if (c.index === d) w = c.removed[0];
    if (w !== undefined && (facts.readyNet.get(w.task) ?? 0) > 0) {
      woke(g, w.task, index);
      return;
    }
    const was = before.irqPending[d] ?? 0;
    if (was >= cfg.pendingMax && (after.error & ERR.PENDING_OVERFLOW) !== 0) {
      g.overflowed[d] = (g.overflowed[d] ?? 0) + 1;
      return;
    }
    g.undelivered[d]?.push(index); // counted (or lost silently): it is owed a wake either way
    return;
  }
  if (op.type === 'IrqRegister' && (stepFacts(a).readyNet.get(op.task) ?? 0) > 0) {
    g.undelivered[op.device]?.shift(); // the registration consumed the oldest counted interrupt
    woke(g, op.task, index);
  }
}

/**
 * Moves the ghost past the step `ctx` (call after every property has seen it). `access` is the
 * controller step of the access the system step performed, when it performed one that completed.
 */
export function advanceWakeupGhost(
  g: MutableWakeupGhost,
  ctx: WakeupStepContext,
  access: ControllerStepContext | undefined,
): void {
  if (ctx.outcome.kind !== 'accepted') return;
  if (access !== undefined) advanceWakeupGhostAccess(g, access);
  if (g.wokenNotRun.size === 0) return;
  const { before, after } = ctx;
  for (let h = 0; h < after.harts.length; h++) {
    const now = after.harts[h];
    if (now === undefined || now.phase !== 'running') continue;
    const was = before.harts[h];
    if (was?.phase === 'running' && was.task === now.task) continue;
    g.wokenNotRun.delete(now.task); // the task started running on hart h: its wakes are served
  }
}

/** A copy of the wakeup ghost `g`. */
export function copyWakeupGhost(g: MutableWakeupGhost): MutableWakeupGhost {
  return {
    undelivered: g.undelivered.map((q) => q.slice()),
    interrupts: g.interrupts.slice(),
    overflowed: g.overflowed.slice(),
    wokenNotRun: new Map(g.wokenNotRun),
  };
}
