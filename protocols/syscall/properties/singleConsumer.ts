/**
 * singleConsumer (spec/controller.md §6, S6, rule 2): a slot is TAKEN by at most one
 * dispatcher: no two service dispatchers hold the same slot before completing it.
 */
import { agentName } from '../model/layout.ts';
import type { SyscallStepProperty } from './context.ts';
import { describeSlotCode } from './words.ts';

export const singleConsumer: SyscallStepProperty = {
  id: 'singleConsumer',
  protocol: 'syscall',
  kind: 'invariant',
  on: 'syscallStep',
  judgesRejected: false,
  spec: 'controller.md §6 IPC',
  description: 'A slot is TAKEN by at most one dispatcher.',
  check(ctx) {
    const { cfg, after } = ctx;
    if (ctx.outcome.kind !== 'accepted') return null;
    const holder = new Map<number, number>();
    for (let a = 0; a < after.agents.length; a++) {
      const code = after.agents[a]?.slot ?? -1;
      const x = after.agents[a];
      if (x === undefined || code < 0 || x.phase === 'idle' || x.phase === 'filling') continue;
      if (x.phase !== 'running' && x.phase !== 'returning') continue;
      // A dispatcher that completed its request (req 1) owes only the reply: the caller may
      // already have read and freed the slot, and another request may be TAKEN there.
      if (x.req !== 0) continue;
      const other = holder.get(code);
      if (other !== undefined)
        return `${agentName(cfg, other)} and ${agentName(cfg, a)} both hold ${describeSlotCode(cfg, code)}`;
      holder.set(code, a);
    }
    return null;
  },
};
