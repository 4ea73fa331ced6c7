/**
 * A property check of the controller protocol: random storms (fast-check, pinned seed) driven
 * through the lockstep runner, with fast-check's shrinking on failure. Returns data; the CLI and
 * the tests decide what to print and where to save the trace. Run `i` is the `i`-th storm of the
 * seed whatever range or thread runs it (see seededRuns.ts), so a check split over workers or
 * shards finds the same first failure as this one.
 */

import type { CheckOutcome } from '../../../engine/check/checkOutcome.ts';
import {
  type RangeOutcome,
  type RunRange,
  rangeOf,
  type SeededRunsOptions,
  seededRuns,
} from '../../../engine/check/seededRuns.ts';
import type { Coverage } from '../../../engine/coverage/coverage.ts';
import type { Violation } from '../../../engine/property.ts';
import type { ControllerImpl } from '../designs/device.ts';
import type { Config } from '../model/config/config.ts';
import type { ControllerEvent } from '../model/events.ts';
import { type RunResult, runController } from './runController.ts';
import { stormFor } from './stormFor.ts';

export interface CheckOptions {
  readonly cfg: Config;
  /** The implementation to check against the model; undefined checks the model on its own. */
  readonly impl: ControllerImpl | undefined;
  /** Runs of the whole check. */
  readonly runs: number;
  readonly seed: number;
  /** The runs to execute (a shard's); all of them, 0..runs, when absent. */
  readonly range?: RunRange;
  /** Property ids to evaluate; all of the protocol's when absent. */
  readonly properties?: readonly string[];
  /** Longest storm generated. */
  readonly maxEvents?: number;
  /** A storm profile the implementation declares (`--profile`); its own storms when absent. */
  readonly profile?: string;
  /** Called after every generated run (not shrink runs) with the count so far. */
  readonly onRun?: (done: number) => void;
  /** Counters of what the generated storms reach (for `--report`); shrinking's runs are not counted. */
  readonly coverage?: Coverage;
  /**
   * Only the failures this accepts count, the others pass (one finding of a design with several
   * of one property: model/finding.ts), so shrinking too keeps to it. In this process only: a
   * function is not sent to worker threads.
   */
  readonly accept?: (v: Violation) => boolean;
}

/** How the controller's check ended (checkOutcome.ts). */
export type CheckResult = CheckOutcome<ControllerEvent, Extract<RunResult, { ok: false }>>;

/** The seeded-run description of a controller check (shared by this process and the workers). */
export function controllerRuns(
  o: Omit<CheckOptions, 'runs'> & { readonly range: RunRange },
): SeededRunsOptions<ControllerEvent[]> {
  const sel = only(o.properties);
  return {
    arbitrary: stormFor(o.impl, o.profile, o.cfg, { maxLength: o.maxEvents ?? 80 }),
    holds: (storm) => {
      const cov = o.coverage?.live ? { coverage: o.coverage } : {};
      const r = runController(o.cfg, o.impl, storm, { ...sel, record: false, ...cov });
      if (r.ok) return r.stopped ?? true;
      if (o.accept !== undefined && !o.accept(r.violation)) return true;
      if (o.coverage !== undefined) o.coverage.live = false;
      return false;
    },
    weight: (storm) => storm.length,
    seed: o.seed,
    range: o.range,
    ...(o.onRun ? { onRun: o.onRun } : {}),
  };
}

/** Runs the check in this process, stopping at the first failing run. */
export function checkController(o: CheckOptions): CheckResult {
  return controllerResult(o, seededRuns(controllerRuns({ ...o, range: rangeOf(o) })));
}

/**
 * The result of a check from the outcome of its runs: a failure's shrunk counterexample is run
 * again with every step recorded (for the trace). A crash is rethrown.
 */
export function controllerResult(
  o: Pick<CheckOptions, 'cfg' | 'impl' | 'properties' | 'accept'>,
  outcome: RangeOutcome<readonly ControllerEvent[]>,
): CheckResult {
  switch (outcome.verdict) {
    case 'pass':
      return { ok: true, runs: outcome.runs, events: outcome.events, endedEarly: outcome.endedEarly };
    case 'crash':
      throw outcome.error;
    case 'fail': {
      const shrunk = outcome.counterexample;
      const failure = runController(o.cfg, o.impl, shrunk, { ...only(o.properties), record: true });
      if (failure.ok || (o.accept !== undefined && !o.accept(failure.violation))) {
        throw new Error(
          'check: the shrunk counterexample passes when run again (non-deterministic implementation?)',
        );
      }
      // Like fast-check's commands, report only the events that ran: the run stops at the failing step.
      return {
        ok: false,
        runs: outcome.runs,
        events: outcome.events,
        endedEarly: outcome.endedEarly,
        index: outcome.index,
        shrinks: outcome.shrinks,
        seed: outcome.seed,
        path: outcome.path,
        counterexample: shrunk.slice(0, failure.violation.step + 1),
        failure,
      };
    }
  }
}

function only(properties: readonly string[] | undefined): { properties?: readonly string[] } {
  return properties ? { properties } : {};
}
