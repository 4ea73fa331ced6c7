/**
 * A property check of the wakeup protocol: random wakeup storms (fast-check, pinned seed) driven
 * through the wakeup runner (storm, then the §6 drain), with fast-check's shrinking and a final
 * minimizing pass on failure (stormCheck.ts). Mirrors checkController: run `i` is the `i`-th storm of
 * the seed whatever range or thread runs it (seededRuns.ts), so `--workers` and `--shard` find
 * the same first failure; it returns data, and the CLI and the tests decide what to print and
 * where to save the trace. A published design is checked on the configuration restricted to
 * what it supports (spec §7), which the result reports as `cfg`.
 */

import {
  type RangeOutcome,
  type RunRange,
  type SeededRunsOptions,
  seededRuns,
} from '../../../engine/check/seededRuns.ts';
import {
  acceptedOnly,
  type StormCheckResult,
  type StormRunner,
  stormResult,
  stormRuns,
} from '../../../engine/check/stormCheck.ts';
import { supportedConfig } from '../../controller/designs/supportedConfig.ts';
import type { CheckOptions } from '../../controller/engine/checkController.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { SystemEvent } from '../model/events.ts';
import { runWakeup, type WakeupRunResult } from './runWakeup.ts';
import { type WakeupStormKind, wakeupStorm } from './wakeupStorm.ts';

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

/** The check's result, with the configuration checked (restricted to what the implementation supports). */
export type WakeupCheckResult = StormCheckResult<SystemEvent, Extract<WakeupRunResult, { ok: false }>> & {
  readonly cfg: Config;
};

/** The wakeup runner with the check's options bound (the selected properties, the drain switch). */
function wakeupRunner(
  o: Pick<WakeupCheckOptions, 'cfg' | 'impl' | 'properties' | 'drain' | 'accept'>,
): StormRunner<SystemEvent, Extract<WakeupRunResult, { ok: false }>> {
  const cfg = supportedConfig(o.cfg, o.impl);
  const base = {
    ...(o.properties ? { properties: o.properties } : {}),
    ...(o.drain === undefined ? {} : { drain: o.drain }),
  };
  const run: StormRunner<SystemEvent, Extract<WakeupRunResult, { ok: false }>> = (storm, record, coverage) =>
    runWakeup(cfg, o.impl, storm, { ...base, record, ...(coverage ? { coverage } : {}) });
  return acceptedOnly(run, o.accept);
}

/** The seeded-run description of a wakeup check (shared by this process and the workers). */
export function wakeupRuns(
  o: Omit<WakeupCheckOptions, 'runs'> & { readonly range: RunRange },
): SeededRunsOptions<SystemEvent[]> {
  const cfg = supportedConfig(o.cfg, o.impl);
  return stormRuns({
    ...o,
    arbitrary: wakeupStorm(cfg, { maxEvents: o.maxEvents ?? 80, ...(o.storm ? { kind: o.storm } : {}) }),
    run: wakeupRunner(o),
  });
}

/** The runs of `o`'s check: the whole check when no range is given. */
export function wakeupRange(o: Pick<WakeupCheckOptions, 'runs' | 'range'>): RunRange {
  return o.range ?? { from: 0, to: o.runs };
}

/** Runs the check in this process, stopping at the first failing run. */
export function checkWakeup(o: WakeupCheckOptions): WakeupCheckResult {
  return wakeupResult(o, seededRuns(wakeupRuns({ ...o, range: wakeupRange(o) })));
}

/** The result of a check from the outcome of its runs (stormResult); a crash is rethrown. */
export function wakeupResult(
  o: Pick<WakeupCheckOptions, 'cfg' | 'impl' | 'properties' | 'drain' | 'accept'>,
  outcome: RangeOutcome<readonly SystemEvent[]>,
): WakeupCheckResult {
  return { ...stormResult(wakeupRunner(o), outcome), cfg: supportedConfig(o.cfg, o.impl) };
}
