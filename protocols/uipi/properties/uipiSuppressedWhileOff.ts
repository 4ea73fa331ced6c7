/**
 * U4 (research §4.1): □ R off-CPU ∧ ¬R.waiting ⇒ SN = 1, and □ R.waiting ⇒ NV = the kernel vector,
 * with `waiting` the kernel's flag (state.ts): in the model it is the phase's, in linux-rfc-v1 the
 * kernel's own, which its kernel-vector wake clears (a thread woken before it slept then sleeps
 * with neither, and SN = 1).
 */
import { inWait, KERNEL_VECTOR } from '../model/state.ts';
import type { UipiStepProperty } from './context.ts';

export const uipiSuppressedWhileOff: UipiStepProperty = {
  id: 'uipiSuppressedWhileOff',
  protocol: 'uipi',
  kind: 'invariant',
  on: 'uipiStep',
  judgesRejected: false,
  spec: 'uipi.md §2 Guarantees (U4)',
  description:
    'Notifications are suppressed (SN = 1) while a receiver is off-CPU, and go to the kernel vector while it waits.',
  check({ after: s }) {
    for (let r = 0; r < s.receivers.length; r++) {
      const rc = s.receivers[r];
      const u = s.upids[r];
      if (rc === undefined || u === undefined) continue;
      if (rc.cpu < 0 && !inWait(rc) && !u.sn) return `receiver ${r} is off-CPU (${rc.phase}) with SN = 0`;
      if (inWait(rc) && u.nv !== KERNEL_VECTOR)
        return `receiver ${r} is in uintr_wait (${rc.phase}) with NV = 0x${u.nv.toString(16)}, not the kernel vector`;
    }
    return null;
  },
};
