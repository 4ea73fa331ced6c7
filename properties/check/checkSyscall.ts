/**
 * A property check of the syscall protocol: random syscall storms (fast-check, pinned seed)
 * through the syscall runner (storm, then the §6 drain), fast-check's shrinking, and a last pass
 * removing every event the failure does not need. Run `i` is the `i`-th storm of the seed
 * (seededRuns.ts), as in the other checks. Returns data; the CLI and tests print and save.
 */
import type { ControllerImpl } from '../../impl/device.ts';
import type { Config } from '../../model/config/config.ts';
import type { SyscallEvent } from '../../model/syscall/events.ts';
import { runSyscall, type SyscallRunOptions, type SyscallRunResult } from '../runSyscall.ts';
import { syscallStorm } from '../storms/syscallStorm.ts';
import type { CheckOptions } from './checkController.ts';
import { type RangeOutcome, type RunRange, type SeededRunsOptions, seededRuns } from './seededRuns.ts';

export type SyscallCheckResult =
  | { readonly ok: true; readonly runs: number; readonly events: number; readonly cfg: Config }
  | {
      readonly ok: false;
      readonly runs: number;
      readonly events: number;
      readonly cfg: Config;
      readonly index: number;
      readonly shrinks: number;
      /** fast-check's shrunk storm, cut at its failing step, before the last pass. */
      readonly shrunkLength: number;
      readonly seed: number;
      readonly path: string;
      /** The storm with every event removed that it fails without (the same property failing). */
      readonly counterexample: readonly SyscallEvent[];
      /** The failing run of the counterexample, recorded step by step (drain steps included). */
      readonly failure: Extract<SyscallRunResult, { ok: false }>;
    };

/** At most this many runs are spent on the last shrinking pass. */
const MAX_MINIMIZE_RUNS = 2_000;

function runOptions(o: Pick<CheckOptions, 'properties'>): SyscallRunOptions {
  return { record: false, ...(o.properties ? { properties: o.properties } : {}) };
}

/** `storm` truncated at its failing storm step when it fails with `property`, else undefined. */
function failingPrefix(
  cfg: Config,
  impl: ControllerImpl | undefined,
  storm: readonly SyscallEvent[],
  opts: SyscallRunOptions,
  property: string,
): readonly SyscallEvent[] | undefined {
  const r = runSyscall(cfg, impl, storm, opts);
  if (r.ok || r.violation.property !== property) return undefined;
  return r.phase === 'storm' ? storm.slice(0, r.violation.step + 1) : storm;
}

/** `storm` with every event removed that it can fail without (last first), within a budget of runs. */
export function minimizeSyscallStorm(
  cfg: Config,
  impl: ControllerImpl | undefined,
  storm: readonly SyscallEvent[],
  opts: SyscallRunOptions,
  property: string,
): readonly SyscallEvent[] {
  let current = storm;
  let budget = MAX_MINIMIZE_RUNS;
  let changed = true;
  while (changed && budget > 0) {
    changed = false;
    for (let i = current.length - 1; i >= 0 && budget > 0; i--) {
      budget--;
      const kept = failingPrefix(
        cfg,
        impl,
        [...current.slice(0, i), ...current.slice(i + 1)],
        opts,
        property,
      );
      if (kept === undefined) continue;
      current = kept;
      changed = true;
      i = Math.min(i, current.length);
    }
  }
  return current;
}

/** The seeded-run description of a syscall check. */
export function syscallRuns(
  o: Omit<CheckOptions, 'runs'> & { readonly range: RunRange },
): SeededRunsOptions<SyscallEvent[]> {
  const opts = runOptions(o);
  return {
    arbitrary: syscallStorm(o.cfg, { maxEvents: o.maxEvents ?? 80 }),
    holds: (storm) => {
      const cov = o.coverage?.live ? { ...opts, coverage: o.coverage } : opts;
      const ok = runSyscall(o.cfg, o.impl, storm, cov).ok;
      // Shrinking's runs are not storms the check generated: stop counting at the first failure.
      if (!ok && o.coverage !== undefined) o.coverage.live = false;
      return ok;
    },
    weight: (storm) => storm.length,
    seed: o.seed,
    range: o.range,
    ...(o.onRun ? { onRun: o.onRun } : {}),
  };
}

/** Runs the check in this process, stopping at the first failing run. */
export function checkSyscall(o: CheckOptions): SyscallCheckResult {
  return syscallResult(o, seededRuns(syscallRuns({ ...o, range: o.range ?? { from: 0, to: o.runs } })));
}

/** The result of a check from the outcome of its runs (a crash is rethrown). */
export function syscallResult(
  o: Pick<CheckOptions, 'cfg' | 'impl' | 'properties'>,
  outcome: RangeOutcome<readonly SyscallEvent[]>,
): SyscallCheckResult {
  const { cfg } = o;
  switch (outcome.verdict) {
    case 'pass':
      return { ok: true, runs: outcome.runs, events: outcome.events, cfg };
    case 'crash':
      throw outcome.error;
    case 'fail': {
      const opts = runOptions(o);
      const shrunk = outcome.counterexample;
      const first = runSyscall(cfg, o.impl, shrunk, opts);
      if (first.ok) throw new Error('check: the shrunk counterexample passes when run again');
      const prefix = first.phase === 'storm' ? shrunk.slice(0, first.violation.step + 1) : shrunk;
      const counterexample = minimizeSyscallStorm(cfg, o.impl, prefix, opts, first.violation.property);
      const failure = runSyscall(cfg, o.impl, counterexample, { ...opts, record: true });
      if (failure.ok) throw new Error('check: the minimized counterexample passes when run again');
      return {
        ok: false,
        runs: outcome.runs,
        events: outcome.events,
        cfg,
        index: outcome.index,
        shrinks: outcome.shrinks,
        shrunkLength: prefix.length,
        seed: outcome.seed,
        path: outcome.path,
        counterexample,
        failure,
      };
    }
  }
}
