/**
 * The timeline of a replayed system run (the wakeup, syscall and UIPI systems): a storm, then the
 * drain on the yellow band, and the verdict with the failure at its step, or at quiescence for a
 * liveness property the drain could not satisfy. Each protocol maps its recorded steps and says
 * what explains its failure; the rest is the same for all of them.
 */
import type { Violation } from '../../engine/property.ts';
import type { TraceHeader } from '../../traces/itfTrace.ts';
import type { LaneAdapter } from './laneAdapter.ts';
import type { Timeline } from './timeline.ts';
import { type RunStep, timelineOf } from './timelineOf.ts';
import { traceFacts } from './traceFacts.ts';

/** What a system replay's result holds that the timeline shows. */
export type SystemReplayed<S> = {
  readonly implementation: string;
  readonly steps: number;
  readonly initial: S;
} & (
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly violation: Violation;
      readonly violations: readonly Violation[];
      /** Where it failed: a storm step, a drain step, or at quiescence (liveness). */
      readonly phase: string;
    }
);

/** The timeline of the trace `parsed` replayed as `result`, its steps mapped to `steps`, a failure explained by `explain`. */
export function systemTimeline<E extends { readonly type: string }, S, C>(
  lanes: LaneAdapter<E, S, C>,
  parsed: TraceHeader & { readonly config: C },
  result: SystemReplayed<S>,
  steps: readonly RunStep<E, S>[],
  explain: () => readonly string[],
): Timeline {
  const input = {
    cfg: parsed.config,
    title: `${parsed.protocol} trace ${parsed.file}`,
    facts: traceFacts(parsed, result.implementation),
    initial: result.initial,
    steps,
  };
  if (result.ok) {
    return timelineOf(lanes, {
      ...input,
      verdict: `passes on "${result.implementation}": ${result.steps} steps (drain included), no property fails`,
    });
  }
  const v = shownViolation(result.violation, result.violations, parsed.meta.property);
  return timelineOf(lanes, {
    ...input,
    verdict: `still fails on "${result.implementation}": ${v.property} at step ${v.step} (${result.phase})`,
    failure: {
      property: v.property,
      message: v.message,
      step: result.phase === 'quiescence' ? -1 : v.step,
      explanation: explain(),
      expectedActual: [],
    },
  });
}

/**
 * The violation a timeline shows: the trace's own property (`recorded`, its `#meta.property`)
 * when it fails at the failing step, since a saved trace is about it although another may come
 * first in registry order; else the first.
 */
export function shownViolation(
  first: Violation,
  violations: readonly Violation[],
  recorded: string | undefined,
): Violation {
  return violations.find((x) => x.property === recorded) ?? first;
}

/** The other properties that fail at the same step as `shown` (the first by default), one line each. */
export function alsoFails(violations: readonly Violation[], shown = violations[0]): string[] {
  return violations.filter((x) => x !== shown).map((x) => `also fails: ${x.property}: ${x.message}`);
}
