/**
 * neverStalls (spec/controller.md §4.3, §6): every access completes with a result: a read with
 * its data, a write or an interrupt with its acknowledgement; never a stall or an abort.
 */

import { formatObservation } from '../model/stateCells.ts';
import type { ControllerStepProperty } from './context.ts';
import { describeStep } from './explain.ts';

export const neverStalls: ControllerStepProperty = {
  id: 'neverStalls',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: true,
  spec: 'controller.md §4.3, §6',
  description: 'Every access completes with a result: no stall, no abort, data for every read.',
  check(ctx) {
    const { op, obs } = ctx;
    if (obs.kind === 'stall') return `${describeStep(ctx)} never completed (the device stalled the bus)`;
    if (obs.kind === 'abort') return `${describeStep(ctx)} failed: the device has aborted`;
    if (obs.kind === 'undefined') return null; // definedBehaviour judges it
    const isRead =
      op.type === 'Dequeue' ||
      op.type === 'DequeueVia' ||
      op.type === 'ErrorRead' ||
      op.type === 'StatusRead' ||
      ((op.type === 'BadAccess' || op.type === 'DesignOnly') && op.access === 'read');
    if (isRead && obs.kind !== 'value')
      return `${describeStep(ctx)} completed without data (${formatObservation(obs)})`;
    if (!isRead && obs.kind !== 'ack')
      return `${describeStep(ctx)} completed with ${formatObservation(obs)} instead of an acknowledgement`;
    return null;
  },
};
