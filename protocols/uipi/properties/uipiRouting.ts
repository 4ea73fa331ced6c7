/** U5 (research §4.1): SN = 0 outside uintr_wait implies NDST is the receiver's CPU and its UINV equals NV. */
import { inWait } from '../model/state.ts';
import type { UipiStepProperty } from './context.ts';

export const uipiRouting: UipiStepProperty = {
  id: 'uipiRouting',
  protocol: 'uipi',
  kind: 'invariant',
  on: 'uipiStep',
  judgesRejected: false,
  spec: 'uipi.md §2 Guarantees (U5)',
  description: 'Notifications are enabled (SN = 0) only once NDST and UINV route them to the receiver’s CPU.',
  check({ after: s }) {
    for (let r = 0; r < s.receivers.length; r++) {
      const rc = s.receivers[r];
      const u = s.upids[r];
      if (rc === undefined || u === undefined || u.sn || inWait(rc)) continue;
      if (rc.cpu < 0 || u.ndst !== rc.cpu)
        return `receiver ${r} has SN = 0 but NDST = ${u.ndst} while it is on CPU ${rc.cpu}`;
      if (rc.uinv !== u.nv)
        return `receiver ${r} has SN = 0 but its UINV 0x${rc.uinv.toString(16)} is not NV 0x${u.nv.toString(16)}`;
    }
    return null;
  },
};
