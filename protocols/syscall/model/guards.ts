/**
 * The syscall system's named guards: each decides whether one event is possible in a state.
 * `step`, `enabled` and the XState machine call exactly these functions. A guard may assume the
 * guards `step` checks before it hold (indices in range, the right role and phase).
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { StatusWrite } from '../../controller/model/events.ts';
import type { AgentEvent, Call, Fetch } from './events.ts';
import { type AgentKind, layoutOf } from './layout.ts';
import { type AgentPhase, inRange, type SyscallState, used } from './state.ts';

/** Phases in which a coroutine is on a hart (or owes its hart a return action). */
const BUSY: ReadonlySet<AgentPhase> = new Set(['filling', 'submitted', 'reading', 'running', 'returning']);

/** The event names one of the N processes. */
export function processExists(cfg: Config, _s: SyscallState, e: StatusWrite | Fetch): boolean {
  return inRange(e.p, cfg.processes);
}

/** The kernel writes STATUS only with 0 or 1, and only to change the bit. */
export function statusChanges(_cfg: Config, s: SyscallState, e: StatusWrite): boolean {
  return (e.data === 0n || e.data === 1n) && (s.ctrl.online[e.p] === true) !== (e.data === 1n);
}

/** A process goes offline only when none of its coroutines is on a hart (the kernel deschedules first). */
export function processIdle(cfg: Config, s: SyscallState, e: StatusWrite): boolean {
  if (e.data === 1n) return true;
  return layoutOf(cfg).agents.every((x, a) => x.p !== e.p || !BUSY.has(s.agents[a]?.phase ?? 'idle'));
}

/** The process is online (harts run online processes only). */
export function processOnline(_cfg: Config, s: SyscallState, e: Fetch): boolean {
  return s.ctrl.online[e.p] === true;
}

/** The event names an agent of role `kind`. */
export function agentIs(cfg: Config, _s: SyscallState, e: AgentEvent, kind: AgentKind): boolean {
  return layoutOf(cfg).agents[e.a]?.kind === kind;
}

/** The agent is in `phase`. */
export function inPhase(_cfg: Config, s: SyscallState, e: AgentEvent, phase: AgentPhase): boolean {
  return s.agents[e.a]?.phase === phase;
}

/** The caller's process is online. */
export function callerOnline(cfg: Config, s: SyscallState, e: AgentEvent): boolean {
  const p = layoutOf(cfg).agents[e.a]?.p ?? -1;
  return s.ctrl.online[p] === true;
}

/** The call names a process with service dispatchers. */
export function targetServed(cfg: Config, _s: SyscallState, e: Call): boolean {
  return layoutOf(cfg).targets.includes(e.target);
}

/** The caller's ring has a FREE slot at its tail (rule 5: else the caller waits). */
export function ringHasRoom(cfg: Config, s: SyscallState, e: AgentEvent): boolean {
  const ring = s.rings[layoutOf(cfg).agents[e.a]?.p ?? -1];
  return ring !== undefined && used(ring, cfg.ringSlots) < cfg.ringSlots;
}

/** The oldest SUBMITTED slot for process q, scanning rings 0..N−1 from head to tail, as `ring * R + index`; -1 when none. */
export function submittedFor(cfg: Config, s: SyscallState, q: number): number {
  const R = cfg.ringSlots;
  for (let p = 0; p < s.rings.length; p++) {
    const ring = s.rings[p];
    if (ring === undefined) continue;
    const n = used(ring, R);
    for (let j = 0; j < n; j++) {
      const i = (ring.head + j) % R;
      const slot = ring.slots[i];
      if (slot !== undefined && slot.state === 'SUBMITTED' && slot.target === q) return p * R + i;
    }
  }
  return -1;
}

/** The first awaiting caller of process p whose request is DONE in its slot, or -1. */
export function wakeableIn(cfg: Config, s: SyscallState, p: number): number {
  const ring = s.rings[p];
  for (const c of layoutOf(cfg).callers[p] ?? []) {
    const x = s.agents[c];
    if (x === undefined || x.phase !== 'awaiting') continue;
    const slot = ring?.slots[x.slot];
    if (slot !== undefined && slot.state === 'DONE' && slot.req === x.req && slot.requester === c) return c;
  }
  return -1;
}

/** A SUBMITTED slot waits for this service dispatcher's process. */
export function workToTake(cfg: Config, s: SyscallState, e: AgentEvent): boolean {
  return submittedFor(cfg, s, layoutOf(cfg).agents[e.a]?.p ?? -1) >= 0;
}

/** The service dispatcher holds no slot (it may take one, or park). */
export function holdsNothing(_cfg: Config, s: SyscallState, e: AgentEvent): boolean {
  return (s.agents[e.a]?.slot ?? -1) < 0;
}

/**
 * The service dispatcher holds a slot it has yet to complete (`TAKEN`) or has completed and owes
 * the reply for (`DONE`). Decided by its own record: once it completed a request, its caller may
 * read and free the slot before the reply is sent (the reply dispatcher wakes on DONE).
 */
export function holdsIn(_cfg: Config, s: SyscallState, e: AgentEvent, state: 'TAKEN' | 'DONE'): boolean {
  const x = s.agents[e.a];
  return x !== undefined && x.slot >= 0 && x.req === (state === 'DONE' ? 1 : 0);
}

/** An awaiting caller of the reply dispatcher's process has its request DONE. */
export function workToWake(cfg: Config, s: SyscallState, e: AgentEvent): boolean {
  return wakeableIn(cfg, s, layoutOf(cfg).agents[e.a]?.p ?? -1) >= 0;
}

/** The running dispatcher has nothing left: a service holds no slot and finds none to take; a reply dispatcher finds no one to wake. */
export function noWorkLeft(cfg: Config, s: SyscallState, e: AgentEvent): boolean {
  const kind = layoutOf(cfg).agents[e.a]?.kind;
  if (kind === 'service') return holdsNothing(cfg, s, e) && !workToTake(cfg, s, e);
  return !workToWake(cfg, s, e);
}

/** The caller's own slot is DONE already (it reads at once instead of parking). */
export function slotDone(cfg: Config, s: SyscallState, e: AgentEvent): boolean {
  const x = s.agents[e.a];
  const p = layoutOf(cfg).agents[e.a]?.p ?? -1;
  return x !== undefined && s.rings[p]?.slots[x.slot]?.state === 'DONE';
}
