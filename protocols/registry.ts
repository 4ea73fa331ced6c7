/**
 * The one registry of properties: every property of every protocol, each tagged with the context
 * it is evaluated on (`on`), so that a runner selects its own without casts. A protocol adds its
 * properties by exporting an array and appending it to {@link PROPERTIES}, and its property type
 * (another `on` tag) to {@link RegisteredProperty}.
 */

import type { Protocol } from '../engine/property.ts';
import type { ControllerStepProperty } from './controller/properties/context.ts';
import { CONTROLLER_STEP_PROPERTIES } from './controller/properties/index.ts';
import type { SyscallLivenessProperty, SyscallStepProperty } from './syscall/properties/context.ts';
import { SYSCALL_PROPERTIES } from './syscall/properties/index.ts';
import type { UipiLivenessProperty, UipiStepProperty } from './uipi/properties/context.ts';
import { UIPI_PROPERTIES } from './uipi/properties/index.ts';
import type { WakeupLivenessProperty, WakeupStepProperty } from './wakeup/properties/context.ts';
import { WAKEUP_PROPERTIES } from './wakeup/properties/index.ts';

/** Any registered property, discriminated on `on` (what it is evaluated on). */
export type RegisteredProperty =
  | ControllerStepProperty
  | WakeupStepProperty
  | WakeupLivenessProperty
  | SyscallStepProperty
  | SyscallLivenessProperty
  | UipiStepProperty
  | UipiLivenessProperty;

/** Every property of the suite; ids are unique. */
export const PROPERTIES: readonly RegisteredProperty[] = [
  ...CONTROLLER_STEP_PROPERTIES,
  ...WAKEUP_PROPERTIES,
  ...SYSCALL_PROPERTIES,
  ...UIPI_PROPERTIES,
];

/** The property called `id`, or undefined. */
export function findProperty(id: string): RegisteredProperty | undefined {
  return PROPERTIES.find((p) => p.id === id);
}

/** The properties of one protocol, in registry order. */
export function propertiesOf(protocol: Protocol): readonly RegisteredProperty[] {
  return PROPERTIES.filter((p) => p.protocol === protocol);
}

const isControllerStep = (p: RegisteredProperty): p is ControllerStepProperty => p.on === 'controllerStep';

/**
 * The properties evaluated after each controller step: all of them, or those among `ids` (ids of
 * properties evaluated elsewhere, such as a drain's liveness, are left to their own runner). An
 * id no property has is a caller's mistake and throws.
 */
export function controllerStepProperties(ids?: readonly string[]): readonly ControllerStepProperty[] {
  const all = PROPERTIES.filter(isControllerStep);
  if (ids === undefined) return all;
  for (const id of ids) {
    if (findProperty(id) === undefined) {
      throw new Error(`unknown property "${id}" (known: ${PROPERTIES.map((p) => p.id).join(', ')})`);
    }
  }
  return all.filter((p) => ids.includes(p.id));
}
