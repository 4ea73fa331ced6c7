/**
 * UL4 (Skyloft kernel-bypass timer, research §1.12/§4.1): a tick while armed leads to the timer
 * vector's delivery, and the handler re-arms: after the drain the timer handler has run to UIRET
 * at least once and every receiver's timer bit is armed again (in PIR or UIRR). Vacuous outside
 * the Skyloft scenario.
 */
import { has } from '../model/state.ts';
import type { UipiLivenessProperty } from './context.ts';

export const uipiTimerRearms: UipiLivenessProperty = {
  id: 'uipiTimerRearms',
  protocol: 'uipi',
  kind: 'liveness',
  on: 'uipiDrain',
  spec: 'uintr-syscall.md §4.1 (UL4, research)',
  description: 'Skyloft: every armed tick is delivered and the handler re-posts its own PIR bit.',
  check({ cfg, state, drain }) {
    if (cfg.timer < 0) return null;
    if (!drain.timerServed)
      return `no timer tick was delivered and served during the drain (${drain.steps} steps)`;
    for (let r = 0; r < state.receivers.length; r++) {
      const armed =
        has(state.upids[r]?.pir ?? 0n, cfg.timer) || has(state.receivers[r]?.uirr ?? 0n, cfg.timer);
      if (!armed)
        return `receiver ${r}: the timer handler returned without re-posting PIR[${cfg.timer}]: the timer is disarmed`;
    }
    return null;
  },
};
