/**
 * The protocol-neutral half of a timeline: given a protocol's {@link LaneAdapter} and a recorded
 * run (initial state, then each step's event, outcome and state after it), lays the steps on
 * the lanes, keeps only the lanes some event touches, and attaches the queue view of every step.
 */
import type { LaneAdapter } from './laneAdapter.ts';
import type { Lane, Timeline, TimelineFailure, TimelineStep } from './timeline.ts';

/** One recorded step as the adapters see it. */
export interface RunStep<E, S> {
  /** The index replay reports for it (violations name this index). */
  readonly index: number;
  readonly event: E;
  /** The state after the step. */
  readonly state: S;
  /** What it returned or why it was refused, as text. */
  readonly outcome: string;
  readonly drain: boolean;
}

/** A recorded run to draw. */
export interface TimelineInput<E, S, C> {
  readonly cfg: C;
  readonly title: string;
  readonly facts: readonly (readonly [string, string])[];
  readonly initial: S;
  readonly steps: readonly RunStep<E, S>[];
  readonly verdict: string;
  /** The violation; `step` is the failing step's index as replay reports it. */
  readonly failure?: Omit<TimelineFailure, 'at'> & { readonly step: number };
}

/** The timeline of `input` drawn with `adapter`. */
export function timelineOf<E extends { readonly type: string }, S, C>(
  adapter: LaneAdapter<E, S, C>,
  input: TimelineInput<E, S, C>,
): Timeline {
  const { cfg } = input;
  let before = input.initial;
  const steps: TimelineStep[] = input.steps.map((r) => {
    const s: TimelineStep = {
      index: r.index,
      label: adapter.eventLabel(r.event),
      kind: r.event.type,
      args: eventArgs(r.event),
      lanes: adapter.eventLanes(cfg, r.event, before, r.state),
      outcome: r.outcome,
      changes: adapter.changes(cfg, before, r.state),
      queues: adapter.queues(cfg, r.state),
      drain: r.drain,
    };
    before = r.state;
    return s;
  });
  const used = new Set(steps.flatMap((s) => s.lanes));
  const all = adapter.lanes(cfg);
  const lanes: Lane[] = all.filter((l) => used.has(l.id));
  // An adapter naming a lane it did not list still gets one, at the end.
  for (const id of used) if (!all.some((l) => l.id === id)) lanes.push({ id, group: 'other', label: id });
  const f = input.failure;
  const timeline: Timeline = {
    title: input.title,
    facts: input.facts,
    lanes,
    initialQueues: adapter.queues(cfg, input.initial),
    steps,
    verdict: input.verdict,
  };
  if (f === undefined) return timeline;
  const { step, ...rest } = f;
  return { ...timeline, failure: { ...rest, at: steps.findIndex((s) => s.index === step) } };
}

/** The fields of an event other than `type`, as text (ids and data in hex). */
function eventArgs(e: object): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(e)) if (k !== 'type') out.push([k, argText(v)]);
  return out;
}

function argText(v: unknown): string {
  if (typeof v === 'bigint') return `0x${v.toString(16)}`;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && v !== null) {
    return Object.entries(v)
      .map(([k, x]) => (k === 'kind' ? argText(x) : `${k}=${argText(x)}`))
      .join(' ');
  }
  return String(v);
}
