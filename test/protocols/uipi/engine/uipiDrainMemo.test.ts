/**
 * The memo of successful UIPI drains changes no verdict: from every state of small UIPI
 * explorations (the model on the Skyloft preset, complete, and on the narrowed small preset; the
 * product with the reference; mutants whose drain fails: a UIRET that leaves UIF clear, a
 * processing that never clears ON (under the no-kernel-entry drain: the fair drain's kernel exit
 * self-IPIs on ON = 1 and delivers), a uintr_wait without its re-check, a Skyloft timer handler
 * that does not re-post, whose every failing drain runs to its bound of 1,000 steps, hence its
 * few states), the leads-to check with the memo gives exactly the verdict of the full drain, and
 * processing-keeps-on's drains all succeed under the fair drain.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../../../engine/explore/explore.ts';
import { UIPI_REFERENCE, type UipiImpl } from '../../../../protocols/uipi/designs/reference/uipiImpl.ts';
import { UIPI_EXPLORE_PRESETS } from '../../../../protocols/uipi/engine/exploreUipi.ts';
import { uipiSpace } from '../../../../protocols/uipi/engine/uipiSpace.ts';
import { UIPI_SKYLOFT, type UipiConfig } from '../../../../protocols/uipi/model/config.ts';
import { findUipiMutant } from '../../../../protocols/uipi/mutants/uipiMutants.ts';
import { UIPI_LIVENESS_PROPERTIES } from '../../../../protocols/uipi/properties/index.ts';
import { selectUipi } from '../../../../protocols/uipi/properties/selection.ts';

const small = UIPI_EXPLORE_PRESETS.small;
const LIVENESS = UIPI_LIVENESS_PROPERTIES.map((p) => p.id);

function mutant(name: string): UipiImpl {
  const m = findUipiMutant(name);
  if (m === undefined) throw new Error(`no UIPI mutant ${name}`);
  return m;
}

describe('the UIPI drain memo', () => {
  if (small === undefined) throw new Error('no small UIPI exploration preset');
  // [name, configuration, implementation, properties (undefined: all), state bound, whether some drain fails]
  const subjects: readonly [
    string,
    UipiConfig,
    UipiImpl | undefined,
    readonly string[] | undefined,
    number,
    boolean,
  ][] = [
    ['the model, skyloft', UIPI_SKYLOFT, undefined, undefined, 10_000, false],
    ['the model, small', small, undefined, undefined, 6_000, false],
    ['the reference, small', small, UIPI_REFERENCE, undefined, 1_500, false],
    // Liveness only: the step properties would stop the search at a mutant's first step violation.
    ['uiret-keeps-uif-clear', small, mutant('uiret-keeps-uif-clear'), LIVENESS, 1_500, true],
    [
      'processing-keeps-on, no-kernel-entry',
      { ...small, drain: 'no-kernel-entry' },
      mutant('processing-keeps-on'),
      LIVENESS,
      1_500,
      true,
    ],
    ['processing-keeps-on, fair', small, mutant('processing-keeps-on'), LIVENESS, 1_500, false],
    ['wait-no-recheck', small, mutant('wait-no-recheck'), LIVENESS, 1_500, true],
    ['skyloft-no-repost', UIPI_SKYLOFT, mutant('skyloft-no-repost'), LIVENESS, 300, true],
  ];
  for (const [name, cfg, impl, ids, maxStates, fails] of subjects) {
    it(`gives the full drain's verdict from every explored state of ${name}`, () => {
      const sel = selectUipi(ids, impl);
      const memo = uipiSpace(cfg, impl, sel);
      const full = uipiSpace(cfg, impl, sel, false);
      const withMemo = memo.liveness;
      const withoutMemo = full.liveness;
      if (withMemo === undefined || withoutMemo === undefined) throw new Error('no leads-to check');
      let checked = 0;
      let failing = 0;
      let differing = 0;
      const r = explore(
        {
          ...memo,
          liveness: (n) => {
            const a = withMemo(n);
            const b = withoutMemo(n);
            checked++;
            if (b !== null) failing++;
            if (JSON.stringify(a) !== JSON.stringify(b)) differing++;
            return null;
          },
        },
        { maxStates },
      );
      expect(r.kind === 'complete' || r.kind === 'maxStates').toBe(true);
      if (cfg === UIPI_SKYLOFT && impl === undefined) expect(r.kind).toBe('complete');
      expect(checked).toBe(r.distinct);
      expect(differing).toBe(0);
      if (fails) expect(failing).toBeGreaterThan(0);
      else expect(failing).toBe(0);
    });
  }
});
