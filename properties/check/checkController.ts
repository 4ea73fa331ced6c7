/**
 * A property check of the controller protocol: random storms (fast-check, pinned seed) driven
 * through the lockstep runner, with fast-check's shrinking on failure. Returns data; the CLI and
 * the tests decide what to print and where to save the trace.
 */
import fc from 'fast-check';
import type { ControllerImpl } from '../../impl/device.ts';
import type { Config } from '../../model/config/config.ts';
import type { ControllerEvent } from '../../model/events/events.ts';
import { type RunResult, runController } from '../runController.ts';
import { controllerStorm } from '../storms/controllerEvent.ts';

export interface CheckOptions {
  readonly cfg: Config;
  /** The implementation to check against the model; undefined checks the model on its own. */
  readonly impl: ControllerImpl | undefined;
  readonly runs: number;
  readonly seed: number;
  /** Property ids to evaluate; all of the protocol's when absent. */
  readonly properties?: readonly string[];
  /** Longest storm generated. */
  readonly maxEvents?: number;
  /** Called after every generated run (not shrink runs) with the count so far. */
  readonly onRun?: (done: number) => void;
}

export type CheckResult =
  | { readonly ok: true; readonly runs: number; readonly events: number }
  | {
      readonly ok: false;
      /** Runs until the first failure (shrinking not counted). */
      readonly runs: number;
      readonly events: number;
      readonly shrinks: number;
      readonly seed: number;
      /** fast-check's replay path of the shrunk counterexample. */
      readonly path: string;
      readonly counterexample: readonly ControllerEvent[];
      /** The failing run of the shrunk counterexample, recorded step by step. */
      readonly failure: Extract<RunResult, { ok: false }>;
    };

export function checkController(o: CheckOptions): CheckResult {
  let events = 0;
  let runs = 0;
  let shrinking = false;
  let crash: unknown;
  const property = fc.property(controllerStorm(o.cfg, { maxLength: o.maxEvents ?? 80 }), (storm) => {
    if (!shrinking) {
      runs++;
      events += storm.length;
      o.onRun?.(runs);
    }
    let ok: boolean;
    try {
      ok = runController(o.cfg, o.impl, storm, { ...only(o.properties), record: false }).ok;
    } catch (e) {
      crash ??= e;
      throw e;
    }
    if (!ok) shrinking = true;
    return ok;
  });
  const details = fc.check(property, { seed: o.seed, numRuns: o.runs });
  if (!details.failed) return { ok: true, runs: details.numRuns, events };
  const shrunk = details.counterexample?.[0];
  if (crash !== undefined) throw crash;
  if (shrunk === undefined) throw new Error('check: fast-check reported a failure without a counterexample');
  const failure = runController(o.cfg, o.impl, shrunk, { ...only(o.properties), record: true });
  if (failure.ok) {
    throw new Error(
      'check: the shrunk counterexample passes when run again (non-deterministic implementation?)',
    );
  }
  // Like fast-check's commands, report only the events that ran: the run stops at the failing step.
  const counterexample = shrunk.slice(0, failure.violation.step + 1);
  return {
    ok: false,
    runs,
    events,
    shrinks: details.numShrinks,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    counterexample,
    failure,
  };
}

function only(properties: readonly string[] | undefined): { properties?: readonly string[] } {
  return properties ? { properties } : {};
}
