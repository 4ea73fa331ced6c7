/**
 * UL1 (bounded liveness): after the storm, the configured drain (`cfg.drain`, `fair` unless told
 * otherwise: protocols/uipi/model/drain.ts) reaches quiescence within the bound and every vector
 * sent has been delivered — except, in Skyloft, the timer's own re-posted bit, which waits armed
 * in PIR for the next tick (UL4 judges the timer). Its verdict is the drain's: a delivery that
 * waits for the receiver's next kernel exit holds under `fair` and fails under `no-kernel-entry`.
 */
import { has } from '../model/state.ts';
import type { UipiLivenessProperty } from './context.ts';
import { vectors } from './words.ts';

export const uipiEventuallyDelivered: UipiLivenessProperty = {
  id: 'uipiEventuallyDelivered',
  protocol: 'uipi',
  kind: 'liveness',
  on: 'uipiDrain',
  spec: 'uipi.md §2 Guarantees (UL1)',
  description: 'After the storm, the drain (fair unless told otherwise) delivers every vector sent.',
  check({ cfg, state, drain, owed }) {
    if (!drain.reachedQuiescence)
      return `the ${cfg.drain} drain did not reach quiescence within ${drain.steps} steps (bound ${cfg.drainBound})`;
    for (let r = 0; r < owed.length; r++) {
      let left = owed[r] ?? 0n;
      if (cfg.timer >= 0 && has(state.upids[r]?.pir ?? 0n, cfg.timer)) left &= ~(1n << BigInt(cfg.timer));
      if (left !== 0n) {
        const rc = state.receivers[r];
        return `receiver ${r}: vector(s) ${vectors(left)} sent but not delivered by the ${cfg.drain} drain (receiver ${rc?.phase ?? '?'}, UIF ${rc?.uif ? 1 : 0}, PIR ${vectors(state.upids[r]?.pir ?? 0n)}, UIRR ${vectors(rc?.uirr ?? 0n)}, ON ${state.upids[r]?.on ? 1 : 0})`;
      }
    }
    return null;
  },
};
