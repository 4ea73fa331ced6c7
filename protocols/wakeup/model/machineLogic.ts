/**
 * The wakeup statechart's named guards and actions as XState implementations: each is a guard of
 * guards.ts or an action of actions.ts applied to the machine's context and event, plus the few
 * guards that tie a parallel region (one hart, one task) to the event (`forHart`, `nextFreeIs`,
 * `dequeueGives`, `holdsTask`). `machine.ts` wires them into states.
 */

import { machineKit, type StepMachineAction, type StepMachineContext } from '../../../model/machineKit.ts';
import type { Config } from '../../controller/model/config/config.ts';
import * as A from './actions.ts';
import type { PollOutcomeKind, SystemEvent } from './events.ts';
import * as G from './guards.ts';
import type { Accepted } from './result.ts';
import { dequeueHead, fetchable, lowestFreeTask, type SystemState } from './state.ts';

/** The machine's context: the configuration, the system state, and its bookkeeping of accepted steps. */
export type SystemContext = StepMachineContext<SystemState, Accepted>;

/** What a guard or an action of the machine is given. */
type Args = { readonly context: SystemContext; readonly event: SystemEvent };

const { on, update } = machineKit<SystemState, SystemEvent, Accepted>('wakeup');

/** The hart event `event` (any hart event type). */
function hartEv(event: SystemEvent) {
  if ('hart' in event) return event;
  throw new Error(`wakeup machine: ${event.type} is not a hart event`);
}

/** A guard of guards.ts on any hart event. */
function onHart(g: (cfg: Config, s: SystemState, e: ReturnType<typeof hartEv>) => boolean) {
  return ({ context, event }: Args) => 'hart' in event && g(context.cfg, context.state, hartEv(event));
}

/** Every guard of the machine by name. */
export const MACHINE_GUARDS = {
  lineExists: on('Irq', G.lineExists),
  processExists: ({ context, event }: Args) =>
    'p' in event && G.processExists(context.cfg, context.state, event),
  statusChanges: on('StatusWrite', G.statusChanges),
  noHartLeftOn: on('StatusWrite', G.noHartLeftOn),
  spawnInRange: on('Spawn', G.spawnInRange),
  poolHasFreeId: ({ context }: Args) => G.poolHasFreeId(context.cfg, context.state),
  spawnFits: on('Spawn', G.spawnFits),
  hartExists: onHart(G.hartExists),
  hartHoldsNoTask: onHart(G.hartHoldsNoTask),
  switchTargetRunnable: on('HartSwitch', G.switchTargetRunnable),
  hartFetching: onHart(G.hartFetching),
  hartRunning: onHart(G.hartRunning),
  hartReturning: onHart(G.hartReturning),
  fetchFindsTask: on('HartFetch', G.fetchFindsTask),
  outcomeAllowed: on('HartPoll', G.outcomeAllowed),
  outcomeIs: ({ context, event }: Args, params: { readonly kind: PollOutcomeKind }) =>
    event.type === 'HartPoll' && G.outcomeIs(context.cfg, context.state, event, params.kind),
  returnEnqueues: on('HartReturn', G.returnEnqueues),
  /** The event is about this region's hart. */
  forHart: ({ event }: Args, params: { readonly hart: number }) =>
    'hart' in event && event.hart === params.hart,
  /** The next spawn takes this region's task id. */
  nextFreeIs: ({ context }: Args, params: { readonly task: bigint }) =>
    lowestFreeTask(context.state) === params.task,
  /** The hart's DEQUEUE returns this region's task, and the executor may run it. */
  dequeueGives: ({ context, event }: Args, params: { readonly task: bigint }) => {
    const p = 'hart' in event ? (context.state.harts[event.hart]?.p ?? -1) : -1;
    return (
      dequeueHead(context.cfg, context.state, p) === params.task && fetchable(context.state, p, params.task)
    );
  },
  /** The hart holds this region's task. */
  holdsTask: ({ context, event }: Args, params: { readonly task: bigint }) =>
    'hart' in event && context.state.harts[event.hart]?.task === params.task,
};

/** Every action of the machine by name: exactly the actions of actions.ts. */
export const MACHINE_ACTIONS = {
  interrupt: update('Irq', A.interrupt),
  writeStatus: update('StatusWrite', A.writeStatus),
  spawn: update('Spawn', A.spawn),
  switchHart: update('HartSwitch', A.switchHart),
  parkHart: update('HartPark', A.parkHart),
  fetch: update('HartFetch', A.fetch),
  pollYield: update('HartPoll', A.pollYield),
  pollBlock: update('HartPoll', A.pollBlock),
  pollHandled: update('HartPoll', A.pollHandled),
  pollFinish: update('HartPoll', A.pollFinish),
  returnEnqueue: update('HartReturn', A.returnEnqueue),
  returnRegister: update('HartReturn', A.returnRegister),
} as const satisfies Record<keyof typeof A, StepMachineAction<SystemState, SystemEvent, Accepted>>;
