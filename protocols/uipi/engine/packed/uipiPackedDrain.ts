/**
 * The leads-to check of the packed UIPI engine from one admitted node, as uipiDrainFrom.ts runs it
 * for the object engine: the drain `cfg.drain` names (protocols/uipi/model/drain.ts `drainUipi`,
 * its policy re-implemented on words: `choose`, `settled`, `advance`), every drain step judged as
 * an explored step is (uipiPackedStep.ts), the liveness properties judged where it ends — on words,
 * and wherever they find a failure by the properties themselves on the decoded end state, which
 * must agree — and the same memo of earlier successful drains (DrainMemo), its positions the node's
 * key words, its owed masks and the policy's own state (which receivers took their kernel entry,
 * whether the timer was served; the policy's undo flags are the state's, advanced by the same rule).
 * A position the caller numbers needs no hash table: a drain's start, the admitted node itself
 * (memo id 2·node), and after the first step, when the policy's own state is still the start's,
 * the admitted node that is the successor exactly (the search found it: its number); every other
 * position is looked up in the positions table (id 2·entry + 1). One position may so have two ids,
 * which only costs a memo hit (plain, two slots: 215,344 table look-ups instead of 516,884, one per
 * drain step after the first). Which drains the memo cuts changes no verdict (it remembers only
 * successes, each a deterministic continuation within the bound: drainMemo.ts). When that
 * successor is a node the search has not expanded yet and the memo does not know, the drain is
 * that node's own one step longer: the search waits for that node's check (`chains`, `settle`)
 * rather than drain on here (plain, two slots: 183,036 drain steps after the first → 66,368,
 * position look-ups 215,344 → 110,812).
 *
 * Why a drain per admitted node rather than a walk over the explored graph after the search (the
 * wakeup engine's packedLeadsTo.ts): the object engine drains each node as it admits it, so the
 * first violation, and the counts where it stops, are the ones it reports; the drain is a few
 * memoised steps per node, so it costs about what expanding the node does.
 */
import { DrainMemo } from '../../../../engine/explore/drainMemo.ts';
import { PackedStore } from '../../../../engine/explore/packed/packedStore.ts';
import type { Violation } from '../../../../engine/property.ts';
import { isSkyloft, type UipiConfig } from '../../model/config.ts';
import type { UipiLivenessContext, UipiLivenessProperty } from '../../properties/context.ts';
import {
  receiverCode,
  T_ACCEPT,
  T_ARRIVE,
  T_NOTIFY_DRAIN,
  T_SEND_IPI,
  T_SWITCH_IN_RESTORE,
  T_TIMER_TICK,
} from './uipiPackedEvents.ts';
import {
  CUR_MASK,
  decodeUipiGhost,
  decodeUipiState,
  HVEC_MASK,
  HVEC_SHIFT,
  PHASE,
  PHASE_MASK,
} from './uipiPackedLayout.ts';
import type { UipiPackedMutation } from './uipiPackedMutation.ts';
import type { UipiPackedStep } from './uipiPackedStep.ts';
import { copyWords, UipiPackedSuccessors } from './uipiPackedSuccessors.ts';

/** drain.ts `CLASS` by type code (-1: never drained). */
function classes(): Int32Array {
  const c = new Int32Array(T_TIMER_TICK + 2).fill(-1);
  c[T_SEND_IPI] = 0;
  c[T_ARRIVE] = 1;
  c[T_NOTIFY_DRAIN] = 2;
  c[T_ACCEPT] = 3;
  for (const t of [
    'SwitchOutSave',
    'SwitchInClearSn',
    'SwitchInCheckPir',
    'KernelExit',
    'WaitRecheck',
    'WaitEnlist',
    'WaitSleep',
    'WakeRestoreNv',
  ] as const)
    c[receiverCode(t)] = 4;
  c[T_SWITCH_IN_RESTORE] = 5;
  c[receiverCode('HandlerBody')] = 6;
  c[receiverCode('Uiret')] = 6;
  c[receiverCode('Deliver')] = 7;
  c[receiverCode('Stui')] = 8;
  c[receiverCode('KernelEntry')] = 9;
  c[T_TIMER_TICK] = TICK;
  return c;
}
const TICK = 10;
const STUI = receiverCode('Stui');
const UIRET = receiverCode('Uiret');
const KERNEL_ENTRY = receiverCode('KernelEntry');

/** The liveness properties' bits, by their ids. */
const WAIT_WAKES = 1;
const DELIVERED = 2;
const REARMS = 4;
const LIVENESS_BITS: Readonly<Record<string, number>> = {
  uipiWaitWakes: WAIT_WAKES,
  uipiEventuallyDelivered: DELIVERED,
  uipiTimerRearms: REARMS,
};

/** The leads-to check from one node: null or the violations. */
export interface UipiPackedDrain {
  /**
   * Starts the check of admitted node `node` (the caller's number for it: the same for the same
   * key words and owed masks, dense from 0); true when the memo knows its drain succeeds, which
   * ends the check. Else {@link from} or {@link first} and {@link afterFirst} continue it.
   */
  begin(node: number): boolean;
  /** From a node's key words (at `wAt`) and ghost words (at `gAt`). */
  from(w: Int32Array, wAt: number, g: Int32Array, gAt: number): readonly Violation[] | null;
  /**
   * The drain's first event from the node `S` has loaded, whose enabled events are `list`'s first
   * `n` (as `S.enabled` wrote them), or -1 when the drain takes no step from it (then {@link from}).
   */
  first(S: UipiPackedSuccessors, list: Int32Array, n: number): number;
  /**
   * From the node `S` has loaded, once `S` has stepped its {@link first} event `k` with no
   * violation (the successor in `S.after`): the search steps that event anyway, so the drain
   * starts at its second step; `next` is the caller's number of the admitted node that is that
   * successor exactly (its key words and owed masks), or -1.
   */
  afterFirst(S: UipiPackedSuccessors, k: number, next: number): readonly Violation[] | null;
  /**
   * Whether, instead of {@link afterFirst}, the check of the node `S` has loaded is node `next`'s
   * own check one step later: after its first event `k` the policy's own state is still the
   * start's (`k` enters no kernel, serves no timer), so the drain goes on exactly as node `next`'s
   * (an admitted node the caller has not expanded yet), whose success the memo does not know yet.
   * The caller then learns this check's result from `next`'s ({@link known}, {@link settle}).
   */
  chains(S: UipiPackedSuccessors, k: number, next: number): boolean;
  /** The steps of admitted node `node`'s drain when the memo knows it succeeds, or -1. */
  known(node: number): number;
  /** Admitted node `node`'s drain succeeds after `steps` steps (learnt from the node it chains to). */
  settle(node: number, steps: number): void;
}

/**
 * The packed leads-to check of `cfg` by `liveness`, its steps judged by `step` (see above);
 * `leftOut` names liveness properties whose verdict on words is dropped (tests only).
 */
export function uipiPackedDrain(
  cfg: UipiConfig,
  liveness: readonly UipiLivenessProperty[],
  step: UipiPackedStep,
  mutation: UipiPackedMutation | null,
  memoised = true,
  leftOut: readonly string[] = [],
): UipiPackedDrain {
  const D = new UipiPackedSuccessors(cfg, mutation);
  const { L, E } = D;
  const CLASS = classes();
  const sky = isSkyloft(cfg);
  const fair = cfg.drain === 'fair';
  const timerBit = sky ? 1 << cfg.timer : 0;
  let selected = 0;
  for (const p of liveness) {
    const b = LIVENESS_BITS[p.id];
    if (b === undefined) throw new Error(`packed UIPI engine: ${p.id} is not judged on words`);
    selected |= b;
  }
  // a verdict left out (tests only: each is shown to be needed)
  for (const id of leftOut) {
    const b = LIVENESS_BITS[id];
    if (b === undefined) throw new Error(`packed UIPI engine: ${id} is not judged on words`);
    selected &= ~b;
  }
  const list = new Int32Array(E.events.length);
  const memo = memoised ? new DrainMemo() : undefined;
  // a position: the key words, the owed masks, the policy's entered flags and timer
  const positions = new PackedStore(4 * (L.words + L.receivers + 1), 1 << 16);
  const position = new Int32Array(L.words + L.receivers + 1);
  /** The current drain's events (numbers), `steps` of them. */
  let taken = new Int32Array(64);
  let steps = 0;
  const b = D.before;

  /** drain.ts `settled`: nothing but the timer's bit left in any PIR or UIRR. */
  const settled = (): boolean => {
    for (let r = 0; r < L.receivers; r++)
      if ((b[3 * r + 1] ?? 0) !== 0 || ((b[3 * r + 2] ?? 0) & ~timerBit) !== 0) return false;
    return true;
  };
  /** drain.ts `choose` in the state `w`, whose enabled events are `events`' first `n`: the first of the best class, or -1. */
  const choose = (w: Int32Array, events: Int32Array, n: number, entered: number): number => {
    let free = -1;
    for (let c = 0; c < L.cpuCount && free < 0; c++) if (((w[L.cpus + c] ?? 0) & CUR_MASK) === 0) free = c;
    const undo = w[L.undo] ?? 0;
    let best = -1;
    let bestClass = TICK + 1;
    for (let i = 0; i < n; i++) {
      const k = events[i] ?? 0;
      const t = E.type[k] ?? 0;
      const cls = CLASS[t] ?? -1;
      if (cls < 0 || cls >= bestClass) continue;
      const r = E.a[k] ?? 0;
      if (t === STUI && ((undo >>> r) & 1) === 0) continue;
      if (t === KERNEL_ENTRY && (!fair || ((entered >>> r) & 1) === 1)) continue;
      if (t === T_SWITCH_IN_RESTORE && (E.b[k] ?? 0) !== free) continue;
      best = k;
      bestClass = cls;
    }
    return best;
  };
  /** The liveness verdict at the drain's end, as bits. */
  const verdict = (reachedQuiescence: boolean, timerServed: boolean): number => {
    const g = D.ghostBefore;
    let out = 0;
    for (let r = 0; r < L.receivers; r++) {
      const owed = g[r] ?? 0;
      const pir = b[3 * r + 2] ?? 0;
      if (((b[3 * r] ?? 0) & PHASE_MASK) === PHASE.waiting && owed !== 0) out |= WAIT_WAKES;
      if ((owed & ~(pir & timerBit)) !== 0) out |= DELIVERED;
      if (sky && ((pir | (b[3 * r + 1] ?? 0)) & timerBit) === 0) out |= REARMS;
    }
    if (!reachedQuiescence) out |= DELIVERED;
    if (sky && !timerServed) out |= REARMS;
    return out & selected;
  };
  /** The liveness properties themselves on the decoded end (only where the words found a failure). */
  const judged = (bits: number, index: number, reachedQuiescence: boolean, timerServed: boolean) => {
    const ctx: UipiLivenessContext = {
      cfg,
      index,
      state: decodeUipiState(L, b).state,
      drain: {
        steps,
        events: Array.from(taken.subarray(0, steps), (k) => D.event(k)),
        reachedQuiescence,
        timerServed,
      },
      owed: decodeUipiGhost(L, D.ghostBefore).owed,
    };
    const out: Violation[] = [];
    let want = 0;
    for (const p of liveness) {
      const message = p.check(ctx);
      if (message === null) continue;
      out.push({ property: p.id, step: ctx.index, message });
      want |= LIVENESS_BITS[p.id] ?? 0;
    }
    if (want !== bits)
      throw new Error(
        `packed UIPI engine: the drain's end fails ${out.map((v) => v.property).join(', ') || 'no property'} but its words say bits ${bits.toString(2)}`,
      );
    return out;
  };

  /** Whether the timer's handler returns by event `k` from the state `w` (Skyloft). */
  const serves = (w: Int32Array, k: number): boolean => {
    const r = E.a[k] ?? 0;
    return sky && E.type[k] === UIRET && (((w[3 * r] ?? 0) & HVEC_MASK) >> HVEC_SHIFT) - 1 === cfg.timer;
  };
  /** The entered flags after event `k` from `entered`. */
  const enters = (entered: number, k: number): number =>
    E.type[k] === KERNEL_ENTRY ? entered | (1 << (E.a[k] ?? 0)) : entered;

  /**
   * The drain from `b` (its ghost in `D.ghostBefore`) after `steps` steps, the policy's state as
   * given (memo begun); `at`: the memo's id of this first position, or -1 (the positions table's).
   */
  const run = (
    entered0: number,
    timerServed0: boolean,
    index0: number,
    at: number,
  ): readonly Violation[] | null => {
    let entered = entered0;
    let timerServed = timerServed0;
    let index = index0;
    let reachedQuiescence = false;
    let id = at;
    for (;;) {
      if (memo !== undefined && steps > 0) {
        if (id < 0) {
          copyWords(position, b, L.words);
          for (let r = 0; r < L.receivers; r++) position[L.words + r] = D.ghostBefore[r] ?? 0;
          position[L.words + L.receivers] = entered | (timerServed ? 1 << 30 : 0);
          positions.add(position, 0, -1, -1);
          id = 2 * positions.lastId + 1;
        }
        if (memo.visitAt(id, steps, cfg.drainBound)) break;
        id = -1;
      }
      const k = choose(b, list, D.enabled(list), entered);
      const onlyTicks = k < 0 || CLASS[E.type[k] ?? 0] === TICK;
      if (onlyTicks && (!sky || (timerServed && settled()))) {
        reachedQuiescence = true;
        break;
      }
      if (k < 0 || steps >= cfg.drainBound) break;
      const served = serves(b, k);
      const failed = step(D, k, index);
      index++;
      if (failed !== undefined) return failed;
      took(k);
      if (served) timerServed = true;
      entered = enters(entered, k);
      copyWords(b, D.after, L.words);
      copyWords(D.ghostBefore, D.ghostAfter, L.ghost);
    }
    if (memo?.cut === true) {
      memo.succeeded(steps);
      return null;
    }
    const bits = verdict(reachedQuiescence, timerServed);
    if (bits !== 0) return judged(bits, Math.max(0, index - 1), reachedQuiescence, timerServed);
    memo?.succeeded(steps);
    return null;
  };
  /** Records the drain's next event `k`. */
  const took = (k: number): void => {
    if (steps === taken.length) {
      const more = new Int32Array(2 * steps);
      more.set(taken);
      taken = more;
    }
    taken[steps++] = k;
  };

  return {
    begin(node) {
      steps = 0;
      if (memo === undefined) return false;
      memo.begin();
      if (!memo.visitAt(2 * node, 0, cfg.drainBound)) return false;
      memo.succeeded(0);
      return true;
    },
    from(w, wAt, g, gAt) {
      D.load(w, wAt, g, gAt);
      steps = 0;
      return run(0, false, 0, -1);
    },
    first(S, events, n) {
      // as `run`'s first turn: no memo position before a step, no timer served yet
      const k = choose(S.before, events, n, 0);
      if (k < 0 || (!sky && CLASS[E.type[k] ?? 0] === TICK) || cfg.drainBound <= 0) return -1;
      return k;
    },
    chains(S, k, next) {
      return (
        memo !== undefined &&
        next >= 0 &&
        enters(0, k) === 0 &&
        !serves(S.before, k) &&
        memo.remainingAt(2 * next) < 0
      );
    },
    known(node) {
      return memo === undefined ? -1 : memo.remainingAt(2 * node);
    },
    settle(node, steps) {
      memo?.remember(2 * node, steps);
    },
    afterFirst(S, k, next) {
      steps = 0;
      took(k);
      const served = serves(S.before, k);
      copyWords(b, S.after, L.words);
      copyWords(D.ghostBefore, S.ghostAfter, L.ghost);
      const entered = enters(0, k);
      // the successor's position is that node's start when the policy's own state is still the start's
      return run(entered, served, 1, next >= 0 && entered === 0 && !served ? 2 * next : -1);
    },
  };
}
