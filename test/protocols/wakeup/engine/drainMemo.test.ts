/**
 * The memo of successful drains changes no verdict: from every state of the tiny wakeup
 * explorations (the model, the reference, a runtime that loses wakeups, a published design with a
 * lost wakeup; the broken ones, whose products grow far beyond the model's states when only
 * liveness stops them, up to 3,000 states), the leads-to check with the memo gives exactly the
 * verdict of the full drain.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../../../engine/explore/explore.ts';
import { explorePreset } from '../../../../engine/explore/explorePresets.ts';
import { findControllerImpl } from '../../../../protocols/controller/designs/registry.ts';
import { exploredConfig } from '../../../../protocols/family/exploreProtocol.ts';
import { wakeupSpace } from '../../../../protocols/wakeup/engine/wakeupSpace.ts';
import { findWakeupMutant } from '../../../../protocols/wakeup/mutants/wakeupMutants.ts';
import { selectWakeupProperties } from '../../../../protocols/wakeup/properties/selection.ts';

const tiny = explorePreset('wakeup', 'tiny');

describe('the drain memo', () => {
  const subjects = [
    ['the model', undefined],
    ['the reference', findControllerImpl('reference')],
    ['skip-reregister', findWakeupMutant('skip-reregister')],
    ['ats-intc-qemu', findControllerImpl('ats-intc-qemu')],
  ] as const;
  for (const [name, impl] of subjects) {
    it(`gives the full drain's verdict from every tiny state of ${name}`, () => {
      if (tiny === undefined) throw new Error('no tiny preset');
      const cfg = exploredConfig('wakeup', tiny, impl);
      // Liveness only: the step properties would stop the search at a design's first step violation.
      const sel = selectWakeupProperties(['noLostWakeupEventually'], impl);
      const memo = wakeupSpace(cfg, impl, sel);
      const full = wakeupSpace(cfg, impl, sel, false);
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
        { maxStates: 3_000 },
      );
      if (impl === undefined || impl.name === 'reference') expect(r.kind).toBe('complete');
      else expect(r.kind === 'complete' || r.kind === 'maxStates').toBe(true);
      expect(checked).toBe(r.distinct);
      expect(differing).toBe(0);
      if (name === 'skip-reregister' || name === 'ats-intc-qemu') expect(failing).toBeGreaterThan(0);
    });
  }
});
