/**
 * The wakeup protocol's kill adapter: each runtime mutant (and the reference runtime over the
 * reference controller) hunted with random wakeup storms and the §6 drain on the small preset,
 * every system property but refinement.
 */

import { type KillAdapter, type KillTarget, withoutRefinement } from '../../../engine/kill/killAdapter.ts';
import { budgetRuns, stormHunt } from '../../../engine/kill/stormHunt.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { referenceImpl } from '../../controller/designs/reference/index.ts';
import { SMALL } from '../../controller/model/config/config.ts';
import { WAKEUP_MUTANTS } from '../mutants/wakeupMutants.ts';
import { wakeupPropertyIds } from '../properties/selection.ts';
import { wakeupResult, wakeupRuns } from './checkWakeup.ts';

/** The wakeup properties a hunt evaluates. */
const PROPERTIES: readonly string[] = withoutRefinement(wakeupPropertyIds());

/** `impl` (a runtime mutant, or a device run by the reference runtime) as a wakeup-protocol target. */
export function wakeupTarget(impl: ControllerImpl): KillTarget {
  return {
    protocol: 'wakeup',
    name: impl.name,
    expected: impl.expectedViolations,
    hunt: (b) => {
      const o = { cfg: SMALL, impl, properties: PROPERTIES, ...budgetRuns(b) };
      return stormHunt(
        wakeupRuns(o),
        (outcome) => {
          const r = wakeupResult(o, outcome);
          return r.ok
            ? null
            : { violated: r.failure.violations.map((v) => v.property), length: r.counterexample.length };
        },
        b.now,
      );
    },
  };
}

/** The wakeup protocol in the kill matrix. */
export const WAKEUP_KILL: KillAdapter = {
  protocol: 'wakeup',
  properties: PROPERTIES,
  targets: () => WAKEUP_MUTANTS.map(wakeupTarget),
  reference: () => wakeupTarget(referenceImpl),
};
