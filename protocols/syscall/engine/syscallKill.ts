/**
 * The syscall protocol's kill adapter: each syscall mutant (a broken runtime or controller) and
 * the reference runtime over the reference controller, hunted with random syscall storms and the
 * §6 drain on the small preset, every syscall property but refinement.
 */

import { type KillAdapter, type KillTarget, withoutRefinement } from '../../../engine/kill/killAdapter.ts';
import { budgetRuns, stormHunt } from '../../../engine/kill/stormHunt.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { referenceImpl } from '../../controller/designs/reference/index.ts';
import { SMALL } from '../../controller/model/config/config.ts';
import { SYSCALL_MUTANTS } from '../mutants/syscallMutants.ts';
import { syscallPropertyIds } from '../properties/selection.ts';
import { syscallResult, syscallRuns } from './checkSyscall.ts';

/** The syscall properties a hunt evaluates. */
const PROPERTIES: readonly string[] = withoutRefinement(syscallPropertyIds());

/** `impl` (a syscall mutant, or a device run by the reference runtime) as a syscall-protocol target. */
export function syscallTarget(impl: ControllerImpl): KillTarget {
  return {
    protocol: 'syscall',
    name: impl.name,
    expected: impl.expectedViolations,
    hunt: (b) => {
      const o = { cfg: SMALL, impl, properties: PROPERTIES, ...budgetRuns(b) };
      return stormHunt(
        syscallRuns(o),
        (outcome) => {
          const r = syscallResult(o, outcome);
          return r.ok
            ? null
            : { violated: r.failure.violations.map((v) => v.property), length: r.counterexample.length };
        },
        b.now,
      );
    },
  };
}

/** The syscall protocol in the kill matrix. */
export const SYSCALL_KILL: KillAdapter = {
  protocol: 'syscall',
  properties: PROPERTIES,
  targets: () => SYSCALL_MUTANTS.map(syscallTarget),
  reference: () => syscallTarget(referenceImpl),
};
