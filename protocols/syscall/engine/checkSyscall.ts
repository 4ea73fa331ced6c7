/**
 * A property check of the syscall protocol: random syscall storms (fast-check, pinned seed)
 * through the syscall runner (storm, then the §6 drain), fast-check's shrinking, and a last pass
 * removing every event the failure does not need (stormCheck.ts). Run `i` is the `i`-th storm of
 * the seed (seededRuns.ts), as in the other checks. Returns data; the CLI and tests print and save.
 */

import {
  type RangeOutcome,
  type RunRange,
  rangeOf,
  type SeededRunsOptions,
  seededRuns,
} from '../../../engine/check/seededRuns.ts';
import {
  type StormCheckResult,
  type StormRunner,
  stormResult,
  stormRuns,
} from '../../../engine/check/stormCheck.ts';
import type { CheckOptions } from '../../controller/engine/checkController.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { SyscallEvent } from '../model/events.ts';
import { runSyscall, type SyscallRunResult } from './runSyscall.ts';
import { syscallStorm } from './syscallStorm.ts';

/** The check's result, with the configuration checked. */
export type SyscallCheckResult = StormCheckResult<SyscallEvent, Extract<SyscallRunResult, { ok: false }>> & {
  readonly cfg: Config;
};

/** The syscall runner with the check's options bound (the selected properties). */
function syscallRunner(
  o: Pick<CheckOptions, 'cfg' | 'impl' | 'properties'>,
): StormRunner<SyscallEvent, Extract<SyscallRunResult, { ok: false }>> {
  const base = o.properties ? { properties: o.properties } : {};
  return (storm, record, coverage) =>
    runSyscall(o.cfg, o.impl, storm, { ...base, record, ...(coverage ? { coverage } : {}) });
}

/** The seeded-run description of a syscall check (shared by this process and the workers). */
export function syscallRuns(
  o: Omit<CheckOptions, 'runs'> & { readonly range: RunRange },
): SeededRunsOptions<SyscallEvent[]> {
  return stormRuns({
    ...o,
    arbitrary: syscallStorm(o.cfg, { maxEvents: o.maxEvents ?? 80 }),
    run: syscallRunner(o),
  });
}

/** Runs the check in this process, stopping at the first failing run. */
export function checkSyscall(o: CheckOptions): SyscallCheckResult {
  return syscallResult(o, seededRuns(syscallRuns({ ...o, range: rangeOf(o) })));
}

/** The result of a check from the outcome of its runs (stormResult); a crash is rethrown. */
export function syscallResult(
  o: Pick<CheckOptions, 'cfg' | 'impl' | 'properties'>,
  outcome: RangeOutcome<readonly SyscallEvent[]>,
): SyscallCheckResult {
  return { ...stormResult(syscallRunner(o), outcome), cfg: o.cfg };
}
