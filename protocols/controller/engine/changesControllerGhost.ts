/**
 * Whether advancing the controller ghost past a step can change it (protocols/controller/properties/ghost.ts
 * changes it only for writes that may be accepted, successful DEQUEUEs, ERROR reads and steps that
 * owe an error bit), so the explorer copies the ghost only then.
 */
import type { ControllerStepContext } from '../properties/context.ts';
import { stepRequiredErrors } from '../properties/requiredErrors.ts';

export function changesControllerGhost(ctx: ControllerStepContext): boolean {
  switch (ctx.op.type) {
    case 'Enqueue':
    case 'IrqRegister':
    case 'IpcRegister':
    case 'Dequeue':
    case 'DequeueVia':
    case 'ErrorRead':
    case 'DesignOnly': // it may set error bits of its own, which the ghost then owes
      return true;
    default:
      return stepRequiredErrors(ctx).bits !== 0;
  }
}
