/**
 * The UIPI statechart and the pure step are one specification: walking random storms through
 * both (XState's pure `transition`) gives the same state, the same acceptances, and a statechart
 * value that names every receiver's phase — on the small and the Skyloft configurations.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { uipiStorm } from '../../../protocols/uipi/engine/uipiStorm.ts';
import {
  stateKey,
  step,
  UIPI_SKYLOFT,
  UIPI_SMALL,
  type UipiConfig,
  uipiMachine,
  uipiStatechartValue,
} from '../../../protocols/uipi/model/index.ts';
import { runs, SEED } from '../../support/seed.ts';

describe.each([
  ['small', UIPI_SMALL],
  ['skyloft', UIPI_SKYLOFT],
] as const)('the UIPI statechart on %s', (_name, cfg: UipiConfig) => {
  test('agrees with step on every event of random storms', () => {
    const machine = uipiMachine(cfg);
    fc.assert(
      fc.property(uipiStorm(cfg, { maxEvents: 60 }), (storm) => {
        let [snap] = initialTransition(machine);
        let s = snap.context.state;
        let accepted = 0;
        for (const e of storm) {
          const r = step(cfg, s, e);
          [snap] = transition(machine, snap, e);
          if (r.kind === 'accepted') {
            s = r.state;
            accepted++;
          }
          expect(snap.context.accepted).toBe(accepted);
          expect(stateKey(snap.context.state)).toBe(stateKey(s));
          expect(snap.value).toEqual(uipiStatechartValue(s));
        }
      }),
      { seed: SEED, numRuns: runs(60) },
    );
  });
});
