/**
 * The UIPI model's pure transition function: one atomic step of spec/uipi.md "Scope". An event
 * the state does not enable is rejected with a reason and changes nothing; guards are checked in
 * a fixed order (indices, then phase), so the reason is deterministic. `rejection` is the guard
 * tree alone (no allocation: `enabled` uses it), `step` runs the action when it finds no reason.
 * The statechart in machine.ts is the same decision tree over the same named guards and actions.
 */

import { assertNever } from '../../../model/assertNever.ts';
import * as A from './actions.ts';
import { isSkyloft, type UipiConfig } from './config.ts';
import type { ReceiverStep, UipiEvent } from './events.ts';
import * as G from './guards.ts';
import { acceptedUipi, rejectedUipi, type UipiRejectReason, type UipiStepResult } from './result.ts';
import type { UipiState } from './state.ts';

/** Why `e` is not enabled in `s`, or null when it is. */
export function rejection(cfg: UipiConfig, s: UipiState, e: UipiEvent): UipiRejectReason | null {
  switch (e.type) {
    case 'Send':
      if (!G.senderExists(cfg, s, e)) return 'outOfRange';
      if (!G.slotValid(cfg, s, e)) return 'slotState';
      return G.senderFree(cfg, s, e) ? null : 'senderBusy';
    case 'SendIpi':
      if (!G.senderExists(cfg, s, e)) return 'outOfRange';
      return G.senderHolds(cfg, s, e) ? null : 'senderBusy';
    case 'IpiArrive':
      if (!G.cpuExists(cfg, s, e)) return 'outOfRange';
      return G.ipiInFlight(cfg, s, e) ? null : 'noSuchIpi';
    case 'Accept':
      if (!G.cpuExists(cfg, s, e)) return 'outOfRange';
      if (!G.vectorPending(cfg, s, e)) return 'noSuchIpi';
      return G.cpuAccepts(cfg, s, e) ? null : 'cpuBusy';
    case 'NotifyDrain':
      if (!G.cpuExists(cfg, s, e)) return 'outOfRange';
      return G.cpuProcessing(cfg, s, e) ? null : 'wrongPhase';
    case 'SwitchInRestore':
      if (!G.receiverExists(cfg, s, e) || !G.cpuExists(cfg, s, e)) return 'outOfRange';
      return G.switchInFits(cfg, s, e) ? null : 'wrongPhase';
    case 'Register':
      if (!G.senderExists(cfg, s, e)) return 'outOfRange';
      return G.slotFree(cfg, s, e) ? null : 'slotState';
    case 'Revoke':
      if (!G.senderExists(cfg, s, e)) return 'outOfRange';
      return G.slotValid(cfg, s, e) ? null : 'slotState';
    case 'TimerTick':
      if (!G.cpuExists(cfg, s, e)) return 'outOfRange';
      if (!isSkyloft(cfg)) return 'wrongScenario';
      return G.timerUnmasked(cfg, s, e) ? null : 'wrongPhase';
    case 'RunOther':
      return G.cpuExists(cfg, s, e) ? 'designOnly' : 'outOfRange';
    default:
      if (!G.receiverExists(cfg, s, e)) return 'outOfRange';
      if (e.type === 'WaitSwitchNv' && isSkyloft(cfg)) return 'wrongScenario';
      if (e.type === 'WaitEnlist') return 'designOnly';
      return receiverGuard(cfg, s, e) ? null : 'wrongPhase';
  }
}

/** The guard of a receiver step. */
function receiverGuard(cfg: UipiConfig, s: UipiState, e: ReceiverStep): boolean {
  const t = e.type;
  switch (t) {
    case 'Deliver':
      return G.canDeliver(cfg, s, e);
    case 'HandlerBody':
      return G.inHandlerBefore(cfg, s, e);
    case 'Uiret':
      return G.inHandlerAfter(cfg, s, e);
    case 'Stui':
      return G.outsideHandler(cfg, s, e);
    case 'Clui':
    case 'KernelEntry':
      return G.atUser(cfg, s, e);
    case 'SwitchOutSn':
      return G.atUserOrKernel(cfg, s, e);
    case 'KernelExit':
      return G.inPhase(cfg, s, e, 'kernel');
    case 'WaitEnlist':
      return false; // linux-rfc-v1's (rejection says so first)
    case 'SwitchOutSave':
      return G.inPhase(cfg, s, e, 'outSn');
    case 'SwitchInClearSn':
      return G.inPhase(cfg, s, e, 'inRestored');
    case 'SwitchInCheckPir':
      return G.inPhase(cfg, s, e, 'inSnClear');
    case 'WaitSwitchNv':
      return G.mayWait(cfg, s, e);
    case 'WaitRecheck':
      return G.inPhase(cfg, s, e, 'waitNv');
    case 'WaitSleep':
      return G.inPhase(cfg, s, e, 'waitChecked');
    case 'WakeRestoreNv':
      return G.inPhase(cfg, s, e, 'woken');
    default:
      return assertNever(t, 'uipi receiver step');
  }
}

/**
 * The action of an enabled event: the successor `step` gives when `rejection` is null (an
 * explorer stepping the events `enabled` returned uses it to skip re-checking their guards).
 */
export function act(cfg: UipiConfig, s: UipiState, e: UipiEvent): UipiState {
  switch (e.type) {
    case 'Send':
      return A.post(cfg, s, e);
    case 'SendIpi':
      return A.sendIpi(cfg, s, e);
    case 'IpiArrive':
      return A.arrive(cfg, s, e);
    case 'Accept':
      return A.accept(cfg, s, e);
    case 'NotifyDrain':
      return A.drainPir(cfg, s, e);
    case 'SwitchInRestore':
      return A.switchInRestore(cfg, s, e);
    case 'Register':
      return A.register(cfg, s, e);
    case 'Revoke':
      return A.revoke(cfg, s, e);
    case 'TimerTick':
      return A.timerTick(cfg, s, e);
    case 'Deliver':
      return A.deliver(cfg, s, e);
    case 'HandlerBody':
      return A.handlerBody(cfg, s, e);
    case 'Uiret':
      return A.uiret(cfg, s, e);
    case 'Stui':
      return A.stui(cfg, s, e);
    case 'Clui':
      return A.clui(cfg, s, e);
    case 'SwitchOutSn':
      return A.switchOutSn(cfg, s, e);
    case 'SwitchOutSave':
      return A.switchOutSave(cfg, s, e);
    case 'SwitchInClearSn':
      return A.switchInClearSn(cfg, s, e);
    case 'SwitchInCheckPir':
      return A.switchInCheckPir(cfg, s, e);
    case 'WaitSwitchNv':
      return A.waitSwitchNv(cfg, s, e);
    case 'WaitRecheck':
      return A.waitRecheck(cfg, s, e);
    case 'WaitSleep':
      return A.waitSleep(cfg, s, e);
    case 'WakeRestoreNv':
      return A.wakeRestoreNv(cfg, s, e);
    case 'KernelEntry':
      return A.kernelEntry(cfg, s, e);
    case 'KernelExit':
      return A.kernelExit(cfg, s, e);
    case 'WaitEnlist':
    case 'RunOther':
      return s; // never enabled in the model (rejection: designOnly)
    default:
      return assertNever(e, 'uipi event');
  }
}

export function step(cfg: UipiConfig, s: UipiState, e: UipiEvent): UipiStepResult {
  const reason = rejection(cfg, s, e);
  return reason === null ? acceptedUipi(act(cfg, s, e)) : rejectedUipi(reason);
}
