/**
 * The step lines of a system replay (wakeup, syscall): each recorded step with its outcome, the
 * state cells it changed, the drain's start, and the failing property at its step. Each
 * protocol's formatter adds its header and verdict (formatSystemVerdict.ts) and says how its
 * events and changes read.
 */

import type { Violation } from '../engine/property.ts';
import type { Observation } from '../protocols/controller/model/result.ts';
import { formatObservation } from '../protocols/controller/model/stateCells.ts';

/** Indent of the lines under a step. */
const STEP_INDENT = '        ';

/** A recorded step of a system run, as the wakeup and syscall runners record them. */
export interface SystemStepRecord<E, S> {
  readonly index: number;
  readonly phase: 'storm' | 'drain';
  readonly event: E;
  readonly state: S;
  readonly outcome:
    | { readonly kind: 'rejected'; readonly reason: string }
    | { readonly kind: 'accepted'; readonly obs: Observation | null };
}

/** How one protocol's steps read. */
export interface SystemStepWords<E, S> {
  /** The line that marks the start of the drain. */
  readonly drainLine: string;
  readonly event: (e: E) => string;
  /** [cell name, before, after] of every cell the step changed. */
  readonly changes: (before: S, after: S) => readonly (readonly [string, string, string])[];
}

/** Appends to `lines` the steps of a run from `initial`, marking `violation`'s step when present. */
export function formatSystemSteps<E, S>(
  lines: string[],
  initial: S,
  recorded: readonly SystemStepRecord<E, S>[],
  violation: Violation | undefined,
  words: SystemStepWords<E, S>,
): void {
  const failAt = violation === undefined ? -1 : violation.step;
  const failLine = violation && `${STEP_INDENT}property ${violation.property} fails: ${violation.message}`;
  let before = initial;
  let drainShown = false;
  for (const r of recorded) {
    if (r.phase === 'drain' && !drainShown) {
      lines.push(words.drainLine);
      drainShown = true;
    }
    const failed = r.index === failAt;
    const o = r.outcome;
    const what =
      o.kind === 'rejected'
        ? ` (rejected: ${o.reason})`
        : o.obs === null || o.obs.kind === 'ack'
          ? ''
          : ` → ${formatObservation(o.obs)}`;
    lines.push(`${failed ? '✗' : ' '} ${String(r.index).padStart(4)}  ${words.event(r.event)}${what}`);
    for (const [name, was, now] of words.changes(before, r.state))
      lines.push(`${STEP_INDENT}${name}: ${was} → ${now}`);
    if (failed && failLine) lines.push(failLine);
    before = r.state;
  }
  if (failLine && !recorded.some((r) => r.index === failAt)) lines.push(failLine);
}
