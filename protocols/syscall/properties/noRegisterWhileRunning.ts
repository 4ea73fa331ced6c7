/**
 * The syscall protocol's noRegisterWhileRunning (spec/controller.md §6, §4.2 rule 3): a task
 * writes its own registration only as its return action. Registered as
 * `syscallNoRegisterWhileRunning`: property ids are unique across protocols and the wakeup
 * protocol's property of the same spec id is evaluated on wakeup steps; this one judges syscall
 * steps: an IPC_REGISTER is performed only by the `Return` of the dispatcher it registers, which
 * was `returning` (no longer running) and is not running after it either.
 */
import { agentName, agentOfTask } from '../model/layout.ts';
import type { SyscallStepProperty } from './context.ts';

export const syscallNoRegisterWhileRunning: SyscallStepProperty = {
  id: 'syscallNoRegisterWhileRunning',
  protocol: 'syscall',
  kind: 'step',
  on: 'syscallStep',
  judgesRejected: false,
  spec: 'controller.md §4.2 rule 3',
  description:
    'A dispatcher writes its own IPC_REGISTER only as its return action, after its hart stopped running it.',
  check(ctx) {
    const { cfg, event, outcome, before, after } = ctx;
    if (outcome.kind !== 'accepted') return null;
    const a = outcome.access;
    if (a === null || (a.type !== 'IpcRegister' && a.type !== 'IrqRegister')) return null;
    const who = agentOfTask(cfg, a.task);
    const name = who >= 0 ? agentName(cfg, who) : `task 0x${a.task.toString(16)}`;
    if (before.agents[who]?.phase === 'running' || after.agents[who]?.phase === 'running')
      return `${event.type} wrote the registration of ${name} while it runs`;
    if (event.type !== 'Return' || event.a !== who)
      return `${event.type} wrote the registration of ${name}, which is not that dispatcher's return action`;
    if (before.agents[who]?.phase !== 'returning')
      return `${name} registered from phase ${before.agents[who]?.phase ?? '?'}, not as its return action`;
    return null;
  },
};
