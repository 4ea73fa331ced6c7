/**
 * Every property evaluated after each controller step, in the order a failing step reports them:
 * an access that never completed or had no defined effect first, then the §6 controller guarantees, the per-step wakeup
 * guarantees, and refinement against the model last (so that a design is caught on its own
 * abstraction before it is caught departing from the model).
 */
import { capacityBound } from './capacityBound.ts';
import type { ControllerStepProperty } from './context.ts';
import { definedBehaviour } from './definedBehaviour.ts';
import { emptyMeansEmpty } from './emptyMeansEmpty.ts';
import { errorReporting } from './errorReporting.ts';
import { fifoWaiters } from './fifoWaiters.ts';
import { fifoWithinPriority } from './fifoWithinPriority.ts';
import { neverStalls } from './neverStalls.ts';
import { noLostWakeup } from './noLostWakeup.ts';
import { noSpuriousWakeup } from './noSpuriousWakeup.ts';
import { processIsolation } from './processIsolation.ts';
import { refinement } from './refinement.ts';
import { strictPriority } from './strictPriority.ts';
import { taskConservation } from './taskConservation.ts';
import { wakePriority } from './wakePriority.ts';

export const CONTROLLER_STEP_PROPERTIES: readonly ControllerStepProperty[] = [
  neverStalls,
  definedBehaviour,
  strictPriority,
  fifoWithinPriority,
  taskConservation,
  processIsolation,
  emptyMeansEmpty,
  capacityBound,
  errorReporting,
  noLostWakeup,
  noSpuriousWakeup,
  fifoWaiters,
  wakePriority,
  refinement,
];
