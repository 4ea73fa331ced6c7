/**
 * The controller as an XState v5 statechart (spec/controller.md §4–§5): one state, and for every
 * event type the guarded self-transitions of {@link CONTROLLER_TRANSITIONS}, built from the same
 * named guards (guards.ts) and actions (actions.ts) as `step`. XState's pure
 * `transition(machine, snapshot, event)` gives the same state, observation and effects as
 * `step(cfg, state, event)`; test/protocols/controller/model/machineAgreement.test.ts checks it.
 */
import { type ActionFunction, assign, raise, setup } from 'xstate';
import * as A from './actions.ts';
import type { Config } from './config/config.ts';
import { type Operation, toOperation } from './decode.ts';
import { CONTROLLER_EVENT_TYPES, type ControllerEvent } from './events.ts';
import * as G from './guards.ts';
import {
  CONTROLLER_TRANSITIONS,
  type MachineActionName,
  type MachineGuardName,
} from './machineTransitions.ts';
import { ACK, type ControllerEffect, NO_EFFECTS, type Observation, type StepResult } from './result.ts';
import { type ControllerState, initialState } from './state.ts';

/** The machine's context: the configuration, the controller state, and what the last step returned. */
export type ControllerContext = {
  readonly cfg: Config;
  readonly state: ControllerState;
  readonly obs: Observation;
  readonly effects: readonly ControllerEffect[];
};

/** What a guard or an action of the machine is given. */
type Args = { readonly context: ControllerContext; readonly event: ControllerEvent };
/** The operation of type `K`. */
type OpOf<K extends Operation['type']> = Extract<Operation, { type: K }>;

/** The events the machine accepts: the shared vocabulary, register and operation level alike. */
export const MACHINE_EVENT_TYPES = CONTROLLER_EVENT_TYPES;

/** Whether `op` is one of `types` (a type guard, so no cast is needed). */
function isOp<K extends Operation['type']>(op: Operation, types: readonly K[]): op is OpOf<K> {
  return types.some((t) => t === op.type);
}

/** The operation `event` performs, which the transition being taken says is one of `types`. */
function op<K extends Operation['type']>({ context, event }: Args, ...types: K[]): OpOf<K> {
  const o = toOperation(context.cfg, event);
  if (isOp(o, types)) return o;
  throw new Error(`controller machine: ${event.type} decodes to ${o.type}, expected ${types.join(' or ')}`);
}

/** Every guard of the machine by name: guards.ts applied to the decoded operation, and `badAccess`. */
export const MACHINE_GUARDS = {
  badAccess: ({ context, event }: Args) => toOperation(context.cfg, event).type === 'BadAccess',
  queueFull: (a: Args) =>
    G.queueFull(a.context.cfg, a.context.state, op(a, 'Enqueue', 'IrqRegister', 'IpcRegister')),
  irqPendingPositive: (a: Args) => G.irqPendingPositive(a.context.cfg, a.context.state, op(a, 'IrqRegister')),
  irqWaitFull: (a: Args) => G.irqWaitFull(a.context.cfg, a.context.state, op(a, 'IrqRegister')),
  ipcPendingPositive: (a: Args) => G.ipcPendingPositive(a.context.cfg, a.context.state, op(a, 'IpcRegister')),
  ipcWaitFull: (a: Args) => G.ipcWaitFull(a.context.cfg, a.context.state, op(a, 'IpcRegister')),
  irqHasWaiter: (a: Args) => G.irqHasWaiter(a.context.cfg, a.context.state, op(a, 'Irq')),
  irqPendingSaturated: (a: Args) => G.irqPendingSaturated(a.context.cfg, a.context.state, op(a, 'Irq')),
  ipcHasWaiter: (a: Args) => G.ipcHasWaiter(a.context.cfg, a.context.state, op(a, 'IpcSend')),
  ipcPendingSaturated: (a: Args) => G.ipcPendingSaturated(a.context.cfg, a.context.state, op(a, 'IpcSend')),
} as const satisfies Record<MachineGuardName, (a: Args) => boolean>;

/** An XState action over the controller's context and events, without parameters. */
type MachineAction = ActionFunction<
  ControllerContext,
  ControllerEvent,
  ControllerEvent,
  undefined,
  never,
  never,
  never,
  never,
  never
>;

/** The operations a register access that is not wrong can decode to. */
const ACCESS_OPERATIONS = [
  'Dequeue',
  'Enqueue',
  'IpcSend',
  'IpcRegister',
  'IrqRegister',
  'ErrorRead',
  'StatusRead',
  'StatusWrite',
] as const satisfies readonly Operation['type'][];

/** An action of actions.ts as an XState `assign`: the step's result replaces state, obs and effects. */
function update(f: (cfg: Config, s: ControllerState, a: Args) => StepResult): MachineAction {
  return assign<ControllerContext, ControllerEvent, undefined, ControllerEvent, never>((a) =>
    f(a.context.cfg, a.context.state, a),
  );
}

/** Every action of the machine by name: actions.ts on the decoded operation, and `raiseOperation`. */
export const MACHINE_ACTIONS = {
  /** A register access that is not wrong is the operation it decodes to: raise that, and let it decide. */
  raiseOperation: raise<ControllerContext, ControllerEvent, ControllerEvent, undefined>((a) =>
    op(a, ...ACCESS_OPERATIONS),
  ),
  flagBadAccess: update((cfg, s, a) => A.flagBadAccess(cfg, s, op(a, 'BadAccess'))),
  refuseQueueFull: update((cfg, s) => A.refuseQueueFull(cfg, s)),
  refuseWaitFull: update((cfg, s) => A.refuseWaitFull(cfg, s)),
  flagPendingOverflow: update((cfg, s) => A.flagPendingOverflow(cfg, s)),
  enqueue: update((cfg, s, a) => A.enqueue(cfg, s, op(a, 'Enqueue'))),
  dequeue: update((cfg, s, a) => A.dequeue(cfg, s, op(a, 'Dequeue'))),
  consumeIrqPending: update((cfg, s, a) => A.consumeIrqPending(cfg, s, op(a, 'IrqRegister'))),
  waitForIrq: update((cfg, s, a) => A.waitForIrq(cfg, s, op(a, 'IrqRegister'))),
  consumeIpcPending: update((cfg, s, a) => A.consumeIpcPending(cfg, s, op(a, 'IpcRegister'))),
  waitForIpc: update((cfg, s, a) => A.waitForIpc(cfg, s, op(a, 'IpcRegister'))),
  wakeIrqWaiter: update((cfg, s, a) => A.wakeIrqWaiter(cfg, s, op(a, 'Irq'))),
  countIrq: update((cfg, s, a) => A.countIrq(cfg, s, op(a, 'Irq'))),
  wakeIpcHandler: update((cfg, s, a) => A.wakeIpcHandler(cfg, s, op(a, 'IpcSend'))),
  countIpc: update((cfg, s, a) => A.countIpc(cfg, s, op(a, 'IpcSend'))),
  readError: update((cfg, s, a) => A.readError(cfg, s, op(a, 'ErrorRead'))),
  readStatus: update((cfg, s, a) => A.readStatus(cfg, s, op(a, 'StatusRead'))),
  writeStatus: update((cfg, s, a) => A.writeStatus(cfg, s, op(a, 'StatusWrite'))),
} as const satisfies Record<MachineActionName, unknown>;

/**
 * The controller statechart of configuration `cfg`, starting from `state` (reset by default).
 * Walk it with XState's pure `initialTransition(machine)` and `transition(machine, snapshot, e)`;
 * the result of the last event is in `snapshot.context` (`state`, `obs`, `effects`). A register
 * access that is not wrong raises its decoded operation, which XState handles in the same
 * macrostep (it is also listed among the actions `transition` returns, as `xstate.raise`).
 */
export function controllerMachine(cfg: Config, state: ControllerState = initialState(cfg)) {
  return setup({
    types: { context: {} as ControllerContext, events: {} as ControllerEvent },
    guards: MACHINE_GUARDS,
    actions: MACHINE_ACTIONS,
  }).createMachine({
    id: 'controller',
    context: { cfg, state, obs: ACK, effects: NO_EFFECTS },
    initial: 'running',
    states: { running: { on: CONTROLLER_TRANSITIONS } },
  });
}

/** The type of every controller machine (any configuration). */
export type ControllerMachine = ReturnType<typeof controllerMachine>;
