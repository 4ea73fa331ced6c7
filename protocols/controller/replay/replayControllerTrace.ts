/** Replay of a controller trace: its events re-run through the lockstep runner and judged afresh. */
import type { ControllerImpl } from '../designs/device.ts';
import { type RunResult, runController } from '../engine/runController.ts';
import type { ParsedControllerTrace } from '../trace/readControllerTrace.ts';

/** The run's verdict and recording, and the implementation it ran against. */
export type ControllerReplay = RunResult & {
  readonly protocol: 'controller';
  readonly implementation: string;
};

/** Re-runs `parsed` on `impl` with its default properties. */
export function replayControllerTrace(parsed: ParsedControllerTrace, impl: ControllerImpl): ControllerReplay {
  const run = runController(parsed.config, impl, parsed.events, { record: true });
  return { ...run, protocol: 'controller', implementation: impl.name };
}
