/**
 * Which properties a wakeup run evaluates: the controller-step properties on every access the
 * system performs, the wakeup step properties on every system step, and the bounded-liveness
 * property after the drain. By default all of them, except that refinement (the controller's and
 * the system's) is left out where it cannot or must not apply: for the model on its own (nothing
 * to refine) and for a published design (spec §7 checks it on its own abstraction).
 */
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { wakeupSupport } from '../../controller/designs/supportedConfig.ts';
import type { ControllerStepProperty } from '../../controller/properties/context.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../../controller/properties/index.ts';
import { findProperty, PROPERTIES } from '../../registry.ts';
import type { WakeupLivenessProperty, WakeupStepProperty } from './context.ts';
import { WAKEUP_LIVENESS_PROPERTIES, WAKEUP_STEP_PROPERTIES } from './index.ts';

export interface WakeupSelection {
  readonly controller: readonly ControllerStepProperty[];
  readonly step: readonly WakeupStepProperty[];
  readonly liveness: readonly WakeupLivenessProperty[];
}

/** Every property id the wakeup runner evaluates, in the order a failing step reports them. */
export function wakeupPropertyIds(): string[] {
  return [...CONTROLLER_STEP_PROPERTIES, ...WAKEUP_STEP_PROPERTIES, ...WAKEUP_LIVENESS_PROPERTIES].map(
    (p) => p.id,
  );
}

/** The ids evaluated when none are given: everything, refinement only where it applies. */
export function defaultWakeupPropertyIds(impl: ControllerImpl | undefined): string[] {
  const refines = impl !== undefined && wakeupSupport(impl).refines;
  const all = [...CONTROLLER_STEP_PROPERTIES, ...WAKEUP_STEP_PROPERTIES, ...WAKEUP_LIVENESS_PROPERTIES];
  return all.filter((p) => refines || p.kind !== 'refinement').map((p) => p.id);
}

/**
 * The selection for `ids` (the default ones when absent), in registry order. An id no property
 * has, or one of a property the wakeup runner does not evaluate, is a caller's mistake and throws.
 */
export function selectWakeupProperties(
  ids: readonly string[] | undefined,
  impl: ControllerImpl | undefined,
): WakeupSelection {
  const known = wakeupPropertyIds();
  for (const id of ids ?? []) {
    if (findProperty(id) === undefined)
      throw new Error(`unknown property "${id}" (known: ${PROPERTIES.map((p) => p.id).join(', ')})`);
    if (!known.includes(id))
      throw new Error(`property "${id}" is not evaluated on the wakeup system (known: ${known.join(', ')})`);
  }
  const chosen = ids ?? defaultWakeupPropertyIds(impl);
  return {
    controller: CONTROLLER_STEP_PROPERTIES.filter((p) => chosen.includes(p.id)),
    step: WAKEUP_STEP_PROPERTIES.filter((p) => chosen.includes(p.id)),
    liveness: WAKEUP_LIVENESS_PROPERTIES.filter((p) => chosen.includes(p.id)),
  };
}
