/**
 * The syscall system's timeline adapter: per process (the kernel is process 0) a lane for the
 * process itself (STATUS writes, DEQUEUEs, IPC sends and registrations on its page), one per
 * coroutine of it (service dispatchers, reply dispatcher, callers: `p1.caller0`), and one for its
 * request ring. An agent's step goes on its own lane first, then on the process its register
 * access names, the rings it changed and the coroutines it moved; a `Fetch` goes on its process
 * and the coroutine the DEQUEUE set running. Rings and coroutines are read from the recorded
 * states, so a wrong wake marks the caller actually woken. The queue view is the controller's,
 * then every user ring's slots and every agent's phase. */

import { type LaneAdapter, laneId } from '../../../pictures/timeline/laneAdapter.ts';
import type { Lane, QueueRow } from '../../../pictures/timeline/timeline.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { controllerQueues } from '../../controller/pictures/controllerLanes.ts';
import { type AgentEvent, formatSyscallEvent, type SyscallEvent } from '../model/events.ts';
import { type AgentKind, agentName, layoutOf } from '../model/layout.ts';
import type { AgentState, Slot, SyscallState } from '../model/state.ts';
import { syscallChanges } from '../replay/formatSyscallReplay.ts';

const processLane = (p: number) => laneId('process', p);
const agentLane = (a: number) => laneId('agent', a);
const ringLane = (p: number) => laneId('ring', p);

/** Every lane of `cfg`, process by process: the process, its coroutines, its ring. */
function syscallLanes(cfg: Config): Lane[] {
  const l = layoutOf(cfg);
  const out: Lane[] = [];
  for (let p = 0; p < cfg.processes; p++) {
    out.push({ id: processLane(p), group: 'process', label: p === 0 ? 'kernel (p0)' : `process ${p}` });
    l.agents.forEach((x, a) => {
      if (x.p === p) out.push({ id: agentLane(a), group: 'agent', label: agentName(cfg, a) });
    });
    out.push({ id: ringLane(p), group: 'ring', label: `ring p${p}` });
  }
  return out;
}

/** The process whose ring holds the slot coded `ring * R + index`, or -1 for none. */
const ringOfSlot = (cfg: Config, code: number): number => (code < 0 ? -1 : Math.floor(code / cfg.ringSlots));

const sameSlot = (x: Slot | undefined, y: Slot | undefined): boolean =>
  x === y ||
  (x !== undefined &&
    y !== undefined &&
    x.state === y.state &&
    x.req === y.req &&
    x.requester === y.requester &&
    x.target === y.target &&
    x.arg === y.arg &&
    x.result === y.result);

/** The processes whose ring (indices or a slot) differs from `before` to `after`. */
function changedRings(before: SyscallState, after: SyscallState): number[] {
  const out: number[] = [];
  after.rings.forEach((r, p) => {
    const was = before.rings[p];
    if (was === r) return;
    if (
      was === undefined ||
      was.head !== r.head ||
      was.tail !== r.tail ||
      r.slots.some((x, i) => !sameSlot(x, was.slots[i]))
    )
      out.push(p);
  });
  return out;
}

/** The agents other than `self` whose phase differs from `before` to `after` (dequeued, woken). */
function movedAgents(before: SyscallState, after: SyscallState, self: number): number[] {
  const out: number[] = [];
  after.agents.forEach((x, a) => {
    if (a !== self && before.agents[a]?.phase !== x.phase) out.push(a);
  });
  return out;
}

/** The process an agent's register access names, read from the state before it (-1: none). */
function addressedProcess(cfg: Config, e: AgentEvent, before: SyscallState): number {
  const p = layoutOf(cfg).agents[e.a]?.p ?? -1;
  const x = before.agents[e.a];
  switch (e.type) {
    case 'Call':
      return e.target; // the request names it (the send comes later)
    case 'Signal':
      return x === undefined ? -1 : (before.rings[p]?.slots[x.slot]?.target ?? -1);
    case 'Reply':
      return ringOfSlot(cfg, x?.slot ?? -1);
    case 'Return':
      return p;
    case 'Publish':
    case 'Read':
    case 'Take':
    case 'Complete':
    case 'Wake':
    case 'Park':
      return -1;
  }
}

/**
 * The lanes of a syscall event (the first is its main lane): a STATUS write on its process; a
 * DEQUEUE on its process and the coroutine it set running; an agent's step on the agent, the
 * process its access names, the rings it changed and the coroutines it moved (a Wake's caller),
 * as the recorded states show them (so a wrong wake marks the caller actually woken).
 */
export function syscallEventLanes(
  cfg: Config,
  e: SyscallEvent,
  before: SyscallState,
  after: SyscallState,
): string[] {
  switch (e.type) {
    case 'StatusWrite':
      return [processLane(e.p)];
    case 'Fetch':
      return [processLane(e.p), ...movedAgents(before, after, -1).map(agentLane)];
    default: {
      const target = addressedProcess(cfg, e, before);
      return [
        agentLane(e.a),
        ...(target >= 0 ? [processLane(target)] : []),
        ...changedRings(before, after).map(ringLane),
        ...movedAgents(before, after, e.a).map(agentLane),
      ];
    }
  }
}

const showSlot = (cfg: Config, i: number, s: Slot): string =>
  s.state === 'FREE'
    ? `${i}: FREE`
    : `${i}: ${s.state} req ${s.req} of ${agentName(cfg, s.requester)} → p${s.target}${s.state === 'DONE' ? ` = ${s.result}` : ''}`;

/** An agent's record in words: a caller's slot is in its own ring; a service's in any ring, `req 1` meaning its reply is owed. */
function showAgent(cfg: Config, kind: AgentKind | undefined, x: AgentState): string[] {
  const items: string[] = [x.phase];
  if (kind === 'caller') {
    if (x.slot >= 0) items.push(`slot ${x.slot}`);
    if (x.req > 0) items.push(`req ${x.req}`);
  } else if (x.slot >= 0) {
    items.push(`slot ${x.slot % cfg.ringSlots} of ring p${ringOfSlot(cfg, x.slot)}`);
    if (x.req > 0) items.push('reply owed');
  }
  return items;
}

/** The queue view: the controller's rows, each user process's ring slots, each agent's phase. */
export function syscallQueues(cfg: Config, s: SyscallState): QueueRow[] {
  const rows = controllerQueues(cfg, s.ctrl);
  const l = layoutOf(cfg);
  s.rings.forEach((r, p) => {
    if ((l.callers[p]?.length ?? 0) === 0) return; // the kernel makes no calls: its ring stays empty
    rows.push({
      label: `ring p${p} (head ${r.head}, tail ${r.tail})`,
      items: r.slots.map((slot, i) => showSlot(cfg, i, slot)),
    });
  });
  s.agents.forEach((x, a) => {
    rows.push({ label: agentName(cfg, a), items: showAgent(cfg, l.agents[a]?.kind, x) });
  });
  return rows;
}

/** The syscall protocol's lanes, queues and changes. */
export const SYSCALL_LANES: LaneAdapter<SyscallEvent, SyscallState, Config> = {
  lanes: syscallLanes,
  eventLanes: syscallEventLanes,
  eventLabel: formatSyscallEvent,
  queues: syscallQueues,
  changes: syscallChanges,
};
