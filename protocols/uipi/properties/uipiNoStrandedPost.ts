/**
 * U11 (research §4.1): PIR ≠ 0 with SN = 0 implies ON = 1 or a notification (NV to NDST) in
 * flight, pending at NDST's APIC or held by a sender — outside the window between "clear ON" and
 * the PIR swap (the CPU processing that UPID) and the window between "clear SN" and the switch-in
 * PIR check. A reading of the spec: uintr_wait's window between the NV switch and its re-check is
 * the same kind of return-path window (the re-check catches what was posted), so it is exempt too.
 */
import type { UipiStepProperty } from './context.ts';
import { notificationOnItsWay } from './notificationOnItsWay.ts';
import { vectors } from './words.ts';

export const uipiNoStrandedPost: UipiStepProperty = {
  id: 'uipiNoStrandedPost',
  protocol: 'uipi',
  kind: 'invariant',
  on: 'uipiStep',
  judgesRejected: false,
  spec: 'uipi.md §2 Guarantees (U11)',
  description: 'Posted bits with notifications not suppressed always have a notification on its way.',
  check({ after: s }) {
    for (let r = 0; r < s.upids.length; r++) {
      const u = s.upids[r];
      const rc = s.receivers[r];
      if (u === undefined || rc === undefined || u.sn || u.pir === 0n || u.on) continue;
      // The two return-path windows whose next step re-checks PIR: switch-in's, and uintr_wait's.
      if (rc.phase === 'inSnClear' || rc.phase === 'waitNv') continue;
      if (rc.cpu >= 0 && s.cpus[rc.cpu]?.cur === r && s.cpus[rc.cpu]?.processing === true) continue;
      if (notificationOnItsWay(s, u)) continue;
      return `receiver ${r}: PIR holds ${vectors(u.pir)} with SN = 0 and ON = 0, and no notification is on its way (stranded)`;
    }
    return null;
  },
};
