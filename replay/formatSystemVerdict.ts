/** The last line of every system replay (wakeup, syscall, UIPI): passing after its steps, or still failing. */
import type { Violation } from '../engine/property.ts';

/** How a system replay ended, as its last line reads it. */
export type SystemReplayEnd =
  | { readonly ok: true; readonly implementation: string; readonly steps: number }
  | {
      readonly ok: false;
      readonly implementation: string;
      readonly violation: Violation;
      /** Where the failing step was: the storm, a drain step, or quiescence. */
      readonly phase: string;
    };

/** The verdict line of a system replay (wakeup, syscall, UIPI): passing after its steps (drain included), or still failing. */
export function formatSystemVerdict(r: SystemReplayEnd): string {
  if (r.ok) return `✓ passes on "${r.implementation}": ${r.steps} steps (drain included), no property fails`;
  const v = r.violation;
  return `✗ still fails on "${r.implementation}": ${v.property} at step ${v.step} (${r.phase}): ${v.message}`;
}
