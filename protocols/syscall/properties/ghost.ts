/**
 * Ghost data of a syscall run: request *instances* (a request id is reused, an instance never
 * is), where each one is (its slot, the dispatchers holding it) and how often it was executed
 * and answered. Derived from the abstract states and the events only; never part of a state.
 */
import type { Config } from '../../controller/model/config/config.ts';
import { layoutOf } from '../model/layout.ts';
import type { SyscallState } from '../model/state.ts';
import type { SyscallStepContext } from './context.ts';

/** One submitted request. */
export interface RequestInstance {
  /** 1, 2, … in submission order. */
  readonly id: number;
  readonly p: number;
  readonly slot: number;
  readonly req: number;
  readonly requester: number;
  executions: number;
  replies: number;
}

export interface SyscallGhost {
  /** `bySlot[p * R + i]`: the submitted, not yet consumed instance in that slot. */
  readonly bySlot: readonly (RequestInstance | undefined)[];
  /** `held[a]`: the instance service dispatcher a took and has not yet answered. */
  readonly held: readonly (RequestInstance | undefined)[];
  readonly submitted: number;
  readonly consumed: number;
}

export interface MutableSyscallGhost extends SyscallGhost {
  bySlot: (RequestInstance | undefined)[];
  held: (RequestInstance | undefined)[];
  submitted: number;
  consumed: number;
}

export function initialSyscallGhost(cfg: Config, s: SyscallState): MutableSyscallGhost {
  return {
    bySlot: new Array(cfg.processes * cfg.ringSlots).fill(undefined),
    held: new Array(s.agents.length).fill(undefined),
    submitted: 0,
    consumed: 0,
  };
}

/** Moves the ghost past the accepted step `ctx` (after every property has seen it). */
export function advanceSyscallGhost(g: MutableSyscallGhost, ctx: SyscallStepContext): void {
  if (ctx.outcome.kind !== 'accepted') return;
  const { cfg, before, after, event } = ctx;
  const R = cfg.ringSlots;
  if (event.type === 'Read') {
    const p = layoutOf(cfg).agents[event.a]?.p ?? -1;
    const code = p * R + (before.agents[event.a]?.slot ?? 0);
    const inst = g.bySlot[code];
    if (inst !== undefined && inst.requester === event.a) {
      g.consumed++;
      g.bySlot[code] = undefined;
    }
  }
  for (let p = 0; p < after.rings.length; p++) {
    const ra = after.rings[p];
    const rb = before.rings[p];
    if (ra === undefined || rb === undefined || ra === rb) continue;
    for (let i = 0; i < R; i++) {
      const sa = ra.slots[i];
      const sb = rb.slots[i];
      if (sa === undefined || sb === undefined || sa === sb) continue;
      const code = p * R + i;
      if (sa.state === 'SUBMITTED' && sb.state !== 'SUBMITTED') {
        g.submitted++;
        g.bySlot[code] = {
          id: g.submitted,
          p,
          slot: i,
          req: sa.req,
          requester: sa.requester,
          executions: 0,
          replies: 0,
        };
      } else if (sa.state === 'FREE' || sa.state === 'FILLING') g.bySlot[code] = undefined;
    }
  }
  if (!('a' in event)) return;
  const a = event.a;
  if (event.type === 'Take') {
    const code = after.agents[a]?.slot ?? -1;
    if (code >= 0 && (before.agents[a]?.slot ?? -1) < 0) g.held[a] = g.bySlot[code];
  } else if (event.type === 'Complete') {
    const inst = g.held[a];
    if (inst !== undefined) inst.executions++;
  } else if (event.type === 'Reply') {
    const inst = g.held[a];
    if (inst !== undefined) inst.replies++;
    g.held[a] = undefined;
  }
}
