/**
 * The UIPI protocol's properties (spec/uipi.md "Guarantees", research §4.1 U1–U11, UL1–UL4 as
 * the spec adopts them, and U3 `uipiNoStuckOn` from the spec's last section): the invariants and
 * step rules judged after every step, refinement last;
 * the bounded-liveness properties judged once after the fair drain.
 */
import type { UipiLivenessProperty, UipiStepProperty } from './context.ts';
import { uipiEventuallyDelivered } from './uipiEventuallyDelivered.ts';
import { uipiLocality } from './uipiLocality.ts';
import { uipiMasking } from './uipiMasking.ts';
import { uipiNoFabrication } from './uipiNoFabrication.ts';
import { uipiNoLoss } from './uipiNoLoss.ts';
import { uipiNoStrandedPost } from './uipiNoStrandedPost.ts';
import { uipiNoStuckOn } from './uipiNoStuckOn.ts';
import { uipiNotificationDiscipline } from './uipiNotificationDiscipline.ts';
import { uipiPriority } from './uipiPriority.ts';
import { uipiRefinement } from './uipiRefinement.ts';
import { uipiRouting } from './uipiRouting.ts';
import { uipiSuppressedWhileOff } from './uipiSuppressedWhileOff.ts';
import { uipiTimerRearms } from './uipiTimerRearms.ts';
import { uipiWaitWakes } from './uipiWaitWakes.ts';

/** Judged after every step. */
export const UIPI_STEP_PROPERTIES: readonly UipiStepProperty[] = [
  uipiNoLoss,
  uipiNoFabrication,
  uipiNotificationDiscipline,
  uipiNoStrandedPost,
  uipiNoStuckOn,
  uipiSuppressedWhileOff,
  uipiRouting,
  uipiMasking,
  uipiPriority,
  uipiLocality,
  uipiRefinement,
];

/**
 * Judged once after the drain, the more specific first: a receiver left asleep in uintr_wait
 * with a vector owed (a lost wakeup, uipiWaitWakes) also leaves that vector undelivered.
 */
export const UIPI_LIVENESS_PROPERTIES: readonly UipiLivenessProperty[] = [
  uipiWaitWakes,
  uipiEventuallyDelivered,
  uipiTimerRearms,
];

/** Every UIPI property. */
export const UIPI_PROPERTIES: readonly (UipiStepProperty | UipiLivenessProperty)[] = [
  ...UIPI_STEP_PROPERTIES,
  ...UIPI_LIVENESS_PROPERTIES,
];

/** Ids of every UIPI property but refinement (what a mutant must be caught by on its own abstraction). */
export const UIPI_GUARANTEE_IDS: readonly string[] = UIPI_PROPERTIES.filter(
  (p) => p.kind !== 'refinement',
).map((p) => p.id);
