/**
 * noStuckSystem (spec/controller.md §6 System): no reachable state has work outstanding while
 * nothing but device events can happen. Work is outstanding when a task is ready in the
 * controller or a hart holds one (running it, owing its return action, or wedged holding it).
 * Checked on every visited state with the events the system enables there: some event that can
 * serve the work must be among them, i.e. a step of a hart's executor, or a STATUS write bringing
 * a process online while some hart is idle (and could then be switched to it). Interrupts,
 * spawns (new work) and other STATUS writes serve none (a decision: the spec names device events;
 * kernel steps that cannot serve work count with them).
 * A hart that is fetching, running or returning always has its next executor step enabled (both
 * `enabled` of model/wakeup and `runtimeEnabled` of impl/runtime list it unconditionally), so the
 * list of enabled events is built only when every hart is idle or wedged (it is the costly part).
 */
import type { SystemEvent } from '../model/events.ts';
import type { SystemState } from '../model/state.ts';
import type { WakeupStepProperty } from './context.ts';
import { describeEvent, describeHart } from './words.ts';

/** A ready task, or a hart holding a task: something the system still has to do. */
export function workOutstanding(s: SystemState): string | null {
  for (let i = 0; i < s.ctrl.ready.length; i++) {
    if ((s.ctrl.ready[i]?.length ?? 0) > 0) return `a task is ready (ready queue ${i})`;
  }
  for (let h = 0; h < s.harts.length; h++) {
    const x = s.harts[h];
    if (x !== undefined && x.phase !== 'idle' && x.phase !== 'fetch')
      return `hart ${h} is ${describeHart(x)}`;
  }
  return null;
}

/** Some hart's next executor step is certainly enabled (see above). */
function hartCanStep(s: SystemState): boolean {
  for (const h of s.harts)
    if (h.phase === 'fetch' || h.phase === 'running' || h.phase === 'returning') return true;
  return false;
}

/** An event that can serve outstanding work in `s`: a hart's step, or bringing a process online for an idle hart. */
export function servesWork(e: SystemEvent, s: SystemState): boolean {
  switch (e.type) {
    case 'Irq':
    case 'Spawn':
      return false;
    case 'StatusWrite':
      return e.data === 1n && s.harts.some((h) => h.phase === 'idle');
    case 'HartSwitch':
    case 'HartPark':
    case 'HartFetch':
    case 'HartPoll':
    case 'HartReturn':
      return true;
  }
}

export const noStuckSystem: WakeupStepProperty = {
  id: 'noStuckSystem',
  protocol: 'wakeup',
  kind: 'invariant',
  on: 'wakeupStep',
  judgesRejected: false,
  spec: 'controller.md §6 System',
  description: 'No reachable state has work outstanding while nothing but device events can happen.',
  check(ctx) {
    if (hartCanStep(ctx.after)) return null;
    const work = workOutstanding(ctx.after);
    if (work === null) return null;
    const list = ctx.enabled();
    for (const e of list) if (servesWork(e, ctx.after)) return null;
    const harts = ctx.after.harts.map((x, h) => `hart ${h} ${describeHart(x)}`).join(', ');
    return `after ${describeEvent(ctx.event)}, ${work}, and nothing that could serve it can happen (${harts})`;
  },
};
