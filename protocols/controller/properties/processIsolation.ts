/**
 * processIsolation (spec/controller.md §6): a DEQUEUE on page p returns only instances written
 * for, or woken into, p. The ghost keeps, per process, the instances accepted from its own page
 * (a woken instance belongs to the process that registered it) and not yet returned.
 */

import type { ControllerStepProperty } from './context.ts';
import { hex } from './explain.ts';

export const processIsolation: ControllerStepProperty = {
  id: 'processIsolation',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: false,
  spec: 'controller.md §4.1, §6',
  description: 'A DEQUEUE on page p returns only instances written for, or woken into, process p.',
  check(ctx) {
    const { op, obs, ghost } = ctx;
    // A DEQUEUE through a design's own queue (DequeueVia) takes from page p as DEQUEUE does.
    if ((op.type !== 'Dequeue' && op.type !== 'DequeueVia') || obs.kind !== 'value' || obs.value === 0n)
      return null;
    const v = obs.value;
    if ((ghost.custody[op.p]?.get(v) ?? 0) > 0) return null;
    const owners: number[] = [];
    ghost.custody.forEach((m, q) => {
      if ((m?.get(v) ?? 0) > 0) owners.push(q);
    });
    const whose =
      owners.length === 0
        ? 'no process has an outstanding instance of it'
        : `it was written for process ${owners.join(', ')}`;
    return `DEQUEUE on page ${op.p} returned task ${hex(v)}, but ${whose}, not for process ${op.p}`;
  },
};
