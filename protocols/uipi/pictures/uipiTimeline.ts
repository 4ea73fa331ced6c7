/** The timeline of a replayed UIPI trace: lanes per CPU, receiver and sender, the drain's steps marked. */
import type { DescribeProperty } from '../../../engine/property.ts';
import { alsoFails, systemTimeline } from '../../../pictures/timeline/systemTimeline.ts';
import type { Timeline } from '../../../pictures/timeline/timeline.ts';
import { ruleOf } from '../../../pictures/timeline/traceFacts.ts';
import type { UipiReplay } from '../replay/replayUipiTrace.ts';
import type { ParsedUipiTrace } from '../trace/readUipiTrace.ts';
import { UIPI_LANES } from './uipiLanes.ts';

export function uipiTimeline(
  parsed: ParsedUipiTrace,
  result: UipiReplay,
  describe: DescribeProperty,
): Timeline {
  const steps = result.recorded.map((r) => ({
    index: r.index,
    event: r.event,
    state: r.state,
    outcome: r.accepted ? 'done' : 'rejected: not possible in this state',
    drain: r.phase === 'drain',
  }));
  return systemTimeline(UIPI_LANES, parsed, result, steps, () =>
    result.ok ? [] : [...alsoFails(result.violations), ...ruleOf(result.violation.property, describe)],
  );
}
