/**
 * The controller judged engine's search over its short-key store (slotKeyStore.ts): the search of
 * controllerJudgedExplore.ts, but a state's successors are first all stepped and judged, each one
 * not equal to the state itself packed and staged, then the staged keys' table slots read one
 * after another so that their cache misses overlap (a slot is the whole key: nothing else is
 * read to compare), and only then admitted one by one in the alphabet's order. The states get
 * the same ids in the same order, and every report is made as the one-by-one search makes it: a
 * violation of a step is reported after the staged successors before it are admitted (one of them
 * may end the search first), a new state's own verdicts are judged on its bytes unpacked from its
 * key, and progress, the states bound and a violation report the transitions counted up to their
 * event. (What differs: the successors after one that reaches the states bound have been stepped,
 * so an internal error one of them raises, such as a node above its bounds, is raised first.)
 */

import type { JudgedStats } from '../../../../engine/explore/packed/judgedOutcome.ts';
import type { SlotKeyStore } from '../../../../engine/explore/packed/slotKeyStore.ts';
import { storePath } from '../../../../engine/explore/packed/storePath.ts';
import type { Violation } from '../../../../engine/property.ts';
import type { ControllerEvent } from '../../model/events.ts';
import type { ControllerJudgedOptions, ControllerJudgedOutcome } from './controllerJudgedExplore.ts';
import type { ControllerPackedSuccessors } from './controllerPackedSuccessors.ts';

/** The outcome of `violations` on event `i` of state `head` of `store`, with `counts`. */
export function failedAt(
  violations: readonly Violation[],
  store: { readonly parent: Int32Array; readonly via: Int32Array },
  events: readonly ControllerEvent[],
  head: number,
  i: number,
  counts: JudgedStats,
): ControllerJudgedOutcome {
  const path = storePath(store, events, head, 'judged engine');
  const e = events[i];
  if (e === undefined) throw new Error(`judged engine: no event ${i}`);
  path.push(e);
  return { kind: 'violation', properties: violations.map((v) => v.property), path, ...counts };
}

/** The search options as exploreControllerJudged resolved them. */
interface Resolved extends ControllerJudgedOptions {
  readonly maxStates: number;
  readonly progressEvery: number;
  /** Judge a successor's own verdicts once per distinct state (not `everyTransition`). */
  readonly stateOnce: boolean;
}

/** Explores from the initial state already in `store` with `succ` (see above). */
export function searchSlotKeys(
  succ: ControllerPackedSuccessors,
  store: SlotKeyStore,
  events: readonly ControllerEvent[],
  opts: Resolved,
): ControllerJudgedOutcome {
  const { maxStates, progressEvery: every, stateOnce } = opts;
  let transitions = 0;
  let diameter = 0;
  /** The state being expanded, unpacked from its key. */
  const unpacked = new Int32Array(succ.n);
  /** Per staged successor: its event's index. */
  const stagedEvent = new Int32Array(events.length);
  /**
   * Admits the staged successors of `head` (depth `d`, its transitions counted from `base`) in
   * order: the outcome when one of them ends the search.
   */
  const admit = (head: number, d: number, base: number): ControllerJudgedOutcome | undefined => {
    const staged = store.takeStaged();
    for (let j = 0; j < staged; j++) {
      const i = stagedEvent[j] ?? 0;
      const t = base + i + 1;
      const added = store.addStaged(j, succ.words, d, head, i);
      // the verdicts on the successor alone: once per distinct state (and on the initial state, never a successor)
      if (stateOnce && (added || store.lastInitial)) {
        if (!added) store.unpackStaged(j, succ.words);
        const violations = succ.stateViolations(d - 1);
        if (violations !== undefined) {
          if (d > diameter) diameter = d;
          // a failing successor just stored is not among the distinct states (the step judge stores none)
          const counts = { distinct: store.count - (added ? 1 : 0), transitions: t, diameter };
          return failedAt(violations, store, events, head, i, counts);
        }
      }
      if (!added) continue;
      if (d > diameter) diameter = d;
      if (store.count % every === 0)
        opts.onProgress?.({
          distinct: store.count,
          transitions: t,
          queue: store.count - head - 1,
          depth: diameter,
        });
      if (store.count >= maxStates)
        return { kind: 'maxStates', distinct: store.count, transitions: t, diameter };
    }
    return undefined;
  };
  for (let head = 0; head < store.count; head++) {
    store.unpackInto(head, unpacked);
    if (!succ.loadWords(unpacked, 0)) continue; // no event is enabled after an access that ended the run
    const d = (store.level[head] ?? 0) + 1;
    const base = transitions;
    for (let i = 0; i < events.length; i++) {
      transitions++;
      let violations = succ.step(i, d - 1, stateOnce);
      if (violations === undefined) {
        // a successor equal to the state expanded is known (the state itself) without a look-up
        if (!succ.sameAsLoaded()) {
          stagedEvent[store.staged] = i;
          store.stage(succ.words, events.length);
          continue;
        }
        if (stateOnce && head === 0) violations = succ.stateViolations(d - 1);
        if (violations === undefined) continue;
      }
      const before = admit(head, d, base);
      if (before !== undefined) return before;
      if (d > diameter) diameter = d;
      return failedAt(violations, store, events, head, i, { distinct: store.count, transitions, diameter });
    }
    const out = admit(head, d, base);
    if (out !== undefined) return out;
  }
  opts.onProgress?.({ distinct: store.count, transitions, queue: 0, depth: diameter });
  return { kind: 'complete', distinct: store.count, transitions, diameter };
}
