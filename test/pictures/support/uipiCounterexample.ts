/**
 * A UIPI counterexample trace for the picture tests: `deliver-lowest` (M9) caught by
 * `uipiPriority` on the small preset (refinement left out, so the failure is the protocol's own
 * property at a storm step), written as an ITF file the way `check` saves it.
 */
import { join } from 'node:path';
import { checkUipi } from '../../../protocols/uipi/engine/checkUipi.ts';
import { UIPI_SMALL } from '../../../protocols/uipi/model/config.ts';
import { findUipiMutant } from '../../../protocols/uipi/mutants/uipiMutants.ts';
import { UIPI_GUARANTEE_IDS } from '../../../protocols/uipi/properties/index.ts';
import { uipiTrace } from '../../../protocols/uipi/trace/uipiTrace.ts';
import { writeTrace } from '../../../traces/writeTrace.ts';
import { SEED } from '../../support/seed.ts';

/** Writes the counterexample into `dir` and returns its path. */
export function writeUipiCounterexample(dir: string): string {
  const impl = findUipiMutant('deliver-lowest');
  if (impl === undefined) throw new Error('no mutant deliver-lowest');
  const r = checkUipi({ cfg: UIPI_SMALL, impl, runs: 1000, seed: SEED, properties: UIPI_GUARANTEE_IDS });
  if (r.ok) throw new Error('deliver-lowest survived');
  const file = join(dir, 'uipi--deliver-lowest--uipiPriority--small.itf.json');
  writeTrace(
    file,
    uipiTrace({
      cfg: UIPI_SMALL,
      implementation: impl.name,
      property: r.failure.violation.property,
      message: r.failure.violation.message,
      failingStep: r.failure.violation.step,
      initial: r.failure.initial,
      steps: r.failure.recorded,
    }),
  );
  return file;
}
