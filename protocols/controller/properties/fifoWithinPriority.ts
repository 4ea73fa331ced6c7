/**
 * fifoWithinPriority (spec/controller.md §6): the instances of one (process, priority) leave in
 * the order they entered. Checked on every ready queue at every step: entries are only appended
 * at the tail, and only a DEQUEUE of that process takes the head, which is what it returns.
 */

import type { ControllerStepProperty } from './context.ts';
import { fmtTasks, hex } from './explain.ts';
import { stepFacts } from './stepFacts.ts';

export const fifoWithinPriority: ControllerStepProperty = {
  id: 'fifoWithinPriority',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: false,
  spec: 'controller.md §6',
  description: 'Instances of one (process, priority) leave in the order they entered.',
  check(ctx) {
    const { cfg, op, obs, before, after } = ctx;
    const P = cfg.priorities;
    const dequeuedFrom = op.type === 'Dequeue' || op.type === 'DequeueVia' ? op.p : -1;
    for (const c of stepFacts(ctx).ready) {
      const p = Math.floor(c.index / P);
      const k = c.index % P;
      const b = before.ready[c.index] ?? [];
      const first = b[0];
      const returned = p === dequeuedFrom && obs.kind === 'value' ? obs.value : undefined;
      if (c.headDrop === 0 || (c.headDrop === 1 && first === returned)) continue;
      if (returned !== undefined && first !== undefined && first !== returned && b.includes(returned)) {
        return `DEQUEUE on page ${p} returned task ${hex(returned)}, but ${hex(first)} entered priority ${k} before it`;
      }
      const how =
        c.headDrop === -1
          ? 'not as a FIFO'
          : c.headDrop > 1
            ? `${c.headDrop} entries left its head in one step`
            : returned === undefined
              ? `its head left without a DEQUEUE on page ${p}`
              : `its head left, but the DEQUEUE returned ${hex(returned)}`;
      return `priority ${k} of process ${p} went from ${fmtTasks(b)} to ${fmtTasks(after.ready[c.index] ?? [])} (${how})`;
    }
    return null;
  },
};
