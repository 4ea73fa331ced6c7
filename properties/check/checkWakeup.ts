/**
 * A property check of the wakeup protocol: random wakeup storms (fast-check, pinned seed) driven
 * through the wakeup runner (storm, then the §6 drain), with fast-check's shrinking and a final
 * {@link minimizeStorm} pass on failure. Mirrors checkController: run `i` is the `i`-th storm of
 * the seed whatever range or thread runs it (seededRuns.ts), so `--workers` and `--shard` find
 * the same first failure; it returns data, and the CLI and the tests decide what to print and
 * where to save the trace. A published design is checked on the configuration restricted to
 * what it supports (spec §7), which the result reports as `cfg`.
 */
import type { Config } from '../../model/config/config.ts';
import type { SystemEvent } from '../../model/wakeup/events.ts';
import { runWakeup, type WakeupRunOptions, type WakeupRunResult } from '../runWakeup.ts';
import { type WakeupStormKind, wakeupStorm } from '../storms/wakeupStorm.ts';
import { supportedConfig } from '../wakeup/support.ts';
import type { CheckOptions } from './checkController.ts';
import { minimizeStorm } from './minimizeStorm.ts';
import { type RangeOutcome, type RunRange, type SeededRunsOptions, seededRuns } from './seededRuns.ts';

/**
 * The controller check's options (the implementation is run by the software runtime; undefined
 * checks the system model; `maxEvents` defaults to 80), plus the storm kind and the drain.
 */
export interface WakeupCheckOptions extends CheckOptions {
  /** Which storms (default `mixed`). */
  readonly storm?: WakeupStormKind;
  /** Run the §6 drain after each storm (default true). */
  readonly drain?: boolean;
}

export type WakeupCheckResult =
  | {
      readonly ok: true;
      readonly runs: number;
      readonly events: number;
      /** The configuration checked (restricted to what the implementation supports). */
      readonly cfg: Config;
    }
  | {
      readonly ok: false;
      /** Runs until the first failure, the failing one included (shrinking not counted). */
      readonly runs: number;
      readonly events: number;
      readonly cfg: Config;
      /** 0-based index of the failing run in the whole check. */
      readonly index: number;
      readonly shrinks: number;
      /** Length of fast-check's shrunk storm (up to its failing step), before the last pass (minimizeStorm.ts). */
      readonly shrunkLength: number;
      readonly seed: number;
      /** fast-check's replay path of its shrunk storm (the counterexample is that storm, minimized further). */
      readonly path: string;
      /**
       * The shrunk storm, up to the failing step (the whole storm when the drain or quiescence
       * failed), with every event removed that it fails without (the same property failing).
       */
      readonly counterexample: readonly SystemEvent[];
      /** The failing run of the shrunk counterexample, recorded step by step (drain steps included). */
      readonly failure: Extract<WakeupRunResult, { ok: false }>;
    };

/** What every run of the check is given: the selected properties and the drain switch, no recording. */
function runOptions(o: Pick<WakeupCheckOptions, 'properties' | 'drain'>): WakeupRunOptions {
  return {
    record: false,
    ...(o.properties ? { properties: o.properties } : {}),
    ...(o.drain === undefined ? {} : { drain: o.drain }),
  };
}

/** The seeded-run description of a wakeup check (shared by this process and the workers). */
export function wakeupRuns(
  o: Omit<WakeupCheckOptions, 'runs'> & { readonly range: RunRange },
): SeededRunsOptions<SystemEvent[]> {
  const cfg = supportedConfig(o.cfg, o.impl);
  const opts = runOptions(o);
  return {
    arbitrary: wakeupStorm(cfg, { maxEvents: o.maxEvents ?? 80, ...(o.storm ? { kind: o.storm } : {}) }),
    holds: (storm) => {
      const cov = o.coverage?.live ? { ...opts, coverage: o.coverage } : opts;
      const ok = runWakeup(cfg, o.impl, storm, cov).ok;
      if (!ok && o.coverage !== undefined) o.coverage.live = false;
      return ok;
    },
    weight: (storm) => storm.length,
    seed: o.seed,
    range: o.range,
    ...(o.onRun ? { onRun: o.onRun } : {}),
  };
}

/** The runs of `o`'s check: the whole check when no range is given. */
export function wakeupRange(o: Pick<WakeupCheckOptions, 'runs' | 'range'>): RunRange {
  return o.range ?? { from: 0, to: o.runs };
}

/** Runs the check in this process, stopping at the first failing run. */
export function checkWakeup(o: WakeupCheckOptions): WakeupCheckResult {
  return wakeupResult(o, seededRuns(wakeupRuns({ ...o, range: wakeupRange(o) })));
}

/**
 * The result of a check from the outcome of its runs: a failure's shrunk storm is cut at its
 * failing step, minimized, and run again with every step recorded (for the trace). A crash is
 * rethrown.
 */
export function wakeupResult(
  o: Pick<WakeupCheckOptions, 'cfg' | 'impl' | 'properties' | 'drain'>,
  outcome: RangeOutcome<readonly SystemEvent[]>,
): WakeupCheckResult {
  const cfg = supportedConfig(o.cfg, o.impl);
  switch (outcome.verdict) {
    case 'pass':
      return { ok: true, runs: outcome.runs, events: outcome.events, cfg };
    case 'crash':
      throw outcome.error;
    case 'fail': {
      const opts = runOptions(o);
      const shrunk = outcome.counterexample;
      const first = runWakeup(cfg, o.impl, shrunk, opts);
      if (first.ok) {
        throw new Error(
          'check: the shrunk counterexample passes when run again (non-deterministic implementation?)',
        );
      }
      // Like fast-check's commands, report only the events that ran: a storm step failure ends the run there.
      const prefix = first.phase === 'storm' ? shrunk.slice(0, first.violation.step + 1) : shrunk;
      const counterexample = minimizeStorm(cfg, o.impl, prefix, opts, first.violation.property);
      const failure = runWakeup(cfg, o.impl, counterexample, { ...opts, record: true });
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
