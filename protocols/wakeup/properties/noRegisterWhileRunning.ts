/**
 * noRegisterWhileRunning (spec/controller.md §4.2 rule 3, §8.8): a task writes its own
 * registration only as its return action: the IRQ_REGISTER (or IPC_REGISTER) of a task is
 * performed by a HartReturn of the hart that stopped running it and holds it as its hand-off, and
 * no hart runs the task at that moment (before or after the write).
 */
import { hex } from '../../controller/properties/explain.ts';
import type { WakeupStepProperty } from './context.ts';
import { describeAccess, describeEvent, describeHart } from './words.ts';

export const noRegisterWhileRunning: WakeupStepProperty = {
  id: 'noRegisterWhileRunning',
  protocol: 'wakeup',
  kind: 'step',
  on: 'wakeupStep',
  judgesRejected: false,
  spec: 'controller.md §4.2',
  description:
    'A task writes its own registration only as its return action, after its hart stopped running it.',
  check(ctx) {
    const { event, outcome, before, after } = ctx;
    if (outcome.kind !== 'accepted') return null;
    const a = outcome.access;
    if (a === null || (a.type !== 'IrqRegister' && a.type !== 'IpcRegister')) return null;
    const what = `${describeEvent(event)} wrote ${describeAccess(a)}`;
    for (const s of [before, after]) {
      const h = s.harts.findIndex((x) => x.phase === 'running' && x.task === a.task);
      if (h >= 0) return `${what} while hart ${h} still runs ${hex(a.task)}`;
    }
    if (event.type !== 'HartReturn') return `${what}, which is not a return action`;
    const x = before.harts[event.hart];
    if (x === undefined || x.phase !== 'returning' || x.task !== a.task) {
      const was = x === undefined ? 'no hart' : describeHart(x);
      return `${what}, but hart ${event.hart} was ${was}, not returning ${hex(a.task)}`;
    }
    return null;
  },
};
