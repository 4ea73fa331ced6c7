/**
 * The UIPI statechart's named guards and actions as XState implementations: each is a guard of
 * guards.ts or an action of actions.ts applied to the machine's context and event, plus the
 * guards that tie a receiver's region to the event (`forReceiver`, `wakes`, `recheckAborts`).
 */
import { type ActionFunction, assign } from 'xstate';
import * as A from './actions.ts';
import type { UipiConfig } from './config.ts';
import type { ReceiverStep, SwitchInRestore, UipiEvent, UipiEventType } from './events.ts';
import * as G from './guards.ts';
import { KERNEL_VECTOR, type ReceiverPhase, type UipiState } from './state.ts';

/** The machine's context: the configuration, the state, and how many events it accepted. */
export type UipiContext = {
  readonly cfg: UipiConfig;
  readonly state: UipiState;
  readonly accepted: number;
};

type Args = { readonly context: UipiContext; readonly event: UipiEvent };
type EventOf<K extends UipiEventType> = Extract<UipiEvent, { type: K }>;

/** `event` as the type the transition names (a wrong type is a wiring bug). */
function ev<K extends UipiEventType>(event: UipiEvent, type: K): EventOf<K> {
  if (event.type === type) return event as EventOf<K>;
  throw new Error(`uipi machine: got ${event.type}, expected ${type}`);
}

/** `event` as a receiver step. */
function rs(event: UipiEvent): ReceiverStep | SwitchInRestore {
  if ('receiver' in event) return event;
  throw new Error(`uipi machine: ${event.type} is not a receiver step`);
}

/** A guard of guards.ts on one event type. */
function on<K extends UipiEventType>(type: K, g: (cfg: UipiConfig, s: UipiState, e: EventOf<K>) => boolean) {
  return ({ context, event }: Args) => event.type === type && g(context.cfg, context.state, ev(event, type));
}
/** A guard of guards.ts on any receiver step (not SwitchInRestore). */
function onStep(g: (cfg: UipiConfig, s: UipiState, e: ReceiverStep) => boolean) {
  return ({ context, event }: Args) => {
    const e = rs(event);
    return e.type !== 'SwitchInRestore' && g(context.cfg, context.state, e);
  };
}

/** Every guard of the machine by name. */
export const UIPI_GUARDS = {
  senderExists: ({ context, event }: Args) =>
    (event.type === 'Send' ||
      event.type === 'SendIpi' ||
      event.type === 'Register' ||
      event.type === 'Revoke') &&
    G.senderExists(context.cfg, context.state, event),
  slotValid: ({ context, event }: Args) =>
    (event.type === 'Send' || event.type === 'Revoke') && G.slotValid(context.cfg, context.state, event),
  slotFree: on('Register', G.slotFree),
  senderFree: on('Send', G.senderFree),
  senderHolds: on('SendIpi', G.senderHolds),
  cpuExists: ({ context, event }: Args) => 'cpu' in event && G.cpuExists(context.cfg, context.state, event),
  ipiInFlight: on('IpiArrive', G.ipiInFlight),
  vectorPending: on('Accept', G.vectorPending),
  cpuAccepts: on('Accept', G.cpuAccepts),
  cpuProcessing: on('NotifyDrain', G.cpuProcessing),
  timerUnmasked: on('TimerTick', G.timerUnmasked),
  receiverExists: ({ context, event }: Args) =>
    'receiver' in event && G.receiverExists(context.cfg, context.state, event),
  switchInFits: on('SwitchInRestore', G.switchInFits),
  atUser: onStep(G.atUser),
  canDeliver: onStep(G.canDeliver),
  inHandlerBefore: onStep(G.inHandlerBefore),
  inHandlerAfter: onStep(G.inHandlerAfter),
  outsideHandler: onStep(G.outsideHandler),
  mayWait: onStep(G.mayWait),
  atUserOrKernel: onStep(G.atUserOrKernel),
  inPhase: ({ context, event }: Args, params: { readonly phase: ReceiverPhase }) => {
    const e = rs(event);
    return e.type !== 'SwitchInRestore' && G.inPhase(context.cfg, context.state, e, params.phase);
  },
  /** The event is about this region's receiver. */
  forReceiver: ({ event }: Args, params: { readonly receiver: number }) =>
    'receiver' in event && event.receiver === params.receiver,
  /** The kernel-vector handler taken by this Accept wakes this region's (waiting) receiver. */
  wakes: ({ context, event }: Args, params: { readonly receiver: number }) =>
    event.type === 'Accept' &&
    event.vector === KERNEL_VECTOR &&
    G.vectorPending(context.cfg, context.state, event) &&
    G.cpuAccepts(context.cfg, context.state, event) &&
    context.state.upids[params.receiver]?.on === true &&
    (context.state.receivers[context.state.cpus[event.cpu]?.cur ?? -1]?.uinv ?? 0) !== KERNEL_VECTOR,
  /** uintr_wait's re-check finds something pending and aborts the wait. */
  recheckAborts: ({ context, event }: Args) => {
    const r = rs(event).receiver;
    const u = context.state.upids[r];
    return u !== undefined && (u.on || u.pir !== 0n || (context.state.receivers[r]?.uirr ?? 0n) !== 0n);
  },
};

type MachineAction = ActionFunction<
  UipiContext,
  UipiEvent,
  UipiEvent,
  undefined,
  never,
  never,
  never,
  never,
  never
>;

/** An action of actions.ts on one event type, as an XState `assign`. */
function update<K extends UipiEventType>(
  type: K,
  f: (cfg: UipiConfig, s: UipiState, e: EventOf<K>) => UipiState,
): MachineAction {
  return assign<UipiContext, UipiEvent, undefined, UipiEvent, never>(({ context, event }) => ({
    state: f(context.cfg, context.state, ev(event, type)),
    accepted: context.accepted + 1,
  }));
}
/** An action of actions.ts on any receiver step. */
function updateStep(f: (cfg: UipiConfig, s: UipiState, e: ReceiverStep) => UipiState): MachineAction {
  return assign<UipiContext, UipiEvent, undefined, UipiEvent, never>(({ context, event }) => {
    const e = rs(event);
    if (e.type === 'SwitchInRestore')
      throw new Error('uipi machine: SwitchInRestore is not a plain receiver step');
    return { state: f(context.cfg, context.state, e), accepted: context.accepted + 1 };
  });
}

/** Every action of the machine by name: exactly the actions of actions.ts. */
export const UIPI_ACTIONS = {
  post: update('Send', A.post),
  sendIpi: update('SendIpi', A.sendIpi),
  arrive: update('IpiArrive', A.arrive),
  accept: update('Accept', A.accept),
  drainPir: update('NotifyDrain', A.drainPir),
  deliver: updateStep(A.deliver),
  handlerBody: updateStep(A.handlerBody),
  uiret: updateStep(A.uiret),
  stui: updateStep(A.stui),
  clui: updateStep(A.clui),
  switchOutSn: updateStep(A.switchOutSn),
  switchOutSave: updateStep(A.switchOutSave),
  switchInRestore: update('SwitchInRestore', A.switchInRestore),
  switchInClearSn: updateStep(A.switchInClearSn),
  switchInCheckPir: updateStep(A.switchInCheckPir),
  waitSwitchNv: updateStep(A.waitSwitchNv),
  waitRecheck: updateStep(A.waitRecheck),
  waitSleep: updateStep(A.waitSleep),
  wakeRestoreNv: updateStep(A.wakeRestoreNv),
  kernelEntry: updateStep(A.kernelEntry),
  kernelExit: updateStep(A.kernelExit),
  register: update('Register', A.register),
  revoke: update('Revoke', A.revoke),
  timerTick: update('TimerTick', A.timerTick),
} as const satisfies Record<keyof typeof A, MachineAction>;
