/**
 * The syscall statechart's named guards and actions as XState implementations: each is a guard
 * of guards.ts or an action of actions.ts applied to the machine's context and event, plus the
 * guards that tie one agent's region to the event (`forAgent`, `fetchGives`, `wakeGives`).
 */

import { machineKit, type StepMachineAction, type StepMachineContext } from '../../../model/machineKit.ts';
import type { Config } from '../../controller/model/config/config.ts';
import * as A from './actions.ts';
import type { AgentEvent, SyscallEvent } from './events.ts';
import * as G from './guards.ts';
import { type AgentKind, layoutOf } from './layout.ts';
import type { SyscallAccepted } from './result.ts';
import type { AgentPhase, SyscallState } from './state.ts';

/** The machine's context: the configuration, the state, and its bookkeeping of accepted steps. */
export type SyscallContext = StepMachineContext<SyscallState, SyscallAccepted>;

type Args = { readonly context: SyscallContext; readonly event: SyscallEvent };

const { update } = machineKit<SyscallState, SyscallEvent, SyscallAccepted>('syscall');

const isAgentEvent = (e: SyscallEvent): e is AgentEvent => 'a' in e;

function onAgent(g: (cfg: Config, s: SyscallState, e: AgentEvent) => boolean) {
  return ({ context, event }: Args) => isAgentEvent(event) && g(context.cfg, context.state, event);
}

/** The head DEQUEUE of p would return, 0n when nothing is ready. */
function dequeueHead(cfg: Config, s: SyscallState, p: number): bigint {
  for (let k = 0; k < cfg.priorities; k++) {
    const q = s.ctrl.ready[p * cfg.priorities + k];
    if (q !== undefined && q.length > 0) return q[0] ?? 0n;
  }
  return 0n;
}

export const MACHINE_GUARDS = {
  processExists: ({ context, event }: Args) =>
    (event.type === 'StatusWrite' || event.type === 'Fetch') &&
    G.processExists(context.cfg, context.state, event),
  statusChanges: ({ context, event }: Args) =>
    event.type === 'StatusWrite' && G.statusChanges(context.cfg, context.state, event),
  processIdle: ({ context, event }: Args) =>
    event.type === 'StatusWrite' && G.processIdle(context.cfg, context.state, event),
  processOnline: ({ context, event }: Args) =>
    event.type === 'Fetch' && G.processOnline(context.cfg, context.state, event),
  agentIs: ({ context, event }: Args, params: { readonly kind: AgentKind }) =>
    isAgentEvent(event) && G.agentIs(context.cfg, context.state, event, params.kind),
  inPhase: ({ context, event }: Args, params: { readonly phase: AgentPhase }) =>
    isAgentEvent(event) && G.inPhase(context.cfg, context.state, event, params.phase),
  callerOnline: onAgent(G.callerOnline),
  targetServed: ({ context, event }: Args) =>
    event.type === 'Call' && G.targetServed(context.cfg, context.state, event),
  ringHasRoom: onAgent(G.ringHasRoom),
  holdsNothing: onAgent(G.holdsNothing),
  workToTake: onAgent(G.workToTake),
  holdsIn: ({ context, event }: Args, params: { readonly state: 'TAKEN' | 'DONE' }) =>
    isAgentEvent(event) && G.holdsIn(context.cfg, context.state, event, params.state),
  workToWake: onAgent(G.workToWake),
  slotDone: onAgent(G.slotDone),
  noWorkLeft: onAgent(G.noWorkLeft),
  /** The event is about this region's agent. */
  forAgent: ({ event }: Args, params: { readonly a: number }) => isAgentEvent(event) && event.a === params.a,
  /** The Fetch is accepted and its DEQUEUE returns this region's agent, which may start. */
  fetchGives: ({ context, event }: Args, params: { readonly a: number; readonly from: AgentPhase }) => {
    if (event.type !== 'Fetch') return false;
    const { cfg, state } = context;
    const info = layoutOf(cfg).agents[params.a];
    return (
      G.processExists(cfg, state, event) &&
      G.processOnline(cfg, state, event) &&
      info !== undefined &&
      info.p === event.p &&
      dequeueHead(cfg, state, event.p) === info.task &&
      state.agents[params.a]?.phase === params.from
    );
  },
  /** The Wake is accepted and wakes this region's caller. */
  wakeGives: ({ context, event }: Args, params: { readonly a: number }) => {
    if (event.type !== 'Wake') return false;
    const { cfg, state } = context;
    const p = layoutOf(cfg).agents[event.a]?.p ?? -1;
    return (
      G.agentIs(cfg, state, event, 'reply') &&
      G.inPhase(cfg, state, event, 'running') &&
      G.wakeableIn(cfg, state, p) === params.a
    );
  },
};

/** Every action of the machine by name: exactly the actions of actions.ts. */
export const MACHINE_ACTIONS = {
  writeStatus: update('StatusWrite', A.writeStatus),
  fetch: update('Fetch', A.fetch),
  call: update('Call', A.call),
  publish: update('Publish', A.publish),
  signal: update('Signal', A.signal),
  read: update('Read', A.read),
  take: update('Take', A.take),
  complete: update('Complete', A.complete),
  reply: update('Reply', A.reply),
  wake: update('Wake', A.wake),
  park: update('Park', A.park),
  ret: update('Return', A.ret),
} as const satisfies Record<
  Exclude<keyof typeof A, 'freshRequestId'>,
  StepMachineAction<SyscallState, SyscallEvent, SyscallAccepted>
>;
