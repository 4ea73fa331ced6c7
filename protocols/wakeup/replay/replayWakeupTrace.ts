/** Replay of a wakeup-system trace: the storm's events re-run, then the §6 drain, judged afresh. */
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { runWakeup, type WakeupRunResult } from '../engine/runWakeup.ts';
import type { ParsedWakeupTrace } from '../trace/readWakeupTrace.ts';

/** The run's verdict and recording, and the implementation it ran against. */
export type WakeupReplay = WakeupRunResult & { readonly protocol: 'wakeup'; readonly implementation: string };

/** Re-runs `parsed` on `impl` (a design, a controller mutant or a wakeup mutant) with its default properties. */
export function replayWakeupTrace(parsed: ParsedWakeupTrace, impl: ControllerImpl): WakeupReplay {
  const run = runWakeup(parsed.config, impl, parsed.events, { record: true });
  return { ...run, protocol: 'wakeup', implementation: impl.name };
}
