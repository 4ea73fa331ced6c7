/**
 * wakePriority (spec/controller.md §4.1, §4.2, §6, §8.2): a woken instance enters priority 0 of
 * the process that registered it. Checked where a wake happens (an interrupt, a send, a
 * registration consuming a pending count) and where the registrant is recorded (a registration
 * that waits must record its own page, in the queue it names).
 */

import type { ControllerStepContext, ControllerStepProperty } from './context.ts';
import { describeOp, describeStep, hex } from './explain.ts';
import { changeAt, type StepFacts, stepFacts } from './stepFacts.ts';

/** Where `task` entered a ready queue in this step, as "process j priority k"; null if at (p, 0) or nowhere. */
function misplaced(ctx: ControllerStepContext, facts: StepFacts, task: bigint, p: number): string | null {
  const P = ctx.cfg.priorities;
  let elsewhere: number | undefined;
  for (const c of facts.ready) {
    if (!c.added.includes(task)) continue;
    if (c.index === p * P) return null;
    elsewhere ??= c.index;
  }
  if (elsewhere === undefined) return null; // it reached no ready queue: noLostWakeup's concern
  return `process ${Math.floor(elsewhere / P)} priority ${elsewhere % P}`;
}

function checkWoken(
  ctx: ControllerStepContext,
  facts: StepFacts,
  task: bigint,
  p: number,
  how: string,
): string | null {
  const where = misplaced(ctx, facts, task, p);
  if (where === null) return null;
  return `${describeOp(ctx.event, ctx.op)} woke task ${hex(task)} ${how} into ${where}, not priority 0 of process ${p}`;
}

function checkRegistration(ctx: ControllerStepContext, facts: StepFacts): string | null {
  const { cfg, op } = ctx;
  if (op.type !== 'IrqRegister' && op.type !== 'IpcRegister') return null;
  if ((facts.readyNet.get(op.task) ?? 0) > 0) {
    const bad = checkWoken(ctx, facts, op.task, op.p, `of process ${op.p}`);
    if (bad !== null) return bad;
  }
  if (op.type === 'IrqRegister') {
    for (const c of facts.irqWait) {
      for (const w of c.added) {
        if (c.index !== op.device) return `${describeStep(ctx)} recorded a waiter for line ${c.index}`;
        if (w.p !== op.p || w.task !== op.task)
          return `${describeStep(ctx)} recorded the waiter as (p=${w.p}, task=${hex(w.task)}), so its wake would not reach process ${op.p}`;
      }
    }
    return null;
  }
  const own = op.p * cfg.ipcTypes + op.ipcType;
  for (const c of facts.ipcWait) {
    for (const t of c.added) {
      if (c.index !== own || t !== op.task) {
        const at = `[${Math.floor(c.index / cfg.ipcTypes)}][${c.index % cfg.ipcTypes}]`;
        return `${describeStep(ctx)} recorded handler ${hex(t)} in ipcWait${at}, so its wake would not reach process ${op.p}`;
      }
    }
  }
  return null;
}

export const wakePriority: ControllerStepProperty = {
  id: 'wakePriority',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: false,
  spec: 'controller.md §4.1, §4.2, §6 Wakeup, §8',
  description: 'A woken instance enters priority 0 of the process that registered it.',
  check(ctx) {
    const { cfg, op } = ctx;
    const facts = stepFacts(ctx);
    if (op.type === 'Irq') {
      for (const w of changeAt(facts.irqWait, op.line)?.removed ?? []) {
        const bad = checkWoken(ctx, facts, w.task, w.p, `registered by process ${w.p}`);
        if (bad !== null) return bad;
      }
      return null;
    }
    if (op.type === 'IpcSend') {
      const i = op.target * cfg.ipcTypes + op.ipcType;
      for (const t of changeAt(facts.ipcWait, i)?.removed ?? []) {
        const bad = checkWoken(ctx, facts, t, op.target, `registered by process ${op.target}`);
        if (bad !== null) return bad;
      }
      return null;
    }
    return checkRegistration(ctx, facts);
  },
};
