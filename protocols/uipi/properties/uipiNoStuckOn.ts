/**
 * U3 (research §4.1; spec/uipi.md "The switch-in rule, and the Linux RFC as a variant"): while a
 * receiver runs at user level with SN = 0 — outside the window between "clear SN" and the
 * self-IPI check, which the receiver spends in the kernel (`inSnClear`), not at user level — ON = 1
 * implies a notification on its way: NV to NDST decided by a SENDUIPI under the UPID lock and
 * still held by its sender, in flight, or pending at NDST's APIC for processing. ON = 1 with none
 * of them is the stuck ON: every later SENDUIPI sees ON = 1 and notifies no one, so what it posts
 * waits in PIR for something else (a kernel exit's PIR check) to notice it.
 */
import type { UipiStepProperty } from './context.ts';
import { notificationOnItsWay } from './notificationOnItsWay.ts';
import { vectors } from './words.ts';

export const uipiNoStuckOn: UipiStepProperty = {
  id: 'uipiNoStuckOn',
  protocol: 'uipi',
  kind: 'invariant',
  on: 'uipiStep',
  judgesRejected: false,
  spec: 'uipi.md §3 The switch-in rule (U3)',
  description: 'A receiver at user level with SN = 0 and ON = 1 always has a notification on its way.',
  check({ after: s }) {
    for (let r = 0; r < s.upids.length; r++) {
      const u = s.upids[r];
      const rc = s.receivers[r];
      if (u === undefined || rc === undefined || rc.phase !== 'user' || rc.cpu < 0 || u.sn || !u.on) continue;
      if (notificationOnItsWay(s, u)) continue;
      return `receiver ${r} runs at user level on CPU ${rc.cpu} with SN = 0 and ON = 1, but no notification (0x${u.nv.toString(16)} to CPU ${u.ndst}) is held, in flight or pending: ON is stuck, later sends notify no one (PIR ${vectors(u.pir)})`;
    }
    return null;
  },
};
