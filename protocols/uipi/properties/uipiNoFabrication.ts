/**
 * U2 (research §4.1, §1.10): no delivery is fabricated — a delivery of v needs a send of v not yet
 * matched by an earlier delivery (deliveries(v) ≤ sends(v)). A reading of the spec: "sent since
 * its last delivery" is too strong for the hardware itself, where v can sit in UIRR and, from a
 * later send, in PIR at once and is then rightly delivered twice; counting keeps the intent.
 */
import type { UipiStepProperty } from './context.ts';

export const uipiNoFabrication: UipiStepProperty = {
  id: 'uipiNoFabrication',
  protocol: 'uipi',
  kind: 'step',
  on: 'uipiStep',
  judgesRejected: false,
  spec: 'uipi.md §2 Guarantees (U2)',
  description: 'A vector is delivered no more often than it was sent (no fabricated delivery).',
  check({ cfg, event, after, creditBefore }) {
    if (event.type !== 'Deliver') return null;
    const v = after.receivers[event.receiver]?.hvec ?? -1;
    if (v < 0) return `receiver ${event.receiver}: a delivery entered no handler`;
    if ((creditBefore[event.receiver * cfg.vectors + v] ?? 0) > 0) return null;
    return `receiver ${event.receiver}: vector ${v} delivered more often than it was sent (every send already had its delivery)`;
  },
};
