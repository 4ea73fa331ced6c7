/**
 * Replay: re-runs a parsed trace's events through its protocol's lockstep runner (model beside
 * the implementation the trace names, or an override), judging the run afresh: the recorded
 * states in the file are not compared, so a counterexample from a published design replays as
 * "passes" on the reference.
 */
import type { ControllerImpl } from '../protocols/controller/designs/device.ts';
import { controllerImplNames, findControllerImpl } from '../protocols/controller/designs/registry.ts';
import { type RunResult, runController } from '../protocols/controller/engine/runController.ts';
import type { ParsedTrace } from '../protocols/readTrace.ts';
import { runSyscall, type SyscallRunResult } from '../protocols/syscall/engine/runSyscall.ts';
import { findSyscallMutant } from '../protocols/syscall/mutants/syscallMutants.ts';
import type { UipiImpl } from '../protocols/uipi/designs/reference/uipiImpl.ts';
import { findUipiImpl } from '../protocols/uipi/designs/registry.ts';
import { runUipi, type UipiRunResult } from '../protocols/uipi/engine/runUipi.ts';
import { runWakeup, type WakeupRunResult } from '../protocols/wakeup/engine/runWakeup.ts';
import { findWakeupMutant } from '../protocols/wakeup/mutants/wakeupMutants.ts';
import { TraceError } from '../traces/TraceError.ts';

/** The run's verdict and recording, plus the protocol and the implementation it ran against. */
export type ReplayResult =
  | (RunResult & { readonly protocol: 'controller'; readonly implementation: string })
  | (WakeupRunResult & { readonly protocol: 'wakeup'; readonly implementation: string })
  | (UipiRunResult & { readonly protocol: 'uipi'; readonly implementation: string })
  | (SyscallRunResult & { readonly protocol: 'syscall'; readonly implementation: string });

export interface ReplayOptions {
  /** Replay against this implementation instead of the one the trace names. */
  readonly impl?: ControllerImpl;
  /** For a UIPI trace: replay against this implementation instead of the one the trace names. */
  readonly uipiImpl?: UipiImpl;
}

/** The UIPI implementation called `name` (protocols/uipi/designs/registry.ts). */
export { findUipiImpl };

/** The implementation called `name` for `protocol` (runtime mutants exist for the wakeup system only). */
export function implFor(protocol: ParsedTrace['protocol'], name: string): ControllerImpl | undefined {
  if (protocol === 'syscall') return findSyscallMutant(name) ?? findControllerImpl(name);
  return (protocol === 'wakeup' ? findWakeupMutant(name) : undefined) ?? findControllerImpl(name);
}

/** Re-runs `parsed` with every property of its protocol; a trace naming an unknown implementation is a {@link TraceError}. */
export function replayTrace(parsed: ParsedTrace, opts: ReplayOptions = {}): ReplayResult {
  if (parsed.protocol === 'uipi') {
    const impl = opts.uipiImpl ?? findUipiImpl(parsed.implementation);
    if (impl === undefined) {
      throw new TraceError(`${parsed.file}: unknown UIPI implementation "${parsed.implementation}"`);
    }
    const run = runUipi(parsed.config, impl, parsed.events, { record: true });
    return { ...run, protocol: 'uipi', implementation: impl.name };
  }
  const impl = opts.impl ?? implFor(parsed.protocol, parsed.implementation);
  if (impl === undefined) {
    throw new TraceError(
      `${parsed.file}: unknown implementation "${parsed.implementation}" (known: ${controllerImplNames().join(', ')})`,
    );
  }
  if (parsed.protocol === 'syscall') {
    const run = runSyscall(parsed.config, impl, parsed.events, { record: true });
    return { ...run, protocol: 'syscall', implementation: impl.name };
  }
  if (parsed.protocol === 'wakeup') {
    const run = runWakeup(parsed.config, impl, parsed.events, { record: true });
    return { ...run, protocol: 'wakeup', implementation: impl.name };
  }
  const run = runController(parsed.config, impl, parsed.events, { record: true });
  return { ...run, protocol: 'controller', implementation: impl.name };
}
