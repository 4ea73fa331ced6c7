/**
 * capacityBound (spec/controller.md §3, §5, §6): occupancy(p) ≤ C for every process, every
 * blocked queue holds at most B entries and every pending counter stays in 0..Q; and a write is
 * refused only at a bound (its process at capacity, or a registration that would wait in a full
 * blocked queue).
 */

import type { Config } from '../model/config/config.ts';
import { type ControllerState, occupancy } from '../model/state.ts';
import { aboveCapacity } from './aboveCapacity.ts';
import type { ControllerStepContext, ControllerStepProperty } from './context.ts';
import { describeOp } from './explain.ts';
import { heldCountAfter } from './heldCount.ts';
import { stepFacts } from './stepFacts.ts';

/** A pending counter outside 0..Q. */
function badCounter(cfg: Config, n: number): boolean {
  return !Number.isInteger(n) || n < 0 || n > cfg.pendingMax;
}

/**
 * The last state found within every bound, and its configuration: a table of a later state that
 * is the very same array (states are never modified) needs no second look.
 */
let boundedState: ControllerState | undefined;
let boundedCfg: Config | undefined;

/** The first bound of §3/§5 that the state after the step `ctx` exceeds, or null. */
function exceeded(ctx: ControllerStepContext): string | null {
  const { cfg, after: s } = ctx;
  const { capacity: C, waitDepth: B, pendingMax: Q, ipcTypes: T } = cfg;
  const known = boundedCfg === cfg ? boundedState : undefined;
  // No process can be above C while all of them together hold at most C (the common case at large C).
  if (heldCountAfter(ctx) > C) {
    const over = aboveCapacity(cfg, s);
    if (over !== null)
      return `process ${over.p} holds ${over.n} tasks (ready + waiting), above capacity ${C}`;
  }
  if (known === undefined || s.irqWait !== known.irqWait || s.irqPending !== known.irqPending) {
    for (let d = 0; d < s.irqWait.length; d++) {
      const n = s.irqWait[d]?.length ?? 0;
      if (n > B) return `${n} waiters wait for line ${d}, above wait depth ${B}`;
      const c = s.irqPending[d] ?? 0;
      if (badCounter(cfg, c)) return `irqPending[${d}] is ${c}, outside 0..${Q}`;
    }
  }
  if (known === undefined || s.ipcWait !== known.ipcWait || s.ipcPending !== known.ipcPending) {
    for (let i = 0; i < s.ipcWait.length; i++) {
      const n = s.ipcWait[i]?.length ?? 0;
      const c = s.ipcPending[i] ?? 0;
      if (n <= B && !badCounter(cfg, c)) continue;
      const at = `[${Math.floor(i / T)}][${i % T}]`;
      return n > B
        ? `ipcWait${at} holds ${n} handlers, above wait depth ${B}`
        : `ipcPending${at} is ${c}, outside 0..${Q}`;
    }
  }
  boundedState = s;
  boundedCfg = cfg;
  return null;
}

/** If the step refused a valid write below every bound, says so. */
function refusedBelowBound(ctx: ControllerStepContext): string | null {
  const { cfg, op, before, event } = ctx;
  if (op.type !== 'Enqueue' && op.type !== 'IrqRegister' && op.type !== 'IpcRegister') return null;
  if (stepFacts(ctx).held.size > 0) return null; // accepted (or worse: taskConservation says so)
  const occ = occupancy(cfg, before, op.p);
  if (occ >= cfg.capacity) return null;
  const room = `process ${op.p} held ${occ} of capacity ${cfg.capacity}`;
  if (op.type === 'Enqueue') return `${describeOp(event, op)} was refused while ${room}`;
  const [pending, waiting] =
    op.type === 'IrqRegister'
      ? [before.irqPending[op.device] ?? 0, before.irqWait[op.device]?.length ?? 0]
      : [
          before.ipcPending[op.p * cfg.ipcTypes + op.ipcType] ?? 0,
          before.ipcWait[op.p * cfg.ipcTypes + op.ipcType]?.length ?? 0,
        ];
  if (pending === 0 && waiting >= cfg.waitDepth) return null;
  const queue =
    pending > 0
      ? `a pending count was there to consume`
      : `its blocked queue held ${waiting} of ${cfg.waitDepth}`;
  return `${describeOp(event, op)} was refused while ${room} and ${queue}`;
}

export const capacityBound: ControllerStepProperty = {
  id: 'capacityBound',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: false,
  spec: 'controller.md §3, §5, §6',
  description:
    'occupancy(p) ≤ C, blocked queues ≤ B and pending counters ≤ Q always; a write is refused only at a bound.',
  check(ctx) {
    const over = exceeded(ctx);
    if (over !== null) return `after ${describeOp(ctx.event, ctx.op)}, ${over}`;
    return refusedBelowBound(ctx);
  },
};
