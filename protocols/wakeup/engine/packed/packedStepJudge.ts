/**
 * The judged engine's step judge over bytes: from a packed state with its ghost (packedGhost.ts)
 * and the packed successor of one event, it builds the successor's ghost and finds the properties
 * that fail on the step, in the order the wakeup judge reports them (wakeupJudge.ts): the
 * controller-step properties on the access (accessJudge.ts: the properties themselves, memoised),
 * then the wakeup step properties in registry order — taskInOnePlace, boundedPriorityInversion,
 * onlyOnlineRun, noStuckSystem, noRegisterWhileRunning — read from the bytes here. Those five are
 * re-encodings of protocols/wakeup/properties/ (their definitions); test/protocols/wakeup/engine/
 * judged.test.ts judges every transition of the tiny preset both ways, and the successors of
 * seeded bugs (packedMutation.ts), where they fail, and requires the same verdicts.
 *
 * The state invariants (taskInOnePlace, onlyOnlineRun's state part, noStuckSystem) read the state
 * after the step only, so {@link stateFailures} is asked once per distinct state; the rest reads
 * the step ({@link stepFailures}).
 */
import * as A from '../../../controller/engine/packed/packedAccess.ts';
import { PackedControllerJudge } from '../../../controller/engine/packed/packedControllerJudge.ts';
import type { WakeupSelection } from '../../properties/selection.ts';
import { ControllerJudgeMemo } from './controllerJudgeMemo.ts';
import { judgeAccessObjects } from './objectAccessJudge.ts';

import type { PackedGhostLayout } from './packedGhost.ts';
import * as K from './packedLayout.ts';
import * as NS from './packedNoStuckSystem.ts';
import * as OR from './packedOnlyOnlineRun.ts';
import type { PackedSuccessors } from './packedSuccessors.ts';
import { PackedTaskInOnePlace } from './packedTaskInOnePlace.ts';

/** The access codes as module-local constants (an imported binding may compile to an accessor call on this hot path). */
const ACC_DEQUEUE = A.ACC_DEQUEUE;
const ACC_NONE = A.ACC_NONE;
const ACC_REGISTER = A.ACC_REGISTER;

/** Module-local copies of what the hot path calls (an imported binding may compile to an accessor call). */
const packedStuck = NS.packedStuck;
const runsOffline = OR.runsOffline;
const HART_W = K.HART_W;
const TASK_W = K.TASK_W;
const PH_RUNNING = K.PH_RUNNING;
const PH_RETURNING = K.PH_RETURNING;

/** The wakeup step properties this judge reads from bytes, by bit, in registry order. */
const WAKEUP_STEP_IDS = [
  'taskInOnePlace',
  'boundedPriorityInversion',
  'onlyOnlineRun',
  'noStuckSystem',
  'noRegisterWhileRunning',
] as const;
const IN_ONE_PLACE = 1;
const PRIORITY_INVERSION = 2;
const ONLINE_RUN = 4;
const STUCK = 8;
const REGISTER_RUNNING = 16;

/** The step judge over packed states with ghosts (see above). */
export class PackedStepJudge {
  private readonly G: PackedGhostLayout;
  private readonly L: K.PackedLayout;
  private readonly sel: WakeupSelection;
  private readonly ctrl: PackedControllerJudge;
  private readonly dup: PackedTaskInOnePlace;
  /** The controller properties failing on the last step judged (null: none). */
  ctrlFails: readonly string[] | null = null;
  /** Accesses judged by the properties themselves because the byte judge does not read their queue changes. */
  fallbacks = 0;
  /** The controller judge's passes, remembered (controllerJudgeMemo.ts), or null (not remembered). */
  private readonly memo: ControllerJudgeMemo | null;
  /** Accesses whose controller verdict and ghost were taken from {@link memo} (for the tests). */
  remembered = 0;
  /** The selected wakeup step properties, as bits. */
  private readonly selected: number;

  /**
   * `memo`: remember the controller judge's passes (default; see controllerJudgeMemo.ts), not
   * (`'none'`), or with a key that leaves out the ghost (`'dropsGhost'`, tests only: a wrong key).
   */
  constructor(G: PackedGhostLayout, sel: WakeupSelection, memo: 'keyed' | 'none' | 'dropsGhost' = 'keyed') {
    this.G = G;
    this.memo = memo === 'none' ? null : new ControllerJudgeMemo(G, memo === 'dropsGhost');
    this.L = G.L;
    this.sel = sel;
    this.ctrl = new PackedControllerJudge(G, sel.controller, sel.liveness.length > 0);
    this.dup = new PackedTaskInOnePlace(G.L);
    let bits = 0;
    for (const p of sel.step) {
      const i = (WAKEUP_STEP_IDS as readonly string[]).indexOf(p.id);
      if (i < 0) throw new Error(`judged engine: ${p.id} is not judged over packed states`);
      bits |= 1 << i;
    }
    this.selected = bits;
  }

  /**
   * Judges the step from `s.cur` to the successor `s.b` (its ghost bytes still the state's,
   * advanced here in place when the access is correct): the wakeup properties failing on it as
   * bits (0: none), the controller ones in {@link ctrlFails}.
   */
  stepFailures(s: PackedSuccessors, index: number): number {
    const cur = s.cur;
    const next = s.b;
    this.ctrlFails = null;
    if (s.acc !== ACC_NONE) {
      const memo = this.memo;
      if (memo?.recall(s, memo.accessSlot(s.acc, s.accA, s.accB, s.accTask))) this.remembered++;
      else {
        const bits = this.ctrl.judge(cur, next, s);
        if (bits === 0) memo?.remember(s);
        else if (bits > 0) this.ctrlFails = PackedControllerJudge.ids(bits);
        else {
          this.fallbacks++;
          this.ctrlFails = judgeAccessObjects(this.G, this.sel, cur, next, s, index);
        }
      }
    }
    this.wokenRan(cur, next);
    return this.wakeupFailures(cur, next, s);
  }

  /** The wakeup step properties failing on the step (bits), its ghost already advanced. */
  private wakeupFailures(cur: Uint8Array, next: Uint8Array, s: PackedSuccessors): number {
    const L = this.L;
    let bits = 0;
    if (this.priorityInversion(cur, next, s)) bits |= PRIORITY_INVERSION;
    if (s.isFetch && s.acc === ACC_DEQUEUE && cur[L.online + s.accA] !== 1) bits |= ONLINE_RUN;
    if (s.acc === ACC_REGISTER && this.registersRunning(cur, next, s)) bits |= REGISTER_RUNNING;
    return bits & this.selected;
  }

  /**
   * Builds the successor's ghost as {@link stepFailures} does, without judging the step (the
   * drain's steps when the search judges every transition itself: see judgedExplore.ts).
   */
  successorOnly(s: PackedSuccessors, index: number): void {
    const cur = s.cur;
    const next = s.b;
    if (s.acc !== ACC_NONE && !this.ctrl.advanceOnly(cur, next, s)) {
      this.fallbacks++;
      judgeAccessObjects(this.G, this.sel, cur, next, s, index);
    }
    this.wokenRan(cur, next);
  }

  /** The state invariants failing in `next` (bits). */
  stateFailures(next: Uint8Array): number {
    let bits = 0;
    if (this.dup.firstDuplicate(next, 0) !== 0) bits |= IN_ONE_PLACE;
    if (runsOffline(this.L, next, 0) >= 0) bits |= ONLINE_RUN;
    if (packedStuck(this.L, next, 0)) bits |= STUCK;
    return bits & this.selected;
  }

  /** The failing property ids of a step: the controller ones, then the wakeup ones of `bits`. */
  ids(bits: number): string[] {
    const out = [...(this.ctrlFails ?? [])];
    WAKEUP_STEP_IDS.forEach((id, i) => {
      if ((bits & (1 << i)) !== 0) out.push(id);
    });
    return out;
  }

  /**
   * The wakeup ghost's hart half (advanceWakeupGhost): a task that starts running on a hart (it
   * runs there after the step and did not before) has been served its wakes.
   */
  private wokenRan(cur: Uint8Array, next: Uint8Array): void {
    const { G, L } = this;
    const T = L.cfg.taskPool;
    let any = 0;
    for (let i = 0; i < G.wokenW; i++) any |= next[G.woken + i] ?? 0;
    if (any === 0) return;
    for (let h = 0; h < L.cfg.harts; h++) {
      const o = L.harts + h * HART_W;
      if (next[o] !== PH_RUNNING) continue;
      const t = next[o + 2] ?? 0;
      if (cur[o] === PH_RUNNING && cur[o + 2] === t) continue;
      if (t < 1 || t > T) continue;
      const at = G.woken + ((t - 1) >> 3);
      next[at] = (next[at] ?? 0) & ~(1 << ((t - 1) & 7));
    }
  }

  /**
   * boundedPriorityInversion: a hart that starts running a task obtains it at the priority of the
   * ready queue its DEQUEUE took it from (else the task's own), and no lower-numbered queue of its
   * process was non-empty before the step.
   */
  private priorityInversion(cur: Uint8Array, next: Uint8Array, s: PackedSuccessors): boolean {
    const L = this.L;
    const P = L.cfg.priorities;
    for (let h = 0; h < L.cfg.harts; h++) {
      const o = L.harts + h * HART_W;
      if (next[o] !== PH_RUNNING) continue;
      const t = next[o + 2] ?? 0;
      if (cur[o] === PH_RUNNING && cur[o + 2] === t) continue;
      const p = (next[o + 1] ?? 0) - 1;
      let k = -1;
      if (s.acc === ACC_DEQUEUE) {
        for (let j = 0; j < P && k < 0; j++) {
          const q = L.ready + (p * P + j) * L.readyW;
          const len = cur[q] ?? 0;
          if (len > 0 && cur[q + 1] === t && next[q] === len - 1) k = j;
        }
      }
      if (k < 0) k = t >= 1 && t <= L.cfg.taskPool ? (next[L.tasks + (t - 1) * TASK_W + 2] ?? 0) : 0;
      for (let j = 0; j < k; j++) if ((cur[L.ready + (p * P + j) * L.readyW] ?? 0) > 0) return true;
    }
    return false;
  }

  /**
   * noRegisterWhileRunning: an IRQ_REGISTER of task t is written by a HartReturn of the hart that
   * was returning t, and no hart runs t before or after the write.
   */
  private registersRunning(cur: Uint8Array, next: Uint8Array, s: PackedSuccessors): boolean {
    const L = this.L;
    const t = s.accTask;
    for (let h = 0; h < L.cfg.harts; h++) {
      const o = L.harts + h * HART_W;
      if (cur[o] === PH_RUNNING && cur[o + 2] === t) return true;
      if (next[o] === PH_RUNNING && next[o + 2] === t) return true;
    }
    if (!s.isReturn || s.hart < 0) return true;
    const o = L.harts + s.hart * HART_W;
    return cur[o] !== PH_RETURNING || cur[o + 2] !== t;
  }
}
