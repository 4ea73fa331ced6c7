/**
 * The UIPI mutant catalogue (protocols/uipi/mutants/uipiMutants.ts, switches in impl/uipi): every mutant
 * named in research §5 that the issue asks for is there, and random storms at the pinned seed
 * catch each one on its own abstraction (every property but refinement) with a property the
 * catalogue lists, shrunk to a short counterexample; the reference passes the same budget.
 */
import { describe, expect, test } from 'vitest';
import { UIPI_REFERENCE } from '../../../protocols/uipi/designs/reference/uipiImpl.ts';
import { checkUipi } from '../../../protocols/uipi/engine/checkUipi.ts';
import { UIPI_PRESETS, type UipiPresetName } from '../../../protocols/uipi/model/config.ts';
import { UIPI_MUTANTS } from '../../../protocols/uipi/mutants/uipiMutants.ts';
import { UIPI_GUARANTEE_IDS } from '../../../protocols/uipi/properties/index.ts';
import { runs, SEED } from '../../support/seed.ts';

/** Storms per mutant: the budget within which each must be caught. */
const BUDGET = 1000;
/** The longest minimized counterexample accepted as "shrunk". */
const SHORT = 16;

const presetOf = (name: string | undefined): UipiPresetName => (name === 'skyloft' ? 'skyloft' : 'small');

describe('the UIPI mutant catalogue', () => {
  test('has the research mutations the issue names, as switches with expected properties', () => {
    const ids = UIPI_MUTANTS.map((m) => m.research);
    for (const id of [
      'M1',
      'M2',
      'M3',
      'M5',
      'M6',
      'M7',
      'M8',
      'M9',
      'M10',
      'M11',
      'M12',
      'M13',
      'M14',
      'M15',
      'M16',
      'M18',
      'M23',
    ])
      expect(ids).toContain(id);
    for (const m of UIPI_MUTANTS) {
      expect(m.expectedViolations.length).toBeGreaterThan(0);
      for (const p of m.expectedViolations) expect(UIPI_GUARANTEE_IDS).toContain(p);
    }
    expect(new Set(UIPI_MUTANTS.map((m) => m.name)).size).toBe(UIPI_MUTANTS.length);
  });

  test.each(UIPI_MUTANTS.map((m) => [m.name, m] as const))(
    '%s is caught with a shrunk counterexample',
    (_name, m) => {
      const cfg = UIPI_PRESETS[presetOf(m.preset)];
      const r = checkUipi({ cfg, impl: m, runs: runs(BUDGET), seed: SEED, properties: UIPI_GUARANTEE_IDS });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const caughtBy = r.failure.violations.map((v) => v.property);
      expect(
        caughtBy.some((p) => m.expectedViolations.includes(p)),
        `caught by ${caughtBy.join(', ')}`,
      ).toBe(true);
      expect(r.counterexample.length).toBeLessThanOrEqual(SHORT);
      expect(r.counterexample.length).toBeLessThanOrEqual(r.shrunkLength);
    },
  );

  test.each(['small', 'skyloft'] as const)('the reference passes the same budget on %s', (preset) => {
    const r = checkUipi({ cfg: UIPI_PRESETS[preset], impl: UIPI_REFERENCE, runs: runs(200), seed: SEED });
    expect(r.ok).toBe(true);
  });
});
