/**
 * Which properties a syscall run evaluates: the controller-step properties on every access the
 * system performs (all but the controller's refinement: the system refinement covers it), the
 * syscall step properties on every step, and `everyRequestAnswered` after the drain. By default
 * all of them, refinement only for an implementation held to it.
 */
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { wakeupSupport } from '../../controller/designs/supportedConfig.ts';
import type { ControllerStepProperty } from '../../controller/properties/context.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../../controller/properties/index.ts';
import { findProperty, PROPERTIES } from '../../registry.ts';
import type { SyscallLivenessProperty, SyscallStepProperty } from './context.ts';
import { SYSCALL_LIVENESS_PROPERTIES, SYSCALL_STEP_PROPERTIES } from './index.ts';

export interface SyscallSelection {
  readonly controller: readonly ControllerStepProperty[];
  readonly step: readonly SyscallStepProperty[];
  readonly liveness: readonly SyscallLivenessProperty[];
}

const CONTROLLER = CONTROLLER_STEP_PROPERTIES.filter((p) => p.kind !== 'refinement');

/** Every property id the syscall runner evaluates, in the order a failing step reports them. */
export function syscallPropertyIds(): string[] {
  return [...CONTROLLER, ...SYSCALL_STEP_PROPERTIES, ...SYSCALL_LIVENESS_PROPERTIES].map((p) => p.id);
}

/**
 * The ids evaluated when none are given: refinement only for an implementation held to it (the
 * reference and its mutants; a published design is judged on its own abstraction, spec §7).
 */
export function defaultSyscallPropertyIds(impl: ControllerImpl | undefined): string[] {
  const refines = impl !== undefined && wakeupSupport(impl).refines;
  const all = [...CONTROLLER, ...SYSCALL_STEP_PROPERTIES, ...SYSCALL_LIVENESS_PROPERTIES];
  return all.filter((p) => refines || p.kind !== 'refinement').map((p) => p.id);
}

/** The selection for `ids` (the default ones when absent); an unknown id throws. */
export function selectSyscallProperties(
  ids: readonly string[] | undefined,
  impl: ControllerImpl | undefined,
): SyscallSelection {
  const known = syscallPropertyIds();
  for (const id of ids ?? []) {
    if (findProperty(id) === undefined)
      throw new Error(`unknown property "${id}" (known: ${PROPERTIES.map((p) => p.id).join(', ')})`);
    if (!known.includes(id))
      throw new Error(`property "${id}" is not evaluated on the syscall system (known: ${known.join(', ')})`);
  }
  const chosen = ids ?? defaultSyscallPropertyIds(impl);
  return {
    controller: CONTROLLER.filter((p) => chosen.includes(p.id)),
    step: SYSCALL_STEP_PROPERTIES.filter((p) => chosen.includes(p.id)),
    liveness: SYSCALL_LIVENESS_PROPERTIES.filter((p) => chosen.includes(p.id)),
  };
}
