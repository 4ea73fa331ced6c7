/**
 * publishBeforeSignal (spec/controller.md §6, S7, rule 1): no IPC_SEND for a request happens
 * before its slot is SUBMITTED, and no dispatcher reads a slot that is FILLING (a `Take` finds
 * its slot SUBMITTED — or, when a racing dispatcher took it, TAKEN — never FILLING or FREE).
 */
import { agentName, layoutOf, SERVICE_TYPE } from '../model/layout.ts';
import type { SyscallStepProperty } from './context.ts';
import { callerSlot, describeSlot, describeSlotCode, slotAt } from './words.ts';

export const publishBeforeSignal: SyscallStepProperty = {
  id: 'publishBeforeSignal',
  protocol: 'syscall',
  kind: 'step',
  on: 'syscallStep',
  judgesRejected: false,
  spec: 'controller.md §6 IPC',
  description:
    'No IPC_SEND for a request happens before its slot is SUBMITTED, and no dispatcher reads a FILLING slot.',
  check(ctx) {
    const { cfg, event, outcome, before, after } = ctx;
    if (outcome.kind !== 'accepted' || !('a' in event)) return null;
    const a = outcome.access;
    const kind = layoutOf(cfg).agents[event.a]?.kind;
    if (kind === 'caller' && a !== null && a.type === 'IpcSend' && a.ipcType === SERVICE_TYPE) {
      const slot = callerSlot(cfg, before, event.a);
      if (slot === undefined || slot.state === 'FILLING' || slot.state === 'FREE')
        return `${agentName(cfg, event.a)} sent its IPC while its slot was ${describeSlot(cfg, slot)} (not yet SUBMITTED)`;
    }
    if (event.type === 'Take') {
      const code = after.agents[event.a]?.slot ?? -1;
      if (code < 0 || (before.agents[event.a]?.slot ?? -1) >= 0) return null;
      const slot = slotAt(cfg, before, code);
      if (slot === undefined || slot.state === 'FILLING' || slot.state === 'FREE')
        return `${agentName(cfg, event.a)} took ${describeSlotCode(cfg, code)} while it was ${describeSlot(cfg, slot)}`;
    }
    return null;
  },
};
