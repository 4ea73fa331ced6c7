/**
 * The timeline of a replayed controller trace: the run as replay judged it, and at the failing
 * step expected (model) beside actual (implementation).
 */
import type { DescribeProperty } from '../../../engine/property.ts';
import { alsoFails, shownViolation } from '../../../pictures/timeline/systemTimeline.ts';
import type { Timeline } from '../../../pictures/timeline/timeline.ts';
import { timelineOf } from '../../../pictures/timeline/timelineOf.ts';
import { ruleOf, traceFacts } from '../../../pictures/timeline/traceFacts.ts';
import { changedCells, formatObservation } from '../model/stateCells.ts';
import type { ControllerReplay } from '../replay/replayControllerTrace.ts';
import type { ParsedControllerTrace } from '../trace/readControllerTrace.ts';
import { CONTROLLER_LANES } from './controllerLanes.ts';

export function controllerTimeline(
  parsed: ParsedControllerTrace,
  result: ControllerReplay,
  describe: DescribeProperty,
): Timeline {
  const cfg = parsed.config;
  const title = `${parsed.protocol} trace ${parsed.file}`;
  const facts = traceFacts(parsed, result.implementation);
  const steps = result.recorded.map((r, index) => ({
    index,
    event: r.event,
    state: r.state,
    outcome: formatObservation(r.obs),
    drain: false,
  }));
  const input = { cfg, title, facts, initial: result.initial, steps };
  if (result.ok) {
    const stopped = result.stopped === undefined ? '' : ` (the run stopped there: ${result.stopped})`;
    return timelineOf(CONTROLLER_LANES, {
      ...input,
      verdict: `passes on "${result.implementation}": ${result.steps} steps, no property fails${stopped}`,
    });
  }
  const v = shownViolation(result.violation, result.violations, parsed.meta.property);
  const r = result.failing;
  const expectedActual: [string, string, string][] = [];
  if (r.expected !== undefined) {
    const eo = formatObservation(r.expected.obs);
    const ao = formatObservation(r.obs);
    if (eo !== ao) expectedActual.push(['returned', eo, ao]);
    expectedActual.push(...changedCells(cfg, r.expected.state, r.state));
  }
  const others = alsoFails(result.violations, v);
  return timelineOf(CONTROLLER_LANES, {
    ...input,
    verdict: `still fails on "${result.implementation}": ${v.property} at step ${v.step}`,
    failure: {
      property: v.property,
      message: v.message,
      step: v.step,
      explanation: [...others, ...ruleOf(v.property, describe)],
      expectedActual,
    },
  });
}
