/**
 * Replay: re-runs a parsed trace's events through the lockstep runner (model beside the
 * implementation the trace names, or an override), judging the run afresh: the recorded
 * states in the file are not compared, so a counterexample from a published design replays as
 * "passes" on the reference.
 */
import type { ControllerImpl } from '../impl/device.ts';
import { controllerImplNames, findControllerImpl } from '../impl/registry.ts';
import { type RunResult, runController } from '../properties/runController.ts';
import type { ParsedTrace } from './readTrace.ts';
import { TraceError } from './TraceError.ts';

/** The run's verdict and recording, plus the implementation it ran against. */
export type ReplayResult = RunResult & { readonly implementation: string };

export interface ReplayOptions {
  /** Replay against this implementation instead of the one the trace names. */
  readonly impl?: ControllerImpl;
}

/** Re-runs `parsed` with every property of its protocol; a trace naming an unknown implementation is a {@link TraceError}. */
export function replayTrace(parsed: ParsedTrace, opts: ReplayOptions = {}): ReplayResult {
  const impl = opts.impl ?? findControllerImpl(parsed.implementation);
  if (impl === undefined) {
    throw new TraceError(
      `${parsed.file}: unknown implementation "${parsed.implementation}" (known: ${controllerImplNames().join(', ')})`,
    );
  }
  const run = runController(parsed.config, impl, parsed.events, { record: true });
  return { ...run, implementation: impl.name };
}
