/**
 * boundedPriorityInversion (spec/controller.md §6 System): while a task of priority k is ready in
 * process p, no hart of p obtains a task of priority > k. Judged at the moment a hart starts
 * running a task (a task dequeued earlier may finish its current poll): a task obtained from
 * DEQUEUE has the priority of the ready queue it left; a task a hart starts running without a
 * DEQUEUE (polled again at once) has its own priority, the queue its yield would have entered.
 */

import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerState } from '../../controller/model/state.ts';
import { fmtTasks } from '../../controller/properties/explain.ts';
import { taskOf } from '../model/state.ts';
import type { WakeupStepContext, WakeupStepProperty } from './context.ts';
import { describeEvent, describeTask } from './words.ts';

/** The priority of the ready queue of p that DEQUEUE took `t` from (its head, one shorter after), or -1. */
function dequeuedFrom(cfg: Config, before: ControllerState, after: ControllerState, p: number, t: bigint) {
  const from = p * cfg.priorities;
  for (let k = 0; k < cfg.priorities; k++) {
    const b = before.ready[from + k];
    const a = before === after ? undefined : after.ready[from + k];
    if (b !== undefined && b[0] === t && a !== undefined && a.length === b.length - 1) return k;
  }
  return -1;
}

/** The priority at which hart h obtained `t` in this step. */
function obtainedAt(ctx: WakeupStepContext, p: number, t: bigint): number {
  const { cfg, outcome, before, after } = ctx;
  if (outcome.kind === 'accepted' && outcome.access?.type === 'Dequeue') {
    const k = dequeuedFrom(cfg, before.ctrl, after.ctrl, p, t);
    if (k >= 0) return k;
  }
  return taskOf(after, t)?.prio ?? 0;
}

export const boundedPriorityInversion: WakeupStepProperty = {
  id: 'boundedPriorityInversion',
  protocol: 'wakeup',
  kind: 'step',
  on: 'wakeupStep',
  judgesRejected: false,
  spec: 'controller.md §6 System',
  description:
    'While a task of priority k is ready in a process, no hart of that process obtains a task of a priority above k.',
  check(ctx) {
    const { cfg, before, after } = ctx;
    for (let h = 0; h < after.harts.length; h++) {
      const now = after.harts[h];
      if (now === undefined || now.phase !== 'running') continue;
      const was = before.harts[h];
      if (was?.phase === 'running' && was.task === now.task) continue;
      const p = now.p;
      const k = obtainedAt(ctx, p, now.task);
      for (let j = 0; j < k; j++) {
        const q = before.ctrl.ready[p * cfg.priorities + j] ?? [];
        if (q.length === 0) continue;
        return `${describeEvent(ctx.event)}: hart ${h} obtained ${describeTask(after, now.task)} at priority ${k} while ready[${p}][${j}] held ${fmtTasks(q)}`;
      }
    }
    return null;
  },
};
