/** UL2 (bounded liveness): a receiver blocked in uintr_wait is made runnable by a send — none is left asleep with a vector owed. */
import type { UipiLivenessProperty } from './context.ts';
import { vectors } from './words.ts';

export const uipiWaitWakes: UipiLivenessProperty = {
  id: 'uipiWaitWakes',
  protocol: 'uipi',
  kind: 'liveness',
  on: 'uipiDrain',
  spec: 'uipi.md §2 Guarantees (UL2)',
  description: 'A receiver blocked in uintr_wait is woken by a send to it.',
  check({ state, owed }) {
    for (let r = 0; r < state.receivers.length; r++) {
      const o = owed[r] ?? 0n;
      if (state.receivers[r]?.phase === 'waiting' && o !== 0n)
        return `receiver ${r} still sleeps in uintr_wait although vector(s) ${vectors(o)} were sent to it (lost wakeup)`;
    }
    return null;
  },
};
