/**
 * heldCount: every instance held in ready and blocked queues, a measure several properties
 * share (taskConservation on the state before a step, capacityBound on the state after it).
 * States are never modified, so counts are remembered per state, and the count after a step is
 * derived from the count before and the step's queue changes.
 */
import type { ControllerState } from '../model/state.ts';
import type { ControllerStepContext } from './context.ts';
import { type QueueChange, stepFacts } from './stepFacts.ts';

/** The total of the lengths of a table's queues. */
function totalLength(table: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (let i = 0; i < table.length; i++) n += table[i]?.length ?? 0;
  return n;
}

/** The last two states measured by {@link heldCount} and their counts (a step asks about before and after). */
let heldOf0: ControllerState | undefined;
let held0 = 0;
let heldOf1: ControllerState | undefined;
let held1 = 0;

/**
 * Every instance held in ready and blocked queues, all processes together. States are never
 * modified, so the count of the last two states asked about is remembered: in a run, each step's
 * `after` is the next step's `before`, and only one new state is counted per step.
 */
export function heldCount(s: ControllerState): number {
  if (s === heldOf0) return held0;
  if (s === heldOf1) return held1;
  return remember(s, totalLength(s.ready) + totalLength(s.irqWait) + totalLength(s.ipcWait));
}

/** Remembers `n` as the held count of `s` (the older of the two remembered states is forgotten). */
function remember(s: ControllerState, n: number): number {
  heldOf1 = heldOf0;
  held1 = held0;
  heldOf0 = s;
  held0 = n;
  return n;
}

/** Entries added minus entries removed over some queue changes. */
function netLength<T>(cs: readonly QueueChange<T>[]): number {
  let n = 0;
  for (const c of cs) n += c.added.length - c.removed.length;
  return n;
}

/**
 * {@link heldCount} of the state after the step `ctx`: the count before, plus what the step's
 * queue changes added, minus what they removed (each change accounts exactly for the difference
 * in length of its queue), so only the changed queues are looked at.
 */
export function heldCountAfter(ctx: ControllerStepContext): number {
  const { before, after } = ctx;
  if (after === heldOf0) return held0;
  if (after === heldOf1) return held1;
  const f = stepFacts(ctx);
  return remember(
    after,
    heldCount(before) + netLength(f.ready) + netLength(f.irqWait) + netLength(f.ipcWait),
  );
}
