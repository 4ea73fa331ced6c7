/**
 * The controller statechart's transitions as plain data: for every event type, the guarded
 * branches tried in order, each naming one guard and one action. The order is exactly the order
 * of checks in `step.ts` (§4: wrong access first, then capacity, then the effect), so the machine
 * and `step` make the same decision, and a diagram renderer can print the names as they are.
 */

import type * as A from './actions.ts';
import type { ControllerEventType } from './events.ts';
import type * as G from './guards.ts';

/** Guards the machine adds to guards.ts: the access decodes to a wrong access (§4.3). */
export type DecodeGuardName = 'badAccess';
/** Actions the machine adds to actions.ts: raise the operation a register access decodes to. */
export type DecodeActionName = 'raiseOperation';

/** A guard of the machine: one of guards.ts by its exported name, or a decode guard. */
export type MachineGuardName = keyof typeof G | DecodeGuardName;
/** An action of the machine: one of actions.ts by its exported name, or a decode action. */
export type MachineActionName = keyof typeof A | DecodeActionName;

/** One branch: taken when its guard holds (or always, without a guard), running one named action. */
export interface Branch {
  readonly guard?: MachineGuardName;
  readonly actions: MachineActionName;
}

/** §4.3: every event is first checked for a wrong access, which changes nothing but BAD_ACCESS. */
const BAD: Branch = { guard: 'badAccess', actions: 'flagBadAccess' };

/** The branches of every event type, in the order `step` checks them. */
export const CONTROLLER_TRANSITIONS = {
  Read: [BAD, { actions: 'raiseOperation' }],
  Write: [BAD, { actions: 'raiseOperation' }],
  Irq: [
    BAD,
    { guard: 'irqHasWaiter', actions: 'wakeIrqWaiter' },
    { guard: 'irqPendingSaturated', actions: 'flagPendingOverflow' },
    { actions: 'countIrq' },
  ],
  Dequeue: [BAD, { actions: 'dequeue' }],
  Enqueue: [BAD, { guard: 'queueFull', actions: 'refuseQueueFull' }, { actions: 'enqueue' }],
  IpcSend: [
    BAD,
    { guard: 'ipcHasWaiter', actions: 'wakeIpcHandler' },
    { guard: 'ipcPendingSaturated', actions: 'flagPendingOverflow' },
    { actions: 'countIpc' },
  ],
  IpcRegister: [
    BAD,
    { guard: 'queueFull', actions: 'refuseQueueFull' },
    { guard: 'ipcPendingPositive', actions: 'consumeIpcPending' },
    { guard: 'ipcWaitFull', actions: 'refuseWaitFull' },
    { actions: 'waitForIpc' },
  ],
  IrqRegister: [
    BAD,
    { guard: 'queueFull', actions: 'refuseQueueFull' },
    { guard: 'irqPendingPositive', actions: 'consumeIrqPending' },
    { guard: 'irqWaitFull', actions: 'refuseWaitFull' },
    { actions: 'waitForIrq' },
  ],
  ErrorRead: [BAD, { actions: 'readError' }],
  StatusRead: [BAD, { actions: 'readStatus' }],
  StatusWrite: [BAD, { actions: 'writeStatus' }],
  // A design-only access is an unmapped one to the reference: always a wrong access.
  LocalRead: [BAD],
  LocalWrite: [BAD],
} as const satisfies Readonly<Record<ControllerEventType, readonly Branch[]>>;
