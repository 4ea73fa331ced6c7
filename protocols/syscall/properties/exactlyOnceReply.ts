/**
 * exactlyOnceReply (spec/controller.md §6, S1): a request id is executed at most once and
 * answered at most once. Judged per request instance (ghost): a `Complete` of an instance
 * already executed, or a `Reply` to one already answered, fails.
 */
import { agentName } from '../model/layout.ts';
import type { SyscallStepProperty } from './context.ts';

export const exactlyOnceReply: SyscallStepProperty = {
  id: 'exactlyOnceReply',
  protocol: 'syscall',
  kind: 'step',
  on: 'syscallStep',
  judgesRejected: false,
  spec: 'controller.md §6 IPC',
  description: 'A request id is executed at most once and answered at most once.',
  check(ctx) {
    const { event, outcome, ghost, cfg } = ctx;
    if (outcome.kind !== 'accepted' || (event.type !== 'Complete' && event.type !== 'Reply')) return null;
    const inst = ghost.held[event.a];
    if (inst === undefined) return null;
    const what = `request ${inst.req} of ${agentName(cfg, inst.requester)} (instance #${inst.id})`;
    if (event.type === 'Complete' && inst.executions >= 1)
      return `${agentName(cfg, event.a)} executes ${what} again: it was executed ${inst.executions} time(s) already`;
    if (event.type === 'Reply' && inst.replies >= 1)
      return `${agentName(cfg, event.a)} answers ${what} again: it was answered ${inst.replies} time(s) already`;
    return null;
  },
};
