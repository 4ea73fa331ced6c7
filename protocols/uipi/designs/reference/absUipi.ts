/**
 * The reference's refinement map (absUintr.ts for the hardware): a thread's phase is the
 * kernel's view of it, its state is loaded while it is its CPU's current thread, and its kernel
 * keeps no wait flags of its own (they are the ones its phase implies); no receiver outside the
 * configuration ever runs.
 */
import { modelWaitFlags, type UipiState } from '../../model/state.ts';
import { absUintr } from './absUintr.ts';
import type { UipiMachine } from './uipiMachine.ts';

/** The model state `m` stands for. */
export function absUipi(m: UipiMachine): UipiState {
  return absUintr(
    m,
    // named fields rather than spreads: this runs on every step of every storm
    m.threads.map((t) => {
      const { waiting, listed } = modelWaitFlags(t.kstate);
      return {
        phase: t.kstate,
        cpu: t.cpu,
        loaded: true,
        saved: t.saved,
        frame: t.frame,
        body: t.body,
        waiting,
        listed,
      };
    }),
    () => false,
  );
}
