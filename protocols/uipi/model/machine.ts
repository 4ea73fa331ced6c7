/**
 * The UIPI system as an XState v5 statechart, built from the same named guards (guards.ts) and
 * actions (actions.ts) as `step`, wired in machineLogic.ts. Parallel regions:
 * - `system`: the steps that belong to no receiver thread (SENDUIPI and its IPI, IPI arrival, the
 *   CPU's acceptance and notification processing, registration, revocation, timer ticks);
 * - one region per receiver: its phase (state.ts), moved by its own steps, which run their action
 *   there; a waiting receiver is moved to `woken` by the kernel-vector Accept of the system
 *   region (a guard-only transition), so each accepted event runs exactly one action. The
 *   region has the model's phases; linux-rfc-v1's `waitListed` is not one of them.
 * XState's pure `transition(machine, snapshot, e)` gives the same state as `step`; an event
 * `step` rejects takes no transition (`context.accepted` is unchanged).
 */
import { and, setup } from 'xstate';
import type { UipiConfig } from './config.ts';
import type { UipiEvent } from './events.ts';
import { UIPI_ACTIONS, UIPI_GUARDS, type UipiContext } from './machineLogic.ts';
import { initialUipi, type ReceiverPhase, type UipiState } from './state.ts';

const uipiSetup = setup({
  types: { context: {} as UipiContext, events: {} as UipiEvent },
  guards: UIPI_GUARDS,
  actions: UIPI_ACTIONS,
});

/** The region of receiver r. */
export const receiverRegion = (r: number): string => `receiver${r}`;

/** The region of the steps on no receiver. */
function system() {
  return uipiSetup.createStateConfig({
    initial: 'up',
    states: {
      up: {
        on: {
          Send: { guard: and(['senderExists', 'slotValid', 'senderFree']), actions: 'post' },
          SendIpi: { guard: and(['senderExists', 'senderHolds']), actions: 'sendIpi' },
          IpiArrive: { guard: and(['cpuExists', 'ipiInFlight']), actions: 'arrive' },
          Accept: { guard: and(['cpuExists', 'vectorPending', 'cpuAccepts']), actions: 'accept' },
          NotifyDrain: { guard: and(['cpuExists', 'cpuProcessing']), actions: 'drainPir' },
          Register: { guard: and(['senderExists', 'slotFree']), actions: 'register' },
          Revoke: { guard: and(['senderExists', 'slotValid']), actions: 'revoke' },
          TimerTick: { guard: and(['cpuExists', 'timerUnmasked']), actions: 'timerTick' },
        },
      },
    },
  });
}

/** Receiver r's region, starting in `initial`. */
function receiver(r: number, initial: ReceiverPhase) {
  const me = { type: 'forReceiver', params: { receiver: r } } as const;
  const phase = (p: ReceiverPhase) => and([me, { type: 'inPhase', params: { phase: p } }]);
  return uipiSetup.createStateConfig({
    initial,
    states: {
      user: {
        on: {
          Deliver: { guard: and([me, 'canDeliver']), actions: 'deliver' },
          HandlerBody: { guard: and([me, 'inHandlerBefore']), actions: 'handlerBody' },
          Uiret: { guard: and([me, 'inHandlerAfter']), actions: 'uiret' },
          Stui: { guard: and([me, 'outsideHandler']), actions: 'stui' },
          Clui: { guard: and([me, 'atUser']), actions: 'clui' },
          SwitchOutSn: { guard: and([me, 'atUserOrKernel']), target: 'outSn', actions: 'switchOutSn' },
          WaitSwitchNv: { guard: and([me, 'mayWait']), target: 'waitNv', actions: 'waitSwitchNv' },
          KernelEntry: { guard: and([me, 'atUser']), target: 'kernel', actions: 'kernelEntry' },
        },
      },
      kernel: {
        on: {
          KernelExit: { guard: phase('kernel'), target: 'inRestored', actions: 'kernelExit' },
          SwitchOutSn: { guard: and([me, 'atUserOrKernel']), target: 'outSn', actions: 'switchOutSn' },
          WaitSwitchNv: { guard: and([me, 'mayWait']), target: 'waitNv', actions: 'waitSwitchNv' },
        },
      },
      outSn: { on: { SwitchOutSave: { guard: phase('outSn'), target: 'off', actions: 'switchOutSave' } } },
      off: {
        on: {
          SwitchInRestore: {
            guard: and([me, 'cpuExists', 'switchInFits']),
            target: 'inRestored',
            actions: 'switchInRestore',
          },
        },
      },
      inRestored: {
        on: {
          SwitchInClearSn: { guard: phase('inRestored'), target: 'inSnClear', actions: 'switchInClearSn' },
        },
      },
      inSnClear: {
        on: { SwitchInCheckPir: { guard: phase('inSnClear'), target: 'user', actions: 'switchInCheckPir' } },
      },
      waitNv: {
        on: {
          WaitRecheck: [
            { guard: and([phase('waitNv'), 'recheckAborts']), target: 'user', actions: 'waitRecheck' },
            { guard: phase('waitNv'), target: 'waitChecked', actions: 'waitRecheck' },
          ],
        },
      },
      waitChecked: {
        on: { WaitSleep: { guard: phase('waitChecked'), target: 'waiting', actions: 'waitSleep' } },
      },
      waiting: { on: { Accept: { guard: { type: 'wakes', params: { receiver: r } }, target: 'woken' } } },
      woken: { on: { WakeRestoreNv: { guard: phase('woken'), target: 'off', actions: 'wakeRestoreNv' } } },
    },
  });
}

/** The UIPI statechart of `cfg`, from `state` (the start state by default). */
export function uipiMachine(cfg: UipiConfig, state: UipiState = initialUipi(cfg)) {
  return uipiSetup.createMachine({
    id: 'uipi',
    type: 'parallel',
    context: { cfg, state, accepted: 0 },
    states: {
      system: system(),
      ...Object.fromEntries(state.receivers.map((rc, r) => [receiverRegion(r), receiver(r, rc.phase)])),
    },
  });
}

/** The type of every UIPI machine. */
export type UipiMachine = ReturnType<typeof uipiMachine>;

/** The statechart value `state` corresponds to. */
export function uipiStatechartValue(state: UipiState): Record<string, string> {
  return {
    system: 'up',
    ...Object.fromEntries(state.receivers.map((rc, r) => [receiverRegion(r), rc.phase])),
  };
}
