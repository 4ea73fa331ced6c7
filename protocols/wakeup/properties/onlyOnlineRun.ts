/**
 * onlyOnlineRun (spec/controller.md §4.2, §6 System): a hart runs tasks of online processes only.
 * No hart reads DEQUEUE of a process that is offline, and no hart is running a task of a process
 * that is offline; online is the status-table bit of the controller's abstract state.
 */
import { hex } from '../../controller/properties/explain.ts';
import type { WakeupStepProperty } from './context.ts';
import { describeEvent } from './words.ts';

export const onlyOnlineRun: WakeupStepProperty = {
  id: 'onlyOnlineRun',
  protocol: 'wakeup',
  kind: 'step',
  on: 'wakeupStep',
  judgesRejected: false,
  spec: 'controller.md §6 System',
  description: 'A hart fetches from, and runs tasks of, online processes only.',
  check(ctx) {
    const { event, outcome, before, after } = ctx;
    if (outcome.kind === 'accepted' && outcome.access?.type === 'Dequeue' && event.type === 'HartFetch') {
      const p = outcome.access.p;
      if (before.ctrl.online[p] !== true)
        return `${describeEvent(event)}: hart ${event.hart} read DEQUEUE of process ${p}, which is offline`;
    }
    for (let h = 0; h < after.harts.length; h++) {
      const x = after.harts[h];
      if (x === undefined || x.phase !== 'running' || after.ctrl.online[x.p] === true) continue;
      return `after ${describeEvent(event)}, hart ${h} runs task ${hex(x.task)} of process ${x.p}, which is offline`;
    }
    return null;
  },
};
