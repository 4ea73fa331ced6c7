/**
 * taskConservation (spec/controller.md §6): every accepted write instance is, at every moment,
 * exactly one of: in a ready queue, in a blocked queue, or returned by a DEQUEUE; a refused write
 * sets its error bit in that step. Checked as: the held instances change by +task for an accepted
 * write, by −task for a DEQUEUE returning task, by nothing otherwise; and the count held before
 * each step equals the accepted instances not yet returned (ghost).
 */

import { ERR, errorBitNames } from '../model/registers.ts';
import type { ControllerStepProperty } from './context.ts';
import { describeStep, fmtDelta, hex } from './explain.ts';
import { heldCount } from './heldCount.ts';
import { stepFacts } from './stepFacts.ts';

const only = (delta: ReadonlyMap<bigint, number>, task: bigint, n: number): boolean =>
  delta.size === 1 && delta.get(task) === n;

export const taskConservation: ControllerStepProperty = {
  id: 'taskConservation',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: false,
  spec: 'controller.md §2, §6',
  description:
    'Every accepted write instance is in exactly one of a ready queue, a blocked queue, or a DEQUEUE result; a refused write sets its error bit.',
  check(ctx) {
    const { op, obs, before, after, ghost } = ctx;
    const total = heldCount(before);
    if (total !== ghost.outstanding) {
      return `before ${describeStep(ctx)} the controller held ${total} task instances, but ${ghost.outstanding} accepted writes were not yet returned by DEQUEUE`;
    }
    const held = stepFacts(ctx).held;
    switch (op.type) {
      case 'Enqueue':
      case 'IrqRegister':
      case 'IpcRegister': {
        if (only(held, op.task, 1)) return null;
        if (held.size > 0) {
          return `${describeStep(ctx)} changed the held instances by ${fmtDelta(held)} (accepted: {+${hex(op.task)}}; refused: {})`;
        }
        const bits = op.type === 'Enqueue' ? ERR.QUEUE_FULL : ERR.QUEUE_FULL | ERR.WAIT_FULL;
        if ((after.error & bits) !== 0) return null;
        return `${describeStep(ctx)} was refused (the task is held nowhere) without setting ${errorBitNames(bits).replace('|', ' or ')}`;
      }
      case 'Dequeue':
      case 'DequeueVia':
        if (obs.kind === 'value' && obs.value !== 0n) {
          if (only(held, obs.value, -1)) return null;
          return `${describeStep(ctx)} returned task ${hex(obs.value)} but the held instances changed by ${fmtDelta(held)} (expected {−${hex(obs.value)}})`;
        }
        break;
      case 'Irq':
      case 'IpcSend':
      case 'ErrorRead':
      case 'StatusRead':
      case 'StatusWrite':
      case 'BadAccess':
      case 'DesignOnly': // a design-only register moves no instance either
        break;
    }
    if (held.size === 0) return null;
    return `${describeStep(ctx)} changed the held instances by ${fmtDelta(held)}: only an accepted write adds one and only a DEQUEUE takes one out`;
  },
};
