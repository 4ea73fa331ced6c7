/**
 * definedBehaviour (spec/controller.md §6, §7): every access has a defined effect in the design.
 * It matters for variants modelled on code that can write outside its own arrays (the QEMU
 * device's IRQ_REGISTER beyond its 16 lines): such an access corrupts the design's memory, so
 * the run ends there and this property reports it.
 */

import type { ControllerStepProperty } from './context.ts';
import { describeStep } from './explain.ts';

export const definedBehaviour: ControllerStepProperty = {
  id: 'definedBehaviour',
  protocol: 'controller',
  kind: 'step',
  on: 'controllerStep',
  judgesIncomplete: true,
  spec: 'controller.md §6, §7',
  description: 'Every access has a defined effect in the design (no write outside its own arrays).',
  check(ctx) {
    if (ctx.obs.kind !== 'undefined') return null;
    return `${describeStep(ctx)} has no defined effect in the design (it writes outside the design's own storage)`;
  },
};
