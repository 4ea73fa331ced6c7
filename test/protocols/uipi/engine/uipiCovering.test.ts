/**
 * Covering (engine/explore/coverSet.ts, uipiGhostMeasure.ts) keeps the UIPI explorer's
 * verdicts exact: the antichain behaves as specified; every UIPI mutant found by the explorer with
 * the whole ghost in the key is found with the ghost as a covering measure, by a counterexample
 * of the same BFS-shortest length; and the model's slack check, which lets the model's measure
 * leave credits out, fires on a fabricated delivery.
 */
import { describe, expect, it } from 'vitest';
import { CoverSet } from '../../../../engine/explore/coverSet.ts';
import { explore } from '../../../../engine/explore/explore.ts';
import { UIPI_EXPLORE_PRESETS } from '../../../../protocols/uipi/engine/exploreUipi.ts';
import { slackFalls } from '../../../../protocols/uipi/engine/uipiGhostMeasure.ts';
import { uipiSpace } from '../../../../protocols/uipi/engine/uipiSpace.ts';
import { UIPI_SKYLOFT } from '../../../../protocols/uipi/model/config.ts';
import { initialUipi } from '../../../../protocols/uipi/model/state.ts';
import { step } from '../../../../protocols/uipi/model/step.ts';
import { UIPI_MUTANTS } from '../../../../protocols/uipi/mutants/uipiMutants.ts';
import { selectUipi } from '../../../../protocols/uipi/properties/selection.ts';

describe('CoverSet', () => {
  it('admits a state unless one with its key and a componentwise ≤ measure is stored', () => {
    const c = new CoverSet();
    expect(c.add('a', [0, 2])).toBe(true);
    expect(c.add('a', [0, 3])).toBe(false); // covered
    expect(c.add('a', [1, 2])).toBe(false);
    expect(c.add('b', [1, 3])).toBe(true); // another key
    expect(c.add('a', [1, 1])).toBe(true); // incomparable: both kept
    expect(c.add('a', [1, 1])).toBe(false);
    expect(c.add('a', [0, 1])).toBe(true); // covers both, which are dropped
    expect(c.add('a', [1, 2])).toBe(false);
    expect(c.add('c', [])).toBe(true);
    expect(c.add('c', [])).toBe(false); // no measure: a plain set
    expect(c.size).toBe(5);
  });
});

describe('UIPI exploration with the ghost as a covering measure', () => {
  const small = UIPI_EXPLORE_PRESETS.small;
  if (small === undefined) throw new Error('no small UIPI exploration preset');
  for (const m of UIPI_MUTANTS) {
    const cfg = m.preset === 'skyloft' ? UIPI_SKYLOFT : small;
    it(`finds ${m.name} as the whole-ghost key does, as short`, () => {
      // The guarantees alone (refinement stops every mutant at its first differing step).
      const sel = selectUipi(
        [...m.expectedViolations, 'uipiNoLoss', 'uipiNoFabrication', 'uipiEventuallyDelivered'],
        m,
      );
      const covering = uipiSpace(cfg, m, sel);
      const { measure, ...plain } = uipiSpace(cfg, m, sel);
      if (measure === undefined) throw new Error('no measure');
      const exact = {
        ...plain,
        key: (n: Parameters<typeof measure>[0]) => `${plain.key(n)}|${measure(n).join(',')}`,
      };
      const a = explore(covering, { maxStates: 1_500 });
      const b = explore(exact, { maxStates: 1_500 });
      if (b.kind === 'violation') {
        expect(a.kind).toBe('violation');
        if (a.kind === 'violation') expect(a.path.length).toBe(b.path.length);
      }
      expect(a.kind === 'violation' || b.kind !== 'violation').toBe(true);
    });
  }

  it('stops with an error if the model lowered a credit’s slack (the check behind its credit-free measure)', () => {
    const cfg = small;
    const s0 = initialUipi(cfg);
    const sent = step(cfg, s0, { type: 'Send', sender: 0, index: 0 });
    if (sent.kind !== 'accepted') throw new Error('send rejected');
    // A send: credit +1, one copy posted in PIR: the slack stays.
    expect(slackFalls(cfg, s0, sent.state, [0], [1])).toBeNull();
    // A delivery that takes no pending copy (a fabricated one): the slack falls.
    expect(slackFalls(cfg, sent.state, sent.state, [1], [0])).toEqual({ r: 0, v: 0 });
  });
});
