/** How a replay ended, whatever the protocol: passing after its steps, or at its first failing property. */
import type { Violation } from '../engine/property.ts';

export type ReplayVerdict =
  | { readonly ok: true; readonly steps: number }
  | {
      readonly ok: false;
      readonly steps: number;
      /** The first failing property of the failing step, in evaluation order. */
      readonly violation: Violation;
      /** Every property that fails there. */
      readonly violations: readonly Violation[];
    };

/** The verdict of a protocol's run result (every runner's result has this shape). */
export function verdictOf(run: ReplayVerdict): ReplayVerdict {
  return run.ok
    ? { ok: true, steps: run.steps }
    : { ok: false, steps: run.steps, violation: run.violation, violations: run.violations };
}
