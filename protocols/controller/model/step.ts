/**
 * The controller's pure transition function (spec/controller.md §4–§5): one MMIO access or one
 * interrupt is one atomic step. Each access is checked in the order of §4: wrong access, then
 * capacity, then the effect. Exploration and storms call this; the XState machine in
 * `machine.ts` is the same decision tree over the same named guards and actions.
 */

import { assertNever } from '../../../model/assertNever.ts';
import * as A from './actions.ts';
import type { Config } from './config/config.ts';
import { toOperation } from './decode.ts';
import type { ControllerEvent } from './events.ts';
import * as G from './guards.ts';
import type { StepResult } from './result.ts';
import type { ControllerState } from './state.ts';

export function step(cfg: Config, s: ControllerState, e: ControllerEvent): StepResult {
  const op = toOperation(cfg, e);
  switch (op.type) {
    case 'BadAccess':
      return A.flagBadAccess(cfg, s, op);
    case 'Dequeue':
      return A.dequeue(cfg, s, op);
    case 'Enqueue':
      return G.queueFull(cfg, s, op) ? A.refuseQueueFull(cfg, s) : A.enqueue(cfg, s, op);
    case 'IrqRegister':
      if (G.queueFull(cfg, s, op)) return A.refuseQueueFull(cfg, s);
      if (G.irqPendingPositive(cfg, s, op)) return A.consumeIrqPending(cfg, s, op);
      return G.irqWaitFull(cfg, s, op) ? A.refuseWaitFull(cfg, s) : A.waitForIrq(cfg, s, op);
    case 'IpcRegister':
      if (G.queueFull(cfg, s, op)) return A.refuseQueueFull(cfg, s);
      if (G.ipcPendingPositive(cfg, s, op)) return A.consumeIpcPending(cfg, s, op);
      return G.ipcWaitFull(cfg, s, op) ? A.refuseWaitFull(cfg, s) : A.waitForIpc(cfg, s, op);
    case 'Irq':
      if (G.irqHasWaiter(cfg, s, op)) return A.wakeIrqWaiter(cfg, s, op);
      return G.irqPendingSaturated(cfg, s, op) ? A.flagPendingOverflow(cfg, s) : A.countIrq(cfg, s, op);
    case 'IpcSend':
      if (G.ipcHasWaiter(cfg, s, op)) return A.wakeIpcHandler(cfg, s, op);
      return G.ipcPendingSaturated(cfg, s, op) ? A.flagPendingOverflow(cfg, s) : A.countIpc(cfg, s, op);
    case 'ErrorRead':
      return A.readError(cfg, s, op);
    case 'StatusRead':
      return A.readStatus(cfg, s, op);
    case 'StatusWrite':
      return A.writeStatus(cfg, s, op);
    default:
      return assertNever(op, 'operation');
  }
}
