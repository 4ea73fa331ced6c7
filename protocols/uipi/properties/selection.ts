/**
 * Which UIPI properties a run or an exploration judges: the ids given, or all of them; refinement
 * only when an implementation whose specification is the model (UipiImpl.refines) runs beside it.
 */
import { UsageError } from '../../../model/badInput.ts';
import type { UipiImpl } from '../designs/reference/uipiImpl.ts';
import type { UipiLivenessProperty, UipiStepProperty } from './context.ts';
import { UIPI_LIVENESS_PROPERTIES, UIPI_STEP_PROPERTIES } from './index.ts';

/** The UIPI properties one run or exploration judges. */
export interface UipiSelection {
  readonly step: readonly UipiStepProperty[];
  readonly liveness: readonly UipiLivenessProperty[];
}

/**
 * The selected properties for `impl` (refinement needs an implementation that refines the model;
 * asking for it by name on one that does not is an error, not a vacuous pass).
 */
export function selectUipi(ids: readonly string[] | undefined, impl: UipiImpl | undefined): UipiSelection {
  if (impl !== undefined && !impl.refines && ids?.includes('uipiRefinement') === true)
    throw new UsageError(
      `--property uipiRefinement: "${impl.name}" does not refine the model (it is judged by the guarantees)`,
    );
  const want = (p: { readonly id: string; readonly kind: string }) =>
    (ids === undefined || ids.includes(p.id)) && (p.kind !== 'refinement' || impl?.refines === true);
  return {
    step: UIPI_STEP_PROPERTIES.filter(want) as readonly UipiStepProperty[],
    liveness: UIPI_LIVENESS_PROPERTIES.filter(want) as readonly UipiLivenessProperty[],
  };
}
