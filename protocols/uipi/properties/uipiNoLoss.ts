/** U1 (research §4.1): a sent vector is always in PIR or UIRR (live or saved) until delivered. */
import type { UipiStepProperty } from './context.ts';
import { vectors } from './words.ts';

export const uipiNoLoss: UipiStepProperty = {
  id: 'uipiNoLoss',
  protocol: 'uipi',
  kind: 'invariant',
  on: 'uipiStep',
  judgesRejected: false,
  spec: 'uipi.md §2 Guarantees (U1)',
  description: 'A sent vector is always in its receiver’s PIR or UIRR until it is delivered.',
  check({ after, owedAfter }) {
    for (let r = 0; r < owedAfter.length; r++) {
      const held = (after.upids[r]?.pir ?? 0n) | (after.receivers[r]?.uirr ?? 0n);
      const lost = (owedAfter[r] ?? 0n) & ~held;
      if (lost !== 0n)
        return `receiver ${r}: vector(s) ${vectors(lost)} were sent and not delivered, but are neither in PIR nor in UIRR`;
    }
    return null;
  },
};
