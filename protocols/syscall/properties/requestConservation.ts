/**
 * requestConservation (spec/controller.md §6, S3): every submitted request is in exactly one of
 * SUBMITTED, TAKEN, DONE awaiting its caller, or consumed. After each step, every outstanding
 * call (a caller past `Call` and before `Read`) finds its own request in its slot (FILLING before
 * publication, then SUBMITTED, TAKEN or DONE), and every submitted instance the ghost knows is
 * still there unless its caller consumed it in this step.
 */
import type { Config } from '../../controller/model/config/config.ts';
import { agentName, layoutOf } from '../model/layout.ts';
import type { SyscallState } from '../model/state.ts';
import type { SyscallStepProperty } from './context.ts';
import { callerSlot, describeSlot } from './words.ts';

const LIVE = new Set(['SUBMITTED', 'TAKEN', 'DONE']);

/** The first outstanding call whose request is not in its slot, as a message, or null. */
export function lostCall(cfg: Config, s: SyscallState): string | null {
  const l = layoutOf(cfg);
  for (let a = 0; a < s.agents.length; a++) {
    const x = s.agents[a];
    if (x === undefined || l.agents[a]?.kind !== 'caller' || x.phase === 'idle') continue;
    const slot = callerSlot(cfg, s, a);
    const ok = slot !== undefined && slot.state !== 'FREE' && slot.req === x.req && slot.requester === a;
    if (!ok)
      return `${agentName(cfg, a)} (${x.phase}) has request ${x.req} outstanding in slot ${x.slot}, which holds ${describeSlot(cfg, slot)}`;
  }
  return null;
}

export const requestConservation: SyscallStepProperty = {
  id: 'requestConservation',
  protocol: 'syscall',
  kind: 'invariant',
  on: 'syscallStep',
  judgesRejected: false,
  spec: 'controller.md §6 IPC',
  description:
    'Every submitted request is in exactly one of SUBMITTED, TAKEN, DONE awaiting its caller, or consumed.',
  check(ctx) {
    const { cfg, after, ghost, event } = ctx;
    if (ctx.outcome.kind !== 'accepted') return null;
    const lost = lostCall(cfg, after);
    if (lost !== null) return lost;
    const R = cfg.ringSlots;
    for (const inst of ghost.bySlot) {
      if (inst === undefined) continue;
      if (event.type === 'Read' && event.a === inst.requester) continue;
      const slot = after.rings[inst.p]?.slots[inst.slot];
      if (
        slot === undefined ||
        !LIVE.has(slot.state) ||
        slot.req !== inst.req ||
        slot.requester !== inst.requester
      )
        return `request ${inst.req} of ${agentName(cfg, inst.requester)} (instance #${inst.id}) vanished from ring ${inst.p} slot ${inst.slot % R}, which now holds ${describeSlot(cfg, slot)}`;
    }
    return null;
  },
};
