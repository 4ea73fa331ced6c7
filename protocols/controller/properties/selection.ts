/**
 * Which controller-step properties a run judges by default: all of them, refinement only for an
 * implementation that refines the reference (the reference and its mutants; spec/controller.md
 * §7 checks a published design on its own abstraction, and the model alone has nothing to refine).
 */
import type { ControllerImpl } from '../designs/device.ts';
import type { ControllerStepProperty } from './context.ts';
import { CONTROLLER_STEP_PROPERTIES } from './index.ts';

/** The default ids for `impl` (undefined: the model alone), in registry order. */
export function defaultControllerPropertyIds(impl: ControllerImpl | undefined): string[] {
  const refines = impl?.supports.refines === true;
  return CONTROLLER_STEP_PROPERTIES.filter((p) => refines || p.kind !== 'refinement').map((p) => p.id);
}

/**
 * The controller-step properties among `ids`, in registry order. An id that is not a
 * controller-step property is a caller's mistake (the command line checks ids against the
 * protocol first) and throws, naming it.
 */
export function selectControllerProperties(ids: readonly string[]): readonly ControllerStepProperty[] {
  const unknown = ids.find((id) => !CONTROLLER_STEP_PROPERTIES.some((p) => p.id === id));
  if (unknown !== undefined)
    throw new Error(
      `"${unknown}" is not a controller-step property (known: ${CONTROLLER_STEP_PROPERTIES.map((p) => p.id).join(', ')})`,
    );
  return CONTROLLER_STEP_PROPERTIES.filter((p) => ids.includes(p.id));
}
