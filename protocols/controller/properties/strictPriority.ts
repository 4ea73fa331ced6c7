/**
 * strictPriority (spec/controller.md §6): a DEQUEUE returns a task of the lowest-numbered
 * non-empty priority of its process, taken from that priority's queue.
 */

import { readyQueue, topPriority } from '../model/state.ts';
import type { ControllerStepProperty } from './context.ts';
import { fmtTasks, hex } from './explain.ts';
import { stepFacts } from './stepFacts.ts';

export const strictPriority: ControllerStepProperty = {
  id: 'strictPriority',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: false,
  spec: 'controller.md §4, §6',
  description: 'A DEQUEUE returns a task of the lowest-numbered non-empty priority of its process.',
  check(ctx) {
    const { cfg, op, obs, before } = ctx;
    // Only a DEQUEUE is a priority request: a DequeueVia (a design's per-hart queue) is not judged here.
    if (op.type !== 'Dequeue' || obs.kind !== 'value' || obs.value === 0n) return null;
    const p = op.p;
    const top = topPriority(cfg, before, p);
    if (top < 0) return null; // a task from an empty process is taskConservation's and processIsolation's concern
    const P = cfg.priorities;
    const lower = stepFacts(ctx).ready.find(
      (c) => Math.floor(c.index / P) === p && c.index % P !== top && c.removed.length > 0,
    );
    const q = readyQueue(cfg, before, p, top);
    if (lower === undefined && q.includes(obs.value)) return null;
    let from = lower === undefined ? -1 : lower.index % P;
    for (let k = 0; from < 0 && k < P; k++) if (readyQueue(cfg, before, p, k).includes(obs.value)) from = k;
    const source = from < 0 ? 'held at no priority of the process' : `from priority ${from}`;
    return `DEQUEUE on page ${p} returned task ${hex(obs.value)} ${source} while priority ${top} held ${fmtTasks(q)}`;
  },
};
