/**
 * Every executable controller implementation by name: the reference, the published designs and
 * the mutants. Adding one is one line in {@link CONTROLLER_IMPLS}.
 */

import { CONTROLLER_MUTANTS } from '../mutants/controllerMutants.ts';
import { atsIntcChisel } from './ats-intc-chisel/atsIntcChisel.ts';
import { atsIntcQemu } from './ats-intc-qemu/atsIntcQemu.ts';
import type { ControllerImpl } from './device.ts';
import { referenceImpl } from './reference/index.ts';
import { taic } from './taic/taic.ts';

/** The registered implementations, reference first; names are unique. */
export const CONTROLLER_IMPLS: readonly ControllerImpl[] = [
  referenceImpl,
  atsIntcQemu,
  atsIntcChisel,
  taic,
  ...CONTROLLER_MUTANTS,
];

/** The implementation called `name`, or undefined. */
export function findControllerImpl(name: string): ControllerImpl | undefined {
  return CONTROLLER_IMPLS.find((impl) => impl.name === name);
}

/** The registered names in registry order (for `--impl` help and errors). */
export function controllerImplNames(): string[] {
  return CONTROLLER_IMPLS.map((impl) => impl.name);
}
