/** Replay of a UIPI trace: the storm's events re-run, then the fair drain, judged afresh. */
import type { UipiImpl } from '../designs/reference/uipiImpl.ts';
import { runUipi, type UipiRunResult } from '../engine/runUipi.ts';
import type { ParsedUipiTrace } from '../trace/readUipiTrace.ts';

/** The run's verdict and recording, and the implementation it ran against. */
export type UipiReplay = UipiRunResult & { readonly protocol: 'uipi'; readonly implementation: string };

/** Re-runs `parsed` on `impl` with its default properties. */
export function replayUipiTrace(parsed: ParsedUipiTrace, impl: UipiImpl): UipiReplay {
  const run = runUipi(parsed.config, impl, parsed.events, { record: true });
  return { ...run, protocol: 'uipi', implementation: impl.name };
}
