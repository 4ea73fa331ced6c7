/**
 * A property check of the wakeup protocol: random wakeup storms (fast-check, pinned seed) driven
 * through the wakeup runner (storm, then the §6 drain), with fast-check's shrinking on failure.
 * Mirrors checkController: it returns data; the CLI and the tests decide what to print and where
 * to save the trace. A published design is checked on the configuration restricted to what it
 * supports (spec §7), which the result reports as `cfg`.
 */
import fc from 'fast-check';
import type { ControllerImpl } from '../../impl/device.ts';
import type { Config } from '../../model/config/config.ts';
import type { SystemEvent } from '../../model/wakeup/events.ts';
import { runWakeup, type WakeupRunResult } from '../runWakeup.ts';
import { type WakeupStormKind, wakeupStorm } from '../storms/wakeupStorm.ts';
import { supportedConfig } from '../wakeup/support.ts';
import { minimizeStorm } from './minimizeStorm.ts';

export interface WakeupCheckOptions {
  readonly cfg: Config;
  /** The implementation (or wakeup mutant) run by the software runtime; undefined checks the system model. */
  readonly impl: ControllerImpl | undefined;
  readonly runs: number;
  readonly seed: number;
  /** Property ids to evaluate; by default every one, refinement only where it applies. */
  readonly properties?: readonly string[];
  /** Longest storm generated, in events (default 80). */
  readonly maxEvents?: number;
  /** Which storms (default `mixed`). */
  readonly storm?: WakeupStormKind;
  /** Run the §6 drain after each storm (default true). */
  readonly drain?: boolean;
  /** Called after every generated run (not shrink runs) with the count so far. */
  readonly onRun?: (done: number) => void;
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
      /** Runs until the first failure (shrinking not counted). */
      readonly runs: number;
      readonly events: number;
      readonly cfg: Config;
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

export function checkWakeup(o: WakeupCheckOptions): WakeupCheckResult {
  const cfg = supportedConfig(o.cfg, o.impl);
  const runOpts = {
    record: false,
    ...(o.properties ? { properties: o.properties } : {}),
    ...(o.drain === undefined ? {} : { drain: o.drain }),
  };
  let events = 0;
  let runs = 0;
  let shrinking = false;
  let crash: unknown;
  const storm = wakeupStorm(cfg, {
    maxEvents: o.maxEvents ?? 80,
    ...(o.storm ? { kind: o.storm } : {}),
  });
  const property = fc.property(storm, (events_) => {
    if (!shrinking) {
      runs++;
      events += events_.length;
      o.onRun?.(runs);
    }
    let ok: boolean;
    try {
      ok = runWakeup(cfg, o.impl, events_, runOpts).ok;
    } catch (e) {
      crash ??= e;
      throw e;
    }
    if (!ok) shrinking = true;
    return ok;
  });
  const details = fc.check(property, { seed: o.seed, numRuns: o.runs });
  if (!details.failed) return { ok: true, runs: details.numRuns, events, cfg };
  const shrunk = details.counterexample?.[0];
  if (crash !== undefined) throw crash;
  if (shrunk === undefined) throw new Error('check: fast-check reported a failure without a counterexample');
  const first = runWakeup(cfg, o.impl, shrunk, runOpts);
  if (first.ok) {
    throw new Error(
      'check: the shrunk counterexample passes when run again (non-deterministic implementation?)',
    );
  }
  // Like fast-check's commands, report only the events that ran: a storm step failure ends the run there.
  const prefix = first.phase === 'storm' ? shrunk.slice(0, first.violation.step + 1) : shrunk;
  const counterexample = minimizeStorm(cfg, o.impl, prefix, runOpts, first.violation.property);
  const failure = runWakeup(cfg, o.impl, counterexample, { ...runOpts, record: true });
  if (failure.ok) throw new Error('check: the minimized counterexample passes when run again');
  return {
    ok: false,
    runs,
    events,
    cfg,
    shrinks: details.numShrinks,
    shrunkLength: prefix.length,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    counterexample,
    failure,
  };
}
