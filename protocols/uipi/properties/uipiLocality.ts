/**
 * U8 (research §4.1): UIRR changes only in the running thread's live state — by notification
 * processing on its CPU (and only with bits of its own PIR) or by its own delivery; a saved
 * (off-CPU) thread's UIRR never changes.
 */
import type { UipiStepProperty } from './context.ts';

export const uipiLocality: UipiStepProperty = {
  id: 'uipiLocality',
  protocol: 'uipi',
  kind: 'step',
  on: 'uipiStep',
  judgesRejected: false,
  spec: 'uipi.md §2 Guarantees (U8)',
  description: 'Notification processing writes only the UIRR of the thread whose UPID is loaded.',
  check({ event, before, after }) {
    for (let r = 0; r < after.receivers.length; r++) {
      const b = before.receivers[r];
      const a = after.receivers[r];
      if (b === undefined || a === undefined || a.uirr === b.uirr) continue;
      if (event.type === 'Deliver' && event.receiver === r) continue;
      const processing = event.type === 'NotifyDrain' || event.type === 'Accept';
      if (processing && before.cpus[event.cpu]?.cur === r && b.cpu === event.cpu) {
        const extra = a.uirr & ~(b.uirr | (before.upids[r]?.pir ?? 0n));
        if (extra === 0n) continue;
        return `receiver ${r}: processing put bits into UIRR that were not in its own PIR`;
      }
      const where = b.cpu < 0 ? 'saved (off-CPU)' : `live on CPU ${b.cpu}`;
      return `receiver ${r}: its ${where} UIRR changed by ${event.type}, which does not process its UPID`;
    }
    return null;
  },
};
