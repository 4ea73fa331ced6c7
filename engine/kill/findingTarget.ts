/**
 * What the findings table (protocols/findingsTable.ts) asks of a protocol about one finding of one
 * of its designs (model/finding.ts): a hunt with random storms on a fixed budget, the finding's
 * property alone judged (the engine of `intcheck check --impl DESIGN --property ID`, in this
 * process), narrowed to the finding where it says so; and the explorer's BFS-shortest run of it
 * within a bound on distinct states. Each protocol's descriptor builds one (Protocol.findingTarget).
 */
import { assertNever } from '../../model/assertNever.ts';
import { thousands } from '../../model/thousands.ts';
import type { Hunt, KillBudget } from './killAdapter.ts';

/** What the explorer found for a finding: the length of a shortest run, or why there is none. */
export type FindingShortest =
  | {
      readonly found: true;
      /** Steps of a BFS-shortest run up to its failure, drain steps included (as a hunt counts them). */
      readonly length: number;
    }
  | { readonly found: false; readonly why: string };

export interface FindingTarget {
  /**
   * Storms within `budget`; a caught hunt's length is the steps of its minimized counterexample's
   * run up to the failure: its events, and the drain's steps when a drain step or quiescence
   * failed (a liveness failure may need few storm events and a long drain).
   */
  readonly hunt: (budget: KillBudget) => Hunt;
  /** The explorer on the finding's exploration configuration, stopped at `maxStates` distinct states. */
  readonly shortest: (maxStates: number) => FindingShortest;
}

/** An exploration's verdict on a finding: its length, or why there is none (`n` distinct states explored). */
export function shortestOf(
  kind: 'violation' | 'maxStates' | 'complete',
  n: number,
  maxStates: number,
): FindingShortest {
  switch (kind) {
    case 'violation':
      return { found: true, length: n };
    case 'maxStates':
      return { found: false, why: `not within ${thousands(maxStates)} distinct states` };
    case 'complete':
      return { found: false, why: `none in the ${thousands(n)} reachable states` };
    default:
      return assertNever(kind);
  }
}
