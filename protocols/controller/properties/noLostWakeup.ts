/**
 * noLostWakeup, per step (spec/controller.md §4.1, §4.2, §6): an interrupt on line d moves one
 * waiter of d into a ready queue, or increments irqPending[d], or finds it at Q and sets
 * PENDING_OVERFLOW in that step; and never is a pending count positive while its blocked queue is
 * non-empty. IPC_SEND follows the same rule on (ipcWait, ipcPending) of its target (§4.2 "like an
 * interrupt"). Which waiter and where it goes are fifoWaiters' and wakePriority's business.
 */

import type { Config } from '../model/config/config.ts';
import type { IpcSend, Irq } from '../model/events.ts';
import { ERR } from '../model/registers.ts';
import type { ControllerState, Waiter } from '../model/state.ts';
import type { ControllerStepContext, ControllerStepProperty } from './context.ts';
import { describeOp, describeStep, hex } from './explain.ts';
import { changeAt, type QueueChange, stepFacts } from './stepFacts.ts';

const waiterTask = (w: Waiter): bigint => w.task;
const handlerTask = (t: bigint): bigint => t;

/** The pending counter of the wake source of `op` (named only for a message). */
function counterName(op: Irq | IpcSend): string {
  return op.type === 'Irq' ? `irqPending[${op.line}]` : `ipcPending[${op.target}][${op.ipcType}]`;
}

/** The per-step rule for one wake source: `waiting` before, its queue's change, its counter before and after. */
function wakeRule<T>(
  ctx: ControllerStepContext,
  op: Irq | IpcSend,
  waiting: readonly T[],
  change: QueueChange<T> | undefined,
  task: (x: T) => bigint,
  was: number,
  now: number,
): string | null {
  const Q = ctx.cfg.pendingMax;
  if (waiting.length > 0) {
    const left = change?.removed ?? [];
    const w = left[0];
    if (w === undefined) return `${describeStep(ctx)} found ${waiting.length} waiting and woke none`;
    if (left.length > 1)
      return `${describeStep(ctx)} took ${left.length} entries off the blocked queue (one event wakes exactly one)`;
    if ((stepFacts(ctx).readyNet.get(task(w)) ?? 0) > 0) return null;
    return `${describeStep(ctx)} took task ${hex(task(w))} off the blocked queue, but it reached no ready queue`;
  }
  if (was < Q) {
    if (now === was + 1) return null;
    return `${describeStep(ctx)} found nobody waiting and left ${counterName(op)} at ${now} (was ${was}, must count the event: ${was + 1})`;
  }
  if ((ctx.after.error & ERR.PENDING_OVERFLOW) !== 0) return null;
  return `${describeStep(ctx)} found nobody waiting and ${counterName(op)} at Q=${Q}, and did not set PENDING_OVERFLOW: the event was lost silently`;
}

/**
 * The last state found with no pending count beside waiters: a later state whose tables are the
 * very same arrays (states are never modified) needs no second look.
 */
let clearState: ControllerState | undefined;

/** A pending count that is positive while its blocked queue is non-empty, if any. */
function pendingWhileWaiting(cfg: Config, s: ControllerState): string | null {
  const known = clearState;
  if (known === undefined || s.irqPending !== known.irqPending || s.irqWait !== known.irqWait) {
    for (let d = 0; d < s.irqPending.length; d++) {
      const n = s.irqPending[d] ?? 0;
      const w = s.irqWait[d]?.length ?? 0;
      if (n > 0 && w > 0) return `irqPending[${d}] is ${n} while ${w} waiters wait for line ${d}`;
    }
  }
  if (known === undefined || s.ipcPending !== known.ipcPending || s.ipcWait !== known.ipcWait) {
    for (let i = 0; i < s.ipcPending.length; i++) {
      const n = s.ipcPending[i] ?? 0;
      const w = s.ipcWait[i]?.length ?? 0;
      if (n === 0 || w === 0) continue;
      const at = `[${Math.floor(i / cfg.ipcTypes)}][${i % cfg.ipcTypes}]`;
      return `ipcPending${at} is ${n} while ${w} handlers wait in ipcWait${at}`;
    }
  }
  clearState = s;
  return null;
}

export const noLostWakeup: ControllerStepProperty = {
  id: 'noLostWakeup',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: false,
  spec: 'controller.md §4.1, §4.2, §6 Wakeup',
  description:
    'An interrupt (or send) wakes one waiter, or is counted, or is reported by PENDING_OVERFLOW; a pending count never coexists with waiters.',
  check(ctx) {
    const { cfg, op, before, after } = ctx;
    let bad: string | null = null;
    if (op.type === 'Irq') {
      const d = op.line;
      const change = changeAt(stepFacts(ctx).irqWait, d);
      const was = before.irqPending[d] ?? 0;
      bad = wakeRule(ctx, op, before.irqWait[d] ?? [], change, waiterTask, was, after.irqPending[d] ?? 0);
    } else if (op.type === 'IpcSend') {
      const i = op.target * cfg.ipcTypes + op.ipcType;
      const change = changeAt(stepFacts(ctx).ipcWait, i);
      const was = before.ipcPending[i] ?? 0;
      bad = wakeRule(ctx, op, before.ipcWait[i] ?? [], change, handlerTask, was, after.ipcPending[i] ?? 0);
    }
    if (bad !== null) return bad;
    const both = pendingWhileWaiting(cfg, after);
    return both === null ? null : `after ${describeOp(ctx.event, op)}, ${both}`;
  },
};
