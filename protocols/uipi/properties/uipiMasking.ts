/**
 * U6 (research §4.1): a delivery happens only at user level with UIF = 1 and outside a handler,
 * and leaves UIF = 0; inside a handler UIF becomes 1 again only by UIRET or STUI.
 */
import type { UipiStepProperty } from './context.ts';

export const uipiMasking: UipiStepProperty = {
  id: 'uipiMasking',
  protocol: 'uipi',
  kind: 'step',
  on: 'uipiStep',
  judgesRejected: false,
  spec: 'uipi.md §2 Guarantees (U6)',
  description: 'Delivery only with UIF = 1 at user level, never nested, and UIF = 0 until UIRET or STUI.',
  check({ event, before, after }) {
    if (event.type === 'Deliver') {
      const b = before.receivers[event.receiver];
      const a = after.receivers[event.receiver];
      if (b === undefined || a === undefined) return null;
      if (b.phase !== 'user' || b.cpu < 0)
        return `receiver ${event.receiver}: delivery while ${b.phase}, not at user level`;
      if (!b.uif) return `receiver ${event.receiver}: delivery with UIF = 0`;
      if (b.hvec >= 0)
        return `receiver ${event.receiver}: delivery nested inside the handler of vector ${b.hvec}`;
      if (a.uif) return `receiver ${event.receiver}: delivery left UIF = 1`;
      return null;
    }
    for (let r = 0; r < after.receivers.length; r++) {
      const b = before.receivers[r];
      const a = after.receivers[r];
      if (b === undefined || a === undefined || b.hvec < 0 || b.uif || !a.uif) continue;
      const own =
        'receiver' in event && event.receiver === r && (event.type === 'Uiret' || event.type === 'Stui');
      if (!own) return `receiver ${r}: UIF became 1 inside a handler by ${event.type}, not by UIRET or STUI`;
    }
    return null;
  },
};
