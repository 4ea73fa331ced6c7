/**
 * The syscall runner: drives the syscall system (the model, or the syscall runtime over a
 * controller implementation, with a syscall mutant's bug when given one) through a storm of
 * events, then the §6 drain, evaluating the selected properties after every step and
 * `everyRequestAnswered` at the end; it stops at the first failing step. The loop is
 * runSystem.ts's (shared with the wakeup runner): storm event i is step i (rejected ones
 * included), drain steps follow.
 */

import {
  runSystem,
  type SystemRunOptions,
  type SystemRunResult,
  type SystemRunSpec,
} from '../../../engine/runSystem.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { drainSyscallSubject, type SyscallDrainOutcome } from '../model/drain.ts';
import type { SyscallEvent } from '../model/events.ts';
import type { SyscallState } from '../model/state.ts';
import type { SyscallStepOutcome } from '../properties/context.ts';
import { selectSyscallProperties } from '../properties/selection.ts';
import { countSyscallStep } from './syscallCoverage.ts';
import { type SyscallRecordedStep, SyscallRun } from './syscallRun.ts';

export type { SyscallRecordedStep } from './syscallRun.ts';

export type SyscallRunOptions = SystemRunOptions;

export type SyscallRunResult = SystemRunResult<SyscallState, SyscallRecordedStep, SyscallDrainOutcome>;

/** Runs `events` from start-up, then (unless `drain: false`) the §6 drain. `impl` undefined runs the model. */
export function runSyscall(
  cfg: Config,
  impl: ControllerImpl | undefined,
  events: readonly SyscallEvent[],
  opts: SyscallRunOptions = {},
): SyscallRunResult {
  const sel = selectSyscallProperties(opts.properties, impl);
  const run = new SyscallRun(cfg, impl, sel, opts.record ?? true);
  const spec: SystemRunSpec<
    SyscallState,
    SyscallEvent,
    SyscallStepOutcome,
    SyscallRun['ghost'],
    SyscallDrainOutcome
  > = {
    name: 'runSyscall',
    liveness: sel.liveness,
    count: (cov, e, before, o, after) =>
      countSyscallStep(cov, cfg, e, before, o.kind === 'rejected' ? o.reason : undefined, after),
    // A step that fails is not reported to the drain as accepted.
    drain: (state, apply, over) =>
      drainSyscallSubject(cfg, { state, apply: (e) => apply(e)?.kind === 'accepted' && !over() }),
  };
  return runSystem(cfg, run, spec, events, opts);
}
