/**
 * The timeline of a replayed syscall trace: each recorded step (storm, then the §6 drain on the
 * yellow band) laid on the syscall lanes, its outcome the register access it performed and what
 * that returned, and the failure with the properties that also failed and the rule it states.
 */

import type { Timeline } from '../../../pictures/timeline/timeline.ts';
import { timelineOf } from '../../../pictures/timeline/timelineOf.ts';
import type { ReplayResult } from '../../../replay/replay.ts';
import { formatEvent } from '../../controller/model/formatEvent.ts';
import { formatObservation } from '../../controller/trace/stateCells.ts';
import type { ParsedTrace } from '../../readTrace.ts';
import { findProperty } from '../../registry.ts';
import type { SyscallStepOutcome } from '../properties/context.ts';
import { SYSCALL_LANES } from './syscallLanes.ts';

type SyscallReplay = Extract<ReplayResult, { readonly protocol: 'syscall' }>;

/** A step's outcome as text: `IpcSend(…) → ack`, `software only`, or `rejected: reason`. */
export function syscallOutcomeText(o: SyscallStepOutcome): string {
  if (o.kind === 'rejected') return `rejected: ${o.reason}`;
  if (o.access === null) return 'software only';
  return o.obs === null ? formatEvent(o.access) : `${formatEvent(o.access)} → ${formatObservation(o.obs)}`;
}

/** The timeline of the syscall trace `parsed` replayed as `result`, with the header `facts`. */
export function syscallTimeline(
  parsed: ParsedTrace,
  result: ReplayResult,
  facts: readonly (readonly [string, string])[],
): Timeline {
  if (parsed.protocol !== 'syscall' || result.protocol !== 'syscall')
    throw new Error('syscallTimeline: not a syscall trace');
  const r: SyscallReplay = result;
  const steps = r.recorded.map((x) => ({
    index: x.index,
    event: x.event,
    state: x.state,
    outcome: syscallOutcomeText(x.outcome),
    drain: x.phase === 'drain',
  }));
  const input = {
    cfg: parsed.config,
    title: `${parsed.protocol} trace ${parsed.file}`,
    facts,
    initial: r.initial,
    steps,
  };
  if (r.ok) {
    return timelineOf(SYSCALL_LANES, {
      ...input,
      verdict: `passes on "${r.implementation}": ${r.steps} steps (drain included), no property fails`,
    });
  }
  const v = r.violation;
  const rule = findProperty(v.property);
  return timelineOf(SYSCALL_LANES, {
    ...input,
    verdict: `still fails on "${r.implementation}": ${v.property} at step ${v.step} (${r.phase})`,
    failure: {
      property: v.property,
      message: v.message,
      step: r.phase === 'quiescence' ? -1 : v.step,
      explanation: [
        ...r.violations.slice(1).map((x) => `also fails: ${x.property}: ${x.message}`),
        ...(rule === undefined ? [] : [`rule (${rule.spec}): ${rule.description}`]),
      ],
      expectedActual: [],
    },
  });
}
