/**
 * Syscall states and events in domain words, for violation messages.
 */
import type { Config } from '../../controller/model/config/config.ts';
import { agentName, layoutOf } from '../model/layout.ts';
import type { Slot, SyscallState } from '../model/state.ts';

/** `p1.caller0 (awaiting request 2 in slot 0)`. */
export function describeAgent(cfg: Config, s: SyscallState, a: number): string {
  const x = s.agents[a];
  if (x === undefined) return agentName(cfg, a);
  const info = layoutOf(cfg).agents[a];
  const extra =
    info?.kind === 'caller'
      ? x.phase === 'idle'
        ? ''
        : `, request ${x.req} in slot ${x.slot}`
      : x.slot >= 0
        ? `, holding ${describeSlotCode(cfg, x.slot)}`
        : '';
  return `${agentName(cfg, a)} (${x.phase}${extra})`;
}

/** `ring 1 slot 0`. */
export function describeSlotCode(cfg: Config, code: number): string {
  return `ring ${Math.floor(code / cfg.ringSlots)} slot ${code % cfg.ringSlots}`;
}

/** `SUBMITTED request 1 of p1.caller0 for process 0`. */
export function describeSlot(cfg: Config, slot: Slot | undefined): string {
  if (slot === undefined) return 'no slot';
  if (slot.state === 'FREE') return 'FREE';
  return `${slot.state} request ${slot.req} of ${agentName(cfg, slot.requester)} for process ${slot.target}`;
}

/** Slot `code` (`ring * R + index`) of `s`. */
export function slotAt(cfg: Config, s: SyscallState, code: number): Slot | undefined {
  return s.rings[Math.floor(code / cfg.ringSlots)]?.slots[code % cfg.ringSlots];
}

/** The slot of caller a in its own ring. */
export function callerSlot(cfg: Config, s: SyscallState, a: number): Slot | undefined {
  const p = layoutOf(cfg).agents[a]?.p ?? -1;
  return s.rings[p]?.slots[s.agents[a]?.slot ?? -1];
}
