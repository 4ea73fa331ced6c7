/**
 * fifoWaiters (spec/controller.md §4.1, §6): the waiters of one device are woken in registration
 * order. Every blocked queue (irqWait[d], and likewise ipcWait[p][t]) only gains entries at its
 * tail and loses them at its head, and the instance an interrupt (send) wakes is that head.
 */

import type { ControllerStepProperty } from './context.ts';
import { describeStep, fmtTasks, fmtWaiters, hex } from './explain.ts';
import { changeAt, stepFacts } from './stepFacts.ts';

export const fifoWaiters: ControllerStepProperty = {
  id: 'fifoWaiters',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: false,
  spec: 'controller.md §4.1, §4.2, §6 Wakeup',
  description: 'Waiters of one device (handlers of one IPC type) are woken in registration order.',
  check(ctx) {
    const { cfg, op, before, after } = ctx;
    const facts = stepFacts(ctx);
    if (op.type === 'Irq') {
      const head = before.irqWait[op.line]?.[0];
      const woke = changeAt(facts.irqWait, op.line)?.removed[0];
      if (head !== undefined && woke !== undefined && woke.task !== head.task) {
        return `${describeStep(ctx)} woke ${hex(woke.task)} while ${hex(head.task)} registered before it`;
      }
    }
    if (op.type === 'IpcSend') {
      const i = op.target * cfg.ipcTypes + op.ipcType;
      const head = before.ipcWait[i]?.[0];
      const woke = changeAt(facts.ipcWait, i)?.removed[0];
      if (head !== undefined && woke !== undefined && woke !== head) {
        return `${describeStep(ctx)} woke ${hex(woke)} while ${hex(head)} registered before it`;
      }
    }
    for (const c of facts.irqWait) {
      if (c.headDrop >= 0) continue;
      const was = fmtWaiters(before.irqWait[c.index] ?? []);
      return `${describeStep(ctx)} changed irqWait[${c.index}] from ${was} to ${fmtWaiters(after.irqWait[c.index] ?? [])}, not as a FIFO`;
    }
    for (const c of facts.ipcWait) {
      if (c.headDrop >= 0) continue;
      const at = `[${Math.floor(c.index / cfg.ipcTypes)}][${c.index % cfg.ipcTypes}]`;
      const was = fmtTasks(before.ipcWait[c.index] ?? []);
      return `${describeStep(ctx)} changed ipcWait${at} from ${was} to ${fmtTasks(after.ipcWait[c.index] ?? [])}, not as a FIFO`;
    }
    return null;
  },
};
