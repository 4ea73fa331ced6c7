/** A controller step property that fails, for the judged engine's tests to find a first violation. */
import { ERR } from '../../../../protocols/controller/model/registers.ts';
import type { ControllerStepProperty } from '../../../../protocols/controller/properties/context.ts';

/** Fails on every access that sets QUEUE_FULL (reached at depth 3 of small): a first violation to find. */
export const NEVER_QUEUE_FULL: ControllerStepProperty = {
  id: 'neverQueueFull',
  protocol: 'controller',
  kind: 'step',
  spec: 'test',
  description: 'no access sets QUEUE_FULL (false: a violation for the test to find)',
  on: 'controllerStep',
  judgesIncomplete: false,
  check: (ctx) => ((ctx.after.error & ~ctx.before.error & ERR.QUEUE_FULL) !== 0 ? 'QUEUE_FULL set' : null),
};
