/**
 * noSpuriousWakeup (spec/controller.md §4.1, §4.2, §6): an instance reaches a ready queue only
 * by its own ENQUEUE, by an interrupt on the line it waits for (a send of the type its handler
 * waits for), or at its registration by consuming a pending count, which then goes down by one.
 */

import type { ControllerStepContext, ControllerStepProperty } from './context.ts';
import { describeStep, fmtDelta, hex } from './explain.ts';
import { stepFacts } from './stepFacts.ts';

/** The instances whose number in ready queues went up in this step. */
function arrivals(ctx: ControllerStepContext): Map<bigint, number> {
  const out = new Map<bigint, number>();
  for (const [task, n] of stepFacts(ctx).readyNet) if (n > 0) out.set(task, n);
  return out;
}

const single = (m: ReadonlyMap<bigint, number>): bigint | undefined => {
  if (m.size !== 1) return undefined;
  for (const [task, n] of m) return n === 1 ? task : undefined;
  return undefined;
};

/** A registration that made its task ready at once: legitimate only by consuming a pending count. */
function consumed(what: string, task: bigint, counter: string, was: number, now: number): string | null {
  if (was === 0) return `${what} made ${hex(task)} ready at once, but ${counter} was 0`;
  if (now !== was - 1)
    return `${what} made ${hex(task)} ready, but ${counter} went from ${was} to ${now} (one count must be consumed)`;
  return null;
}

export const noSpuriousWakeup: ControllerStepProperty = {
  id: 'noSpuriousWakeup',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: false,
  spec: 'controller.md §4.1, §4.2, §6 Wakeup',
  description:
    'A waiter reaches a ready queue only through an event it waits for or a pending count consumed at its registration.',
  check(ctx) {
    const { cfg, op, before, after } = ctx;
    const came = arrivals(ctx);
    if (came.size === 0) return null;
    const one = single(came);
    switch (op.type) {
      case 'Enqueue':
        if (one === op.task) return null;
        break;
      case 'IrqRegister':
        if (one === op.task) {
          const d = op.device;
          return consumed(
            describeStep(ctx),
            one,
            `irqPending[${d}]`,
            before.irqPending[d] ?? 0,
            after.irqPending[d] ?? 0,
          );
        }
        break;
      case 'IpcRegister':
        if (one === op.task) {
          const i = op.p * cfg.ipcTypes + op.ipcType;
          const counter = `ipcPending[${op.p}][${op.ipcType}]`;
          return consumed(
            describeStep(ctx),
            one,
            counter,
            before.ipcPending[i] ?? 0,
            after.ipcPending[i] ?? 0,
          );
        }
        break;
      case 'Irq':
        if (one !== undefined && (before.irqWait[op.line] ?? []).some((w) => w.task === one)) return null;
        return `${describeStep(ctx)} made ${fmtDelta(came)} ready, but only a waiter of line ${op.line} may wake`;
      case 'IpcSend': {
        const waiting = before.ipcWait[op.target * cfg.ipcTypes + op.ipcType] ?? [];
        if (one !== undefined && waiting.includes(one)) return null;
        return `${describeStep(ctx)} made ${fmtDelta(came)} ready, but only a handler of process ${op.target} for type ${op.ipcType} may wake`;
      }
      case 'Dequeue':
      case 'DequeueVia':
      case 'ErrorRead':
      case 'StatusRead':
      case 'StatusWrite':
      case 'BadAccess':
      case 'DesignOnly': // no design-only register may make a task ready
        break;
    }
    return `${describeStep(ctx)} made ${fmtDelta(came)} ready, which no interrupt, send or consumed pending count explains`;
  },
};
