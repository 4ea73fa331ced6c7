/**
 * Every UIPI implementation by name: the designs (`--impl`: the instruction-level reference), then
 * the UIPI mutants (`--mutant`). Adding a design is its folder here plus one line in
 * {@link UIPI_DESIGNS}.
 */
import { findUipiMutant } from '../mutants/uipiMutants.ts';
import { UIPI_REFERENCE, type UipiImpl } from './reference/uipiImpl.ts';

/** The designs, reference first. */
export const UIPI_DESIGNS: readonly UipiImpl[] = [UIPI_REFERENCE];

/** The implementation called `name` (a design or a UIPI mutant), or undefined. */
export function findUipiImpl(name: string): UipiImpl | undefined {
  return UIPI_DESIGNS.find((d) => d.name === name) ?? findUipiMutant(name);
}
