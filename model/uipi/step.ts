/**
 * The UIPI model's pure transition function: one atomic step of spec/uipi.md "Scope". An event
 * the state does not enable is rejected with a reason and changes nothing; guards are checked in
 * a fixed order (indices, then phase), so the reason is deterministic. The statechart in
 * machine.ts is the same decision tree over the same named guards and actions.
 */
import { assertNever } from '../events/events.ts';
import * as A from './actions.ts';
import { isSkyloft, type UipiConfig } from './config.ts';
import type { ReceiverStep, UipiEvent } from './events.ts';
import * as G from './guards.ts';
import { acceptedUipi, rejectedUipi, type UipiStepResult } from './result.ts';
import type { UipiState } from './state.ts';

const ok = acceptedUipi;
const no = rejectedUipi;

export function step(cfg: UipiConfig, s: UipiState, e: UipiEvent): UipiStepResult {
  switch (e.type) {
    case 'Send':
      if (!G.senderExists(cfg, s, e)) return no('outOfRange');
      if (!G.slotValid(cfg, s, e)) return no('slotState');
      return G.senderFree(cfg, s, e) ? ok(A.post(cfg, s, e)) : no('senderBusy');
    case 'SendIpi':
      if (!G.senderExists(cfg, s, e)) return no('outOfRange');
      return G.senderHolds(cfg, s, e) ? ok(A.sendIpi(cfg, s, e)) : no('senderBusy');
    case 'IpiArrive':
      if (!G.cpuExists(cfg, s, e)) return no('outOfRange');
      return G.ipiInFlight(cfg, s, e) ? ok(A.arrive(cfg, s, e)) : no('noSuchIpi');
    case 'Accept':
      if (!G.cpuExists(cfg, s, e)) return no('outOfRange');
      if (!G.vectorPending(cfg, s, e)) return no('noSuchIpi');
      return G.cpuAccepts(cfg, s, e) ? ok(A.accept(cfg, s, e)) : no('cpuBusy');
    case 'NotifyDrain':
      if (!G.cpuExists(cfg, s, e)) return no('outOfRange');
      return G.cpuProcessing(cfg, s, e) ? ok(A.drainPir(cfg, s, e)) : no('wrongPhase');
    case 'SwitchInRestore':
      if (!G.receiverExists(cfg, s, e) || !G.cpuExists(cfg, s, e)) return no('outOfRange');
      return G.switchInFits(cfg, s, e) ? ok(A.switchInRestore(cfg, s, e)) : no('wrongPhase');
    case 'Register':
      if (!G.senderExists(cfg, s, e)) return no('outOfRange');
      return G.slotFree(cfg, s, e) ? ok(A.register(cfg, s, e)) : no('slotState');
    case 'Revoke':
      if (!G.senderExists(cfg, s, e)) return no('outOfRange');
      return G.slotValid(cfg, s, e) ? ok(A.revoke(cfg, s, e)) : no('slotState');
    case 'TimerTick':
      if (!G.cpuExists(cfg, s, e)) return no('outOfRange');
      if (!isSkyloft(cfg)) return no('wrongScenario');
      return G.timerUnmasked(cfg, s, e) ? ok(A.timerTick(cfg, s, e)) : no('wrongPhase');
    default:
      if (!G.receiverExists(cfg, s, e)) return no('outOfRange');
      return receiverStep(cfg, s, e);
  }
}

/** A step of one receiver thread: its guard, then its action. */
function receiverStep(cfg: UipiConfig, s: UipiState, e: ReceiverStep): UipiStepResult {
  const when = (enabled: boolean, next: () => UipiState) => (enabled ? ok(next()) : no('wrongPhase'));
  const t = e.type;
  switch (t) {
    case 'Deliver':
      return when(G.canDeliver(cfg, s, e), () => A.deliver(cfg, s, e));
    case 'HandlerBody':
      return when(G.inHandlerBefore(cfg, s, e), () => A.handlerBody(cfg, s, e));
    case 'Uiret':
      return when(G.inHandlerAfter(cfg, s, e), () => A.uiret(cfg, s, e));
    case 'Stui':
      return when(G.outsideHandler(cfg, s, e), () => A.stui(cfg, s, e));
    case 'Clui':
      return when(G.atUser(cfg, s, e), () => A.clui(cfg, s, e));
    case 'SwitchOutSn':
      return when(G.atUser(cfg, s, e), () => A.switchOutSn(cfg, s, e));
    case 'SwitchOutSave':
      return when(G.inPhase(cfg, s, e, 'outSn'), () => A.switchOutSave(cfg, s, e));
    case 'SwitchInClearSn':
      return when(G.inPhase(cfg, s, e, 'inRestored'), () => A.switchInClearSn(cfg, s, e));
    case 'SwitchInCheckPir':
      return when(G.inPhase(cfg, s, e, 'inSnClear'), () => A.switchInCheckPir(cfg, s, e));
    case 'WaitSwitchNv':
      if (isSkyloft(cfg)) return no('wrongScenario');
      return when(G.mayWait(cfg, s, e), () => A.waitSwitchNv(cfg, s, e));
    case 'WaitRecheck':
      return when(G.inPhase(cfg, s, e, 'waitNv'), () => A.waitRecheck(cfg, s, e));
    case 'WaitSleep':
      return when(G.inPhase(cfg, s, e, 'waitChecked'), () => A.waitSleep(cfg, s, e));
    case 'WakeRestoreNv':
      return when(G.inPhase(cfg, s, e, 'woken'), () => A.wakeRestoreNv(cfg, s, e));
    default:
      return assertNever(t, 'uipi receiver step');
  }
}
