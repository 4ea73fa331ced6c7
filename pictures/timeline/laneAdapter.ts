/**
 * What a protocol provides to be drawn as a timeline: its lanes, the lanes of an event (the one
 * function that decides where a mark goes), its queues and what a step changed. The controller
 * each protocol's adapter lives in its folder (protocols/<name>/pictures/), and {@link timelineOf}
 * does the rest.
 */
import type { Lane, QueueRow } from './timeline.ts';

/**
 * A protocol's view of its events `E` and states `S` for the timeline, under its configuration
 * `C` (each protocol's own: the controller family's Config, UIPI's UipiConfig).
 */
export interface LaneAdapter<E, S, C> {
  /** Every lane the configuration has, in display order (unused lanes are dropped later). */
  lanes(cfg: C): readonly Lane[];
  /**
   * The ids of the lanes event `e` touches, given the state before it and the state after it
   * (the same state when the step was refused); the first is its main lane.
   */
  eventLanes(cfg: C, e: E, before: S, after: S): readonly string[];
  /** `e` in one line. */
  eventLabel(e: E): string;
  /** The queue view of a state. */
  queues(cfg: C, s: S): readonly QueueRow[];
  /** What changed from `a` to `b`: `[name, was, now]`. */
  changes(cfg: C, a: S, b: S): readonly (readonly [string, string, string])[];
}

/** A lane id: `group:index`. */
export function laneId(group: string, index: number): string {
  return `${group}:${index}`;
}

/** The lanes `group 0 … group n-1` labelled `label(i)`. */
export function laneRange(group: string, n: number, label: (i: number) => string): Lane[] {
  const out: Lane[] = [];
  for (let i = 0; i < n; i++) out.push({ id: laneId(group, i), group, label: label(i) });
  return out;
}
