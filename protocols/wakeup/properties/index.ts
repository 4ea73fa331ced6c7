/**
 * The wakeup protocol's properties (spec/controller.md §6 Wakeup and System), in the order a
 * failing step reports them: the system invariants and step rules, refinement against the system
 * model last; and the bounded-liveness property judged once after the drain. The per-step wakeup
 * guarantees (noLostWakeup, noSpuriousWakeup, fifoWaiters, wakePriority) are controller-step
 * properties (properties/controller), evaluated on every access the system performs.
 */
import { boundedPriorityInversion } from './boundedPriorityInversion.ts';
import type { WakeupLivenessProperty, WakeupStepProperty } from './context.ts';
import { noLostWakeupEventually } from './noLostWakeupEventually.ts';
import { noRegisterWhileRunning } from './noRegisterWhileRunning.ts';
import { noStuckSystem } from './noStuckSystem.ts';
import { onlyOnlineRun } from './onlyOnlineRun.ts';
import { systemRefinement } from './systemRefinement.ts';
import { taskInOnePlace } from './taskInOnePlace.ts';

/** Evaluated after every system step. */
export const WAKEUP_STEP_PROPERTIES: readonly WakeupStepProperty[] = [
  taskInOnePlace,
  boundedPriorityInversion,
  onlyOnlineRun,
  noStuckSystem,
  noRegisterWhileRunning,
  systemRefinement,
];

/** Evaluated once, after the §6 drain. */
export const WAKEUP_LIVENESS_PROPERTIES: readonly WakeupLivenessProperty[] = [noLostWakeupEventually];

/** Every wakeup property, liveness first (the guarantee the protocol is named after). */
export const WAKEUP_PROPERTIES: readonly (WakeupStepProperty | WakeupLivenessProperty)[] = [
  ...WAKEUP_LIVENESS_PROPERTIES,
  ...WAKEUP_STEP_PROPERTIES,
];
