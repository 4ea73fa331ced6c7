/**
 * The UIPI explorer keyed by units (StateSpace.keyUnits: a KeyTable of visited states, drain
 * positions numbered by a KeyTable, the drain's first position reusing the key just built, the
 * last measure reused for siblings) gives exactly the outcome of the same space keyed by its key
 * strings: the same counts, the same verdict, the same first violation and path, on the model
 * (Skyloft complete, the narrowed small preset bounded), the product with the reference, and the
 * mutants.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../../../engine/explore/explore.ts';
import type { StateSpace } from '../../../../engine/explore/stateSpace.ts';
import { UIPI_REFERENCE, type UipiImpl } from '../../../../protocols/uipi/designs/reference/uipiImpl.ts';
import { UIPI_EXPLORE_PRESETS } from '../../../../protocols/uipi/engine/exploreUipi.ts';
import { type UipiNode, uipiSpace } from '../../../../protocols/uipi/engine/uipiSpace.ts';
import { UIPI_SKYLOFT, type UipiConfig } from '../../../../protocols/uipi/model/config.ts';
import type { UipiEvent } from '../../../../protocols/uipi/model/events.ts';
import { UIPI_MUTANTS } from '../../../../protocols/uipi/mutants/uipiMutants.ts';
import { selectUipi } from '../../../../protocols/uipi/properties/selection.ts';

/** `space` keyed by its key strings alone (the explorer's string path). */
function byStrings(space: StateSpace<UipiNode, UipiEvent>): StateSpace<UipiNode, UipiEvent> {
  const { keyUnits, ...rest } = space;
  if (keyUnits === undefined) throw new Error('the UIPI space keys by units');
  return rest;
}

const small = UIPI_EXPLORE_PRESETS.small;

describe('the UIPI explorer keyed by units', () => {
  if (small === undefined) throw new Error('no small UIPI exploration preset');
  const subjects: readonly [string, UipiConfig, UipiImpl | undefined, number][] = [
    ['the model, skyloft', UIPI_SKYLOFT, undefined, Number.POSITIVE_INFINITY],
    ['the model, small', small, undefined, 30_000],
    ['the reference, small', small, UIPI_REFERENCE, 2_000],
    ...UIPI_MUTANTS.map((m): [string, UipiConfig, UipiImpl, number] => [
      m.name,
      m.preset === 'skyloft' ? UIPI_SKYLOFT : small,
      m,
      3_000,
    ]),
  ];
  for (const [name, cfg, impl, maxStates] of subjects) {
    it(`explores ${name} as the string keys do`, () => {
      const sel = selectUipi(undefined, impl);
      const units = explore(uipiSpace(cfg, impl, sel), { maxStates });
      const strings = explore(byStrings(uipiSpace(cfg, impl, sel)), { maxStates });
      expect(units).toEqual(strings);
      if (cfg === UIPI_SKYLOFT && impl === undefined) expect(units.kind).toBe('complete');
    });
  }
});
