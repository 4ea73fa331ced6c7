/**
 * boundedRing (spec/controller.md §6, S4, rule 5): `0 ≤ tail − head ≤ R` (modular), and only
 * FREE slots are ever written: a slot that becomes FILLING in a step was FREE before it.
 */
import { agentName } from '../model/layout.ts';
import { used } from '../model/state.ts';
import type { SyscallStepProperty } from './context.ts';
import { describeSlot } from './words.ts';

export const boundedRing: SyscallStepProperty = {
  id: 'boundedRing',
  protocol: 'syscall',
  kind: 'invariant',
  on: 'syscallStep',
  judgesRejected: false,
  spec: 'controller.md §6 IPC',
  description: 'Every ring holds 0..R requests (tail − head modulo), and only FREE slots are written.',
  check(ctx) {
    const { cfg, before, after } = ctx;
    if (ctx.outcome.kind !== 'accepted') return null;
    const R = cfg.ringSlots;
    for (let p = 0; p < after.rings.length; p++) {
      const ra = after.rings[p];
      const rb = before.rings[p];
      if (ra === undefined || ra === rb) continue;
      const n = used(ra, R);
      if (n > R)
        return `ring ${p} holds ${n} requests (head ${ra.head}, tail ${ra.tail} modulo ${2 * R}), more than R = ${R}`;
      for (let i = 0; i < R; i++) {
        const sa = ra.slots[i];
        const sb = rb?.slots[i];
        if (sa === undefined || sa.state !== 'FILLING' || sb === undefined || sb.state === 'FREE') continue;
        if (sb.state === 'FILLING' && sb.req === sa.req && sb.requester === sa.requester) continue;
        return `${agentName(cfg, sa.requester)} wrote ring ${p} slot ${i}, which was not FREE but ${describeSlot(cfg, sb)}`;
      }
    }
    return null;
  },
};
