/** U7 (research §4.1): every delivery takes the highest vector pending in UIRR. */
import { highest } from '../model/state.ts';
import type { UipiStepProperty } from './context.ts';

export const uipiPriority: UipiStepProperty = {
  id: 'uipiPriority',
  protocol: 'uipi',
  kind: 'step',
  on: 'uipiStep',
  judgesRejected: false,
  spec: 'uipi.md §2 Guarantees (U7)',
  description: 'Each delivery takes the highest pending vector (UIRRV).',
  check({ event, before, after }) {
    if (event.type !== 'Deliver') return null;
    const want = highest(before.receivers[event.receiver]?.uirr ?? 0n);
    const got = after.receivers[event.receiver]?.hvec ?? -1;
    return got === want
      ? null
      : `receiver ${event.receiver}: delivered vector ${got} while vector ${want} was pending`;
  },
};
