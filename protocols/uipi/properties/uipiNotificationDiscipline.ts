/**
 * U10 (research §4.1): a SENDUIPI decides to notify only when it saw SN = 0 and set ON from 0 to
 * 1, and then sends exactly that notification (NV to NDST) after its lock; no other step puts an
 * IPI in flight (the kernel's self-IPIs go straight to the CPU's own APIC and are exempt).
 */
import { ipi, uittBinding } from '../model/state.ts';
import type { UipiStepProperty } from './context.ts';

export const uipiNotificationDiscipline: UipiStepProperty = {
  id: 'uipiNotificationDiscipline',
  protocol: 'uipi',
  kind: 'step',
  on: 'uipiStep',
  judgesRejected: false,
  spec: 'uipi.md §2 Guarantees (U10)',
  description: 'A notification is sent only by a SENDUIPI that saw SN = 0 and set ON from 0 to 1.',
  check({ cfg, event, before, after }) {
    for (let sd = 0; sd < after.senders.length; sd++) {
      const now = after.senders[sd]?.held ?? -1;
      if (now < 0 || now === (before.senders[sd]?.held ?? -1)) continue;
      if (event.type !== 'Send' || event.sender !== sd)
        return `sender ${sd} came to hold a notification outside its SENDUIPI`;
      const { target } = uittBinding(cfg, event.sender, event.index);
      const b = before.upids[target];
      if (b === undefined) return `sender ${sd} notifies a receiver that does not exist`;
      if (b.sn) return `sender ${sd} notifies receiver ${target} although its UPID has SN = 1`;
      if (b.on)
        return `sender ${sd} notifies receiver ${target} although ON was already 1 (two notifications outstanding)`;
      if (after.upids[target]?.on !== true)
        return `sender ${sd} notifies receiver ${target} without setting ON`;
      if (now !== ipi(b.ndst, b.nv))
        return `sender ${sd}'s notification is not NV to NDST of receiver ${target}'s UPID`;
    }
    const grew = after.inflight.length - before.inflight.length;
    if (grew <= 0) return null;
    if (event.type !== 'SendIpi')
      return `${event.type} put ${grew} IPI(s) in flight; only a sender's SendIpi may`;
    const held = before.senders[event.sender]?.held ?? -1;
    if (held < 0)
      return `sender ${event.sender} sent a notification it had not decided on under the UPID lock`;
    if (grew > 1 || !after.inflight.includes(held))
      return `sender ${event.sender} sent something other than the notification it decided on`;
    return null;
  },
};
