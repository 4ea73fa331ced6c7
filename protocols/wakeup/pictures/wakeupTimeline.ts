/** The timeline of a replayed wakeup-system trace, the drain's steps marked, the failure explained. */
import { alsoFails, shownViolation, systemTimeline } from '../../../pictures/timeline/systemTimeline.ts';
import type { Timeline } from '../../../pictures/timeline/timeline.ts';
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { formatObservation } from '../../controller/model/stateCells.ts';
import { explainWakeup } from '../engine/explainWakeup.ts';
import type { WakeupReplay } from '../replay/replayWakeupTrace.ts';
import type { ParsedWakeupTrace } from '../trace/readWakeupTrace.ts';
import { WAKEUP_LANES } from './wakeupLanes.ts';

export function wakeupTimeline(
  parsed: ParsedWakeupTrace,
  result: WakeupReplay,
  impl: ControllerImpl,
): Timeline {
  const steps = result.recorded.map((r) => ({
    index: r.index,
    event: r.event,
    state: r.state,
    outcome:
      r.outcome.kind === 'rejected'
        ? `rejected: ${r.outcome.reason}`
        : r.outcome.obs === null
          ? 'ack'
          : formatObservation(r.outcome.obs),
    drain: r.phase === 'drain',
  }));
  return systemTimeline(WAKEUP_LANES, parsed, result, steps, () =>
    result.ok
      ? []
      : [
          ...alsoFails(
            result.violations,
            shownViolation(result.violation, result.violations, parsed.meta.property),
          ),
          ...explainWakeup(parsed.config, impl, parsed.events, result),
        ],
  );
}
