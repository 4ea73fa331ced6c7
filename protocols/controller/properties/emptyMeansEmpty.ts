/**
 * emptyMeansEmpty (spec/controller.md §6): DEQUEUE returns 0 only when every ready queue of its
 * process is empty.
 */

import { readyQueue, topPriority } from '../model/state.ts';
import type { ControllerStepProperty } from './context.ts';
import { fmtTasks } from './explain.ts';

export const emptyMeansEmpty: ControllerStepProperty = {
  id: 'emptyMeansEmpty',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: false,
  spec: 'controller.md §4, §6',
  description: 'DEQUEUE returns 0 only when every ready queue of the process is empty.',
  check(ctx) {
    const { cfg, op, obs, before } = ctx;
    // DequeueVia too: a DEQUEUE through a design's own queue also says "nothing ready" with 0.
    if ((op.type !== 'Dequeue' && op.type !== 'DequeueVia') || obs.kind !== 'value' || obs.value !== 0n)
      return null;
    const k = topPriority(cfg, before, op.p);
    if (k < 0) return null;
    return `DEQUEUE on page ${op.p} returned 0 while priority ${k} held ${fmtTasks(readyQueue(cfg, before, op.p, k))}`;
  },
};
