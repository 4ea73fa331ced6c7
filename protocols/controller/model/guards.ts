/**
 * The controller's named guards: each decides one branch of spec/controller.md §4–§5.
 * `step` and the XState machine call exactly these functions.
 */
import type { Config } from './config/config.ts';
import type { IpcRegister, IpcSend, Irq, IrqRegister } from './events.ts';
import { type ControllerState, occupancy } from './state.ts';

/** §5: process p already holds C tasks (ready + waiting), so a new one is refused with QUEUE_FULL. */
export function queueFull(cfg: Config, s: ControllerState, op: { readonly p: number }): boolean {
  return occupancy(cfg, s, op.p) >= cfg.capacity;
}

/** §4.1: an interrupt on this device already happened with nobody waiting, so registration wakes at once. */
export function irqPendingPositive(_cfg: Config, s: ControllerState, op: IrqRegister): boolean {
  return (s.irqPending[op.device] ?? 0) > 0;
}

/** §5: the device's blocked queue holds B waiters, so another waiter is refused with WAIT_FULL. */
export function irqWaitFull(cfg: Config, s: ControllerState, op: IrqRegister): boolean {
  return (s.irqWait[op.device]?.length ?? 0) >= cfg.waitDepth;
}

/** §4.2: a send to (p, t) already happened with no handler, so registration wakes at once. */
export function ipcPendingPositive(cfg: Config, s: ControllerState, op: IpcRegister): boolean {
  return (s.ipcPending[op.p * cfg.ipcTypes + op.ipcType] ?? 0) > 0;
}

/** §5: the (p, t) blocked queue holds B handlers, so another is refused with WAIT_FULL. */
export function ipcWaitFull(cfg: Config, s: ControllerState, op: IpcRegister): boolean {
  return (s.ipcWait[op.p * cfg.ipcTypes + op.ipcType]?.length ?? 0) >= cfg.waitDepth;
}

/** §4.1: someone waits for this line, so the interrupt wakes the head waiter. */
export function irqHasWaiter(_cfg: Config, s: ControllerState, op: Irq): boolean {
  return (s.irqWait[op.line]?.length ?? 0) > 0;
}

/** §4.1: the line's pending counter is at Q, so this interrupt is lost and reported. */
export function irqPendingSaturated(cfg: Config, s: ControllerState, op: Irq): boolean {
  return (s.irqPending[op.line] ?? 0) >= cfg.pendingMax;
}

/** §4.2: a handler of the target process waits for this type, so the send wakes it. */
export function ipcHasWaiter(cfg: Config, s: ControllerState, op: IpcSend): boolean {
  return (s.ipcWait[op.target * cfg.ipcTypes + op.ipcType]?.length ?? 0) > 0;
}

/** §4.2: the target's pending counter for this type is at Q, so this send is lost and reported. */
export function ipcPendingSaturated(cfg: Config, s: ControllerState, op: IpcSend): boolean {
  return (s.ipcPending[op.target * cfg.ipcTypes + op.ipcType] ?? 0) >= cfg.pendingMax;
}
