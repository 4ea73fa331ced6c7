/**
 * The controller protocol's kill adapter: each controller mutant (and the reference) hunted with
 * random controller storms on the small preset, every §6 controller property but refinement.
 */

import { type KillAdapter, type KillTarget, withoutRefinement } from '../../../engine/kill/killAdapter.ts';
import { budgetRuns, stormHunt } from '../../../engine/kill/stormHunt.ts';
import { propertiesOf } from '../../registry.ts';
import type { ControllerImpl } from '../designs/device.ts';
import { referenceImpl } from '../designs/reference/index.ts';
import { SMALL } from '../model/config/config.ts';
import { CONTROLLER_MUTANTS } from '../mutants/controllerMutants.ts';
import { controllerResult, controllerRuns } from './checkController.ts';

/** The controller properties a hunt evaluates. */
const PROPERTIES: readonly string[] = withoutRefinement(propertiesOf('controller').map((p) => p.id));

/** `impl` as a controller-protocol target of the matrix. */
export function controllerTarget(impl: ControllerImpl): KillTarget {
  return {
    protocol: 'controller',
    name: impl.name,
    expected: impl.expectedViolations,
    hunt: (b) => {
      const o = { cfg: SMALL, impl, properties: PROPERTIES, ...budgetRuns(b) };
      return stormHunt(
        controllerRuns(o),
        (outcome) => {
          const r = controllerResult(o, outcome);
          return r.ok
            ? null
            : { violated: r.failure.violations.map((v) => v.property), length: r.counterexample.length };
        },
        b.now,
      );
    },
  };
}

/** The controller protocol in the kill matrix. */
export const CONTROLLER_KILL: KillAdapter = {
  protocol: 'controller',
  properties: PROPERTIES,
  targets: () => CONTROLLER_MUTANTS.map(controllerTarget),
  reference: () => controllerTarget(referenceImpl),
};
