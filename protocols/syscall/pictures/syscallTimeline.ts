/**
 * The timeline of a replayed syscall trace: each recorded step (storm, then the §6 drain on the
 * yellow band) laid on the syscall lanes, its outcome the register access it performed and what
 * that returned, and the failure with the properties that also failed and the rule it states.
 */

import type { DescribeProperty } from '../../../engine/property.ts';
import { alsoFails, systemTimeline } from '../../../pictures/timeline/systemTimeline.ts';
import type { Timeline } from '../../../pictures/timeline/timeline.ts';
import { ruleOf } from '../../../pictures/timeline/traceFacts.ts';
import { formatEvent } from '../../controller/model/formatEvent.ts';
import { formatObservation } from '../../controller/model/stateCells.ts';
import type { SyscallStepOutcome } from '../properties/context.ts';
import type { SyscallReplay } from '../replay/replaySyscallTrace.ts';
import type { ParsedSyscallTrace } from '../trace/readSyscallTrace.ts';
import { SYSCALL_LANES } from './syscallLanes.ts';

/** A step's outcome as text: `IpcSend(…) → ack`, `software only`, or `rejected: reason`. */
function syscallOutcomeText(o: SyscallStepOutcome): string {
  if (o.kind === 'rejected') return `rejected: ${o.reason}`;
  if (o.access === null) return 'software only';
  return o.obs === null ? formatEvent(o.access) : `${formatEvent(o.access)} → ${formatObservation(o.obs)}`;
}

/** The timeline of the syscall trace `parsed` replayed as `r`, each failure's rule looked up with `describe`. */
export function syscallTimeline(
  parsed: ParsedSyscallTrace,
  r: SyscallReplay,
  describe: DescribeProperty,
): Timeline {
  const steps = r.recorded.map((x) => ({
    index: x.index,
    event: x.event,
    state: x.state,
    outcome: syscallOutcomeText(x.outcome),
    drain: x.phase === 'drain',
  }));
  return systemTimeline(SYSCALL_LANES, parsed, r, steps, () =>
    r.ok ? [] : [...alsoFails(r.violations), ...ruleOf(r.violation.property, describe)],
  );
}
