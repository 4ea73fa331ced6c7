/**
 * What one UIPI step produces: the next state (`accepted`), or a refusal with the reason the
 * state does not enable the event (`rejected`, the state unchanged).
 */
import type { UipiState } from './state.ts';

/** Why `step` refused an event. */
export type UipiRejectReason =
  /** A sender, slot, receiver or CPU index outside the configuration. */
  | 'outOfRange'
  /** SENDUIPI through an invalid UITT slot (#GP), or Register/Revoke of a slot already so. */
  | 'slotState'
  /** The sender already holds a notification it has not sent (or SendIpi with none). */
  | 'senderBusy'
  /** No such IPI in flight, or no such vector pending at the CPU. */
  | 'noSuchIpi'
  /** The CPU does not take interrupts now (its thread is in an IRQs-off kernel path, or it is processing). */
  | 'cpuBusy'
  /** The receiver's phase (or UIF, UIRR, handler) does not allow the step. */
  | 'wrongPhase'
  /** A Skyloft-only step outside that scenario, or a step that scenario does not have. */
  | 'wrongScenario'
  /** A step of a design with state the model does not have (linux-rfc-v1's WaitEnlist and RunOther). */
  | 'designOnly';

export type UipiStepResult =
  | { readonly kind: 'accepted'; readonly state: UipiState }
  | { readonly kind: 'rejected'; readonly reason: UipiRejectReason };

/** One shared object per reason (no allocation on a refusal). */
const REJECTED = new Map<UipiRejectReason, UipiStepResult>();

/** The refusal with `reason`. */
export function rejectedUipi(reason: UipiRejectReason): UipiStepResult {
  let r = REJECTED.get(reason);
  if (r === undefined) {
    r = Object.freeze({ kind: 'rejected', reason });
    REJECTED.set(reason, r);
  }
  return r;
}

/** The acceptance of a step that led to `state`. */
export function acceptedUipi(state: UipiState): UipiStepResult {
  return { kind: 'accepted', state };
}
