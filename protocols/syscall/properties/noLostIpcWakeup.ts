/**
 * noLostIpcWakeup (spec/controller.md §6, S5): once the IPC_SEND for a SUBMITTED request has
 * happened (its caller has sent: it is awaiting, woken or reading), some service dispatcher of
 * the target is ready (in a ready queue of the target), running, or the target's type-0 pending
 * count is positive — until the request is TAKEN; likewise, once the reply for a DONE request was
 * sent (no dispatcher holds it any more) while its caller still awaits, the caller's reply
 * dispatcher is ready or running, or the caller's type-1 pending count is positive.
 */
import type { Config } from '../../controller/model/config/config.ts';
import { agentName, layoutOf, REPLY_TYPE, SERVICE_TYPE } from '../model/layout.ts';
import type { SyscallState } from '../model/state.ts';
import type { SyscallStepProperty } from './context.ts';

/** Some dispatcher among `agents` of process p is running or ready, or p's pending count of `type` is positive. */
function wakePending(
  cfg: Config,
  s: SyscallState,
  p: number,
  agents: readonly number[],
  type: number,
): boolean {
  if ((s.ctrl.ipcPending[p * cfg.ipcTypes + type] ?? 0) > 0) return true;
  const l = layoutOf(cfg);
  for (const a of agents) {
    if (s.agents[a]?.phase === 'running') return true;
    const task = l.agents[a]?.task ?? 0n;
    for (let k = 0; k < cfg.priorities; k++)
      if (s.ctrl.ready[p * cfg.priorities + k]?.includes(task)) return true;
  }
  return false;
}

const SENT = new Set(['awaiting', 'woken', 'reading']);

export const noLostIpcWakeup: SyscallStepProperty = {
  id: 'noLostIpcWakeup',
  protocol: 'syscall',
  kind: 'invariant',
  on: 'syscallStep',
  judgesRejected: false,
  spec: 'controller.md §6 IPC',
  description:
    'A sent request (or reply) always has a dispatcher of its type ready or running, or a pending count, until it is taken (or its caller woken).',
  check(ctx) {
    const { cfg, after } = ctx;
    if (ctx.outcome.kind !== 'accepted') return null;
    const l = layoutOf(cfg);
    for (let p = 0; p < after.rings.length; p++) {
      for (const slot of after.rings[p]?.slots ?? []) {
        if (slot.state !== 'SUBMITTED' || !SENT.has(after.agents[slot.requester]?.phase ?? 'idle')) continue;
        const q = slot.target;
        if (!wakePending(cfg, after, q, l.services[q] ?? [], SERVICE_TYPE))
          return `request ${slot.req} of ${agentName(cfg, slot.requester)} was sent to process ${q} and is still SUBMITTED, but no dispatcher of process ${q} is ready or running and ipcPending[${q}][${SERVICE_TYPE}] = 0`;
      }
    }
    const held = new Set<number>();
    for (const x of after.agents) if (x.phase === 'running' && x.slot >= 0) held.add(x.slot);
    for (let p = 0; p < cfg.processes; p++) {
      const r = l.reply[p] ?? -1;
      if (r < 0) continue;
      for (const c of l.callers[p] ?? []) {
        const x = after.agents[c];
        const slot = after.rings[p]?.slots[x?.slot ?? -1];
        if (x?.phase !== 'awaiting' || slot?.state !== 'DONE' || held.has(p * cfg.ringSlots + x.slot))
          continue;
        if (!wakePending(cfg, after, p, [r], REPLY_TYPE))
          return `the reply to request ${x.req} of ${agentName(cfg, c)} was sent, but ${agentName(cfg, r)} is neither ready nor running and ipcPending[${p}][${REPLY_TYPE}] = 0`;
      }
    }
    return null;
  },
};
