/**
 * replyRouting (spec/controller.md §6, S2, rule 4): a reply wakes only the coroutine that made
 * that request, in its process. A reply dispatcher's wake (ENQUEUE) must be of a caller of its
 * own process whose request is DONE under that caller's request id; and a caller resumed to read
 * must find its own request DONE in its slot (never another's result).
 */
import { agentName, agentOfTask, layoutOf } from '../model/layout.ts';
import type { SyscallStepProperty } from './context.ts';
import { callerSlot, describeSlot } from './words.ts';

export const replyRouting: SyscallStepProperty = {
  id: 'replyRouting',
  protocol: 'syscall',
  kind: 'step',
  on: 'syscallStep',
  judgesRejected: false,
  spec: 'controller.md §6 IPC',
  description: 'A reply wakes only the coroutine that made that request, in its process.',
  check(ctx) {
    const { cfg, event, outcome, before } = ctx;
    if (outcome.kind !== 'accepted') return null;
    if (event.type === 'Wake') {
      const a = outcome.access;
      if (a === null || a.type !== 'Enqueue') return null;
      const p = layoutOf(cfg).agents[event.a]?.p ?? -1;
      const c = agentOfTask(cfg, a.task);
      const info = layoutOf(cfg).agents[c];
      if (info === undefined || info.kind !== 'caller' || info.p !== p)
        return `${agentName(cfg, event.a)} woke task 0x${a.task.toString(16)}, which is not a caller of process ${p}`;
      const x = before.agents[c];
      const slot = callerSlot(cfg, before, c);
      if (
        x === undefined ||
        slot === undefined ||
        slot.state !== 'DONE' ||
        slot.req !== x.req ||
        slot.requester !== c
      )
        return `${agentName(cfg, event.a)} woke ${agentName(cfg, c)} (request ${x?.req ?? 0}), but its slot holds ${describeSlot(cfg, slot)}`;
      return null;
    }
    if (event.type === 'Read') {
      const x = before.agents[event.a];
      const slot = callerSlot(cfg, before, event.a);
      if (
        x === undefined ||
        slot === undefined ||
        slot.state !== 'DONE' ||
        slot.req !== x.req ||
        slot.requester !== event.a
      )
        return `${agentName(cfg, event.a)} resumed to read request ${x?.req ?? 0}, but its slot holds ${describeSlot(cfg, slot)}`;
    }
    return null;
  },
};
