/**
 * The UIPI designs the checker knows by name (`--impl`, a trace's `#meta.implementation`, a
 * worker's job, the exploration manifest): the instruction-level reference and the designs beside
 * it, and, by the same lookup, the catalogue's mutants (`--mutant`). One list, so a new design is
 * known everywhere at once.
 */
import { UIPI_MUTANTS } from '../mutants/uipiMutants.ts';
import { LINUX_RFC_V1 } from './linux-rfc-v1/linuxRfcV1.ts';
import { UIPI_REFERENCE, type UipiImpl } from './reference/uipiImpl.ts';

/** Every UIPI design that is not a seeded bug, the reference first. */
export const UIPI_DESIGNS: readonly UipiImpl[] = [UIPI_REFERENCE, LINUX_RFC_V1];

/** The design called `name` (not a mutant), or undefined. */
function findUipiDesign(name: string): UipiImpl | undefined {
  return UIPI_DESIGNS.find((d) => d.name === name);
}

/** The UIPI implementation called `name`: a design or a mutant of the catalogue. */
export function findUipiImpl(name: string): UipiImpl | undefined {
  return findUipiDesign(name) ?? UIPI_MUTANTS.find((m) => m.name === name);
}
