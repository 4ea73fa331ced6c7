/**
 * A narrower search for one finding of a design (the findings of linux-rfc-v1): the same
 * properties, but the search is kept to the scenario's events and a liveness failure counts only
 * when the state the drain started from is this finding's. A storm check (checkUipi) then
 * reports, shrinks and minimizes only runs the scenario accepts, so its counterexample stays that
 * finding; the explorer (exploreUipi) expands only the events the scenario allows and reports
 * only witnessed leads-to violations, so its BFS-shortest path is the shortest of that finding
 * within the allowed events. Both only narrow: what they report is a run of the design as it is
 * (its trace replays to the same failure with no scenario). A step property's failure always
 * counts. Functions, so in this process only (not on worker threads).
 */
import type fc from 'fast-check';
import type { StateSpace } from '../../../engine/explore/stateSpace.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import type { UipiState } from '../model/state.ts';
import type { UipiRunResult } from './runUipi.ts';
import type { UipiNode } from './uipiJudge.ts';

export interface UipiScenario {
  /** Names the finding (messages, tests). */
  readonly name: string;
  /** The storms to draw instead of the general one (uipiStorm), given the check's longest storm. */
  readonly storm?: (cfg: UipiConfig, maxEvents: number) => fc.Arbitrary<UipiEvent[]>;
  /** Whether the search may take `e` from state `s` (a storm's event that is not allowed is left out). Absent: every event. */
  readonly allow?: (s: UipiState, e: UipiEvent) => boolean;
  /** Whether a liveness failure from a drain that started in `s` is this finding. Absent: every one is. */
  readonly witness?: (s: UipiState) => boolean;
}

/** `space` narrowed to `sc`: only allowed events expanded, only witnessed leads-to violations reported (the drains themselves unchanged). */
export function scenarioSpace(
  space: StateSpace<UipiNode, UipiEvent>,
  sc: UipiScenario,
): StateSpace<UipiNode, UipiEvent> {
  const { allow, witness } = sc;
  const { liveness } = space;
  return {
    ...space,
    ...(allow === undefined
      ? {}
      : { enabled: (n: UipiNode) => space.enabled(n).filter((e) => allow(n.sys, e)) }),
    ...(witness === undefined || liveness === undefined
      ? {}
      : { liveness: (n: UipiNode) => (witness(n.sys) ? liveness(n) : null) }),
  };
}

/**
 * Whether a failing run (recorded step by step) is `sc`'s finding: every storm event it accepted
 * was allowed from the state before it, and a failure in the drain or at its end is witnessed by
 * the state the drain started from.
 */
export function scenarioAccepts(sc: UipiScenario, r: Extract<UipiRunResult, { ok: false }>): boolean {
  const { allow, witness } = sc;
  if (allow !== undefined) {
    let before = r.initial;
    for (const x of r.recorded) {
      if (x.phase !== 'storm') break;
      if (x.accepted && !allow(before, x.event)) return false;
      before = x.state;
    }
  }
  if (witness === undefined || r.phase === 'storm') return true;
  return r.atDrain !== undefined && witness(r.atDrain);
}
