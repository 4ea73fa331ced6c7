/**
 * A trace as a timeline, protocol-neutral: lanes (one per hart, CPU, thread, process, device …),
 * one step per event with the lanes it touches, its arguments, what it returned, what it changed
 * and the queue contents after it, and the failure to highlight. Every string here is plain text
 * (the renderer escapes it); a protocol produces a timeline through its {@link LaneAdapter}.
 */

/** One lane of the timeline: `id` is `group:index` (`hart:0`, `device:1`, `process:0`). */
export interface Lane {
  readonly id: string;
  /** What kind of actor the lane is (`hart`, `process`, `device`, `cpu`, `thread`, …). */
  readonly group: string;
  readonly label: string;
}

/** One named queue or cell shown in the queue view: `ready p0 prio 1` → `[0x3, 0x5]`. */
export interface QueueRow {
  readonly label: string;
  readonly items: readonly string[];
}

/** One step of the timeline. */
export interface TimelineStep {
  /** The step's index as replay and the trace's `failingStep` count it. */
  readonly index: number;
  /** The event in one line (`Enqueue(p=0, prio=1, task=0x3)`). */
  readonly label: string;
  /** The event's kind (`Enqueue`), the mark's short name. */
  readonly kind: string;
  /** The event's arguments, shown on hover. */
  readonly args: readonly (readonly [string, string])[];
  /** Ids of the lanes the event touches (at least one). */
  readonly lanes: readonly string[];
  /** What it returned or why it was refused (`0x3`, `ack`, `rejected: …`). */
  readonly outcome: string;
  /** The cells it changed: `[name, was, now]`. */
  readonly changes: readonly (readonly [string, string, string])[];
  /** Queue contents after the step. */
  readonly queues: readonly QueueRow[];
  /** Set for a step of the fair drain that follows a storm. */
  readonly drain: boolean;
}

/** The violated property, shown at its step (or after the last one, for a failure at quiescence). */
export interface TimelineFailure {
  readonly property: string;
  readonly message: string;
  /** The index of the failing step in {@link Timeline.steps}, or -1 when no step failed (quiescence). */
  readonly at: number;
  /** Lines explaining the failure in domain words. */
  readonly explanation: readonly string[];
  /** Expected (model) beside actual (implementation) at the failing step: `[name, expected, actual]`. */
  readonly expectedActual: readonly (readonly [string, string, string])[];
}

/** A whole timeline. */
export interface Timeline {
  readonly title: string;
  /** Header lines: protocol, implementation, recorded failure, note … */
  readonly facts: readonly (readonly [string, string])[];
  readonly lanes: readonly Lane[];
  /** Queue contents before the first step. */
  readonly initialQueues: readonly QueueRow[];
  readonly steps: readonly TimelineStep[];
  /** The verdict of the run in one line. */
  readonly verdict: string;
  readonly failure?: TimelineFailure;
}
