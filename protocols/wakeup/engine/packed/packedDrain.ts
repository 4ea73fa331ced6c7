/**
 * The judged engine's leads-to check from one packed state: the §6 drain (model/drain.ts, the
 * same round-robin policy, step for step) over packed states with their ghosts, every drain step
 * judged by the packed step judge (as drainFrom.ts judges it with the wakeup judge), and the
 * liveness properties themselves judged where the drain ends (on the decoded state and ghosts,
 * remembered per end state). Successful drains are remembered by position, as DrainMemo does:
 * the drain is deterministic from (state with ghost, whose turn, which harts last read an empty
 * DEQUEUE, turns passed without a step), so a drain reaching a position an earlier successful
 * drain went through, r steps before its end, succeeds too when its bound leaves room for r.
 */

import { WordTable } from '../../../../engine/explore/packed/wordTable.ts';
import type { WakeupLivenessContext } from '../../properties/context.ts';
import type { WakeupSelection } from '../../properties/selection.ts';
import * as D from './drainState.ts';
import { decodeGhosts, type PackedGhostLayout } from './packedGhost.ts';
import * as K from './packedLayout.ts';
import { decodeSystem } from './packedLayout.ts';
import type { PackedStepJudge } from './packedStepJudge.ts';
import type { PackedSuccessors } from './packedSuccessors.ts';

/** Module-local copies (an imported binding may compile to an accessor call). */
const quiescentAt = D.quiescentAt;
const onlyWedgedWorkAt = D.onlyWedgedWorkAt;
const HART_W = K.HART_W;
const PH_IDLE = K.PH_IDLE;
const PH_FETCH = K.PH_FETCH;
const PH_RUNNING = K.PH_RUNNING;
const PH_RETURNING = K.PH_RETURNING;

/** How a drain failed: the properties failing on a drain step, or at its end. */
export interface PackedDrainFailure {
  readonly ids: readonly string[];
}

export class PackedDrain {
  private readonly G: PackedGhostLayout;
  private readonly L: K.PackedLayout;
  private readonly sel: WakeupSelection;
  private readonly succ: PackedSuccessors;
  private readonly judge: PackedStepJudge;
  /** Words per state with ghost; a position is those plus one word of the policy's position. */
  private readonly n: number;
  /** The drain's state, as bytes and words. */
  private readonly x: Uint8Array;
  private readonly xWords: Int32Array;
  private readonly pos: Int32Array;
  /** Position → steps from there to the end of a successful drain. */
  private readonly remaining: WordTable;
  /** End state (+ whether quiescence was reached) → the liveness verdict's entry in {@link verdicts}. */
  private readonly ends: WordTable;
  private readonly verdicts: (readonly string[] | null)[] = [];
  /** The positions of the current drain (n + 1 words each) and their steps. */
  private trail = new Int32Array(1 << 12);
  private trailSteps = new Int32Array(1 << 8);
  private trailLen = 0;
  /** The drains run to their end (not cut by the memo). */
  ended = 0;
  /** Judge every drain step (drainFrom does); false: only build it (see judgedExplore.ts for when that is exact). */
  private readonly judgeSteps: boolean;

  constructor(
    G: PackedGhostLayout,
    sel: WakeupSelection,
    succ: PackedSuccessors,
    judge: PackedStepJudge,
    judgeSteps = true,
  ) {
    this.judgeSteps = judgeSteps;
    this.G = G;
    this.L = G.L;
    this.sel = sel;
    this.succ = succ;
    this.judge = judge;
    this.n = G.width >> 2;
    this.x = new Uint8Array(G.width);
    this.xWords = new Int32Array(this.x.buffer);
    this.pos = new Int32Array(this.n + 1);
    this.remaining = new WordTable(this.n + 1, 1 << 16);
    this.ends = new WordTable(this.n + 1);
  }

  /** null when the drain from `start` (a state with ghost) reaches its goal; else what failed. */
  from(start: Uint8Array): PackedDrainFailure | null {
    const { L, succ } = this;
    const { cfg } = L;
    const bound = cfg.drainBound;
    this.x.set(start);
    this.trailLen = 0;
    let steps = 0;
    for (let p = 0; p < cfg.processes && steps < bound; p++) {
      if (this.x[L.online + p] === 1) continue; // the kernel refuses it: already online
      succ.load(this.xWords, 0);
      succ.statusOnOne(p);
      const bad = this.step(steps);
      if (bad !== null) return bad;
      steps++;
    }
    let sawEmpty = 0;
    let h = 0;
    let stalled = 0;
    let reached = false;
    let known = -1;
    for (;;) {
      if (this.quiescent()) {
        reached = true;
        break;
      }
      if (steps >= bound || stalled >= cfg.harts || this.onlyWedgedWork()) break;
      const turn = h;
      const r = this.visit(turn | (stalled << 8) | ((sawEmpty & 0xffff) << 16), steps, bound);
      if (r >= 0) {
        known = steps + r;
        break;
      }
      h = (h + 1) % cfg.harts;
      if (!this.hartTurn(turn, sawEmpty)) {
        stalled++;
        continue;
      }
      const bad = this.step(steps);
      if (bad !== null) return bad;
      stalled = 0;
      steps++;
      if (succ.isFetch) {
        if (succ.accTask === 0) sawEmpty |= 1 << turn;
        else sawEmpty &= ~(1 << turn);
      } else if (this.switched) sawEmpty &= ~(1 << turn);
    }
    if (known < 0) {
      const ids = this.livenessFailures(reached, steps);
      if (ids !== null) return { ids };
      this.ended++;
    }
    this.succeeded(known >= 0 ? known : steps);
    return null;
  }

  /** Whether the last hart turn was a HartSwitch. */
  private switched = false;

  /** Builds hart `turn`'s drain event into the successor buffer; false when it has none (wedged). */
  private hartTurn(turn: number, sawEmpty: number): boolean {
    const { L, succ, x } = this;
    const o = L.harts + turn * HART_W;
    const phase = x[o] ?? PH_IDLE;
    this.switched = false;
    succ.load(this.xWords, 0);
    if (phase === PH_IDLE) {
      this.switched = true;
      succ.switchOne(turn, turn % L.cfg.processes);
      return true;
    }
    if (phase === PH_FETCH) {
      const hp = (x[o + 1] ?? 0) - 1;
      const next = (hp + 1) % L.cfg.processes;
      if ((sawEmpty & (1 << turn)) !== 0 && next !== hp) {
        this.switched = true;
        succ.switchOne(turn, next);
      } else succ.fetchOne(turn);
      return true;
    }
    if (phase === PH_RUNNING) {
      succ.pollOne(turn);
      return true;
    }
    if (phase === PH_RETURNING) {
      succ.returnOne(turn);
      return true;
    }
    return false; // wedged: no step
  }

  /** Judges the drain step built in the successor buffer and moves to it; what failed, or null. */
  private step(steps: number): PackedDrainFailure | null {
    const { judge, succ } = this;
    if (!this.judgeSteps) {
      judge.successorOnly(succ, steps);
      this.xWords.set(succ.words);
      return null;
    }
    const bits = judge.stepFailures(succ, steps) | judge.stateFailures(succ.b);
    if (bits !== 0 || judge.ctrlFails !== null) return { ids: judge.ids(bits) };
    this.xWords.set(succ.words);
    return null;
  }

  private quiescent(): boolean {
    return quiescentAt(this.L, this.x, 0);
  }

  private onlyWedgedWork(): boolean {
    return onlyWedgedWorkAt(this.L, this.x, 0);
  }

  /** Records a position of the current drain; the steps from it to a known successful end, or -1. */
  private visit(policy: number, steps: number, bound: number): number {
    const { n, pos } = this;
    for (let i = 0; i < n; i++) pos[i] = this.xWords[i] ?? 0;
    pos[n] = policy;
    const e = this.remaining.find(pos, 0);
    if (e >= 0) {
      const r = this.remaining.value(e);
      if (steps + r <= bound) return r;
    }
    const at = this.trailLen * (n + 1);
    if (at + n + 1 > this.trail.length) {
      const grown = new Int32Array(this.trail.length * 2);
      grown.set(this.trail);
      this.trail = grown;
    }
    if (this.trailLen >= this.trailSteps.length) {
      const grown = new Int32Array(this.trailSteps.length * 2);
      grown.set(this.trailSteps);
      this.trailSteps = grown;
    }
    this.trail.set(pos, at);
    this.trailSteps[this.trailLen++] = steps;
    return -1;
  }

  /** The current drain succeeded, ending after `end` steps: remember its positions. */
  private succeeded(end: number): void {
    const { n } = this;
    for (let i = 0; i < this.trailLen; i++) {
      const r = end - (this.trailSteps[i] ?? 0);
      const e = this.remaining.find(this.trail, i * (n + 1));
      if (e >= 0) this.remaining.setValue(e, r);
      else this.remaining.insert(this.trail, i * (n + 1), r);
    }
    this.trailLen = 0;
  }

  /** The liveness properties failing where the drain ended (remembered per end state). */
  private livenessFailures(reached: boolean, steps: number): readonly string[] | null {
    const { n, pos } = this;
    for (let i = 0; i < n; i++) pos[i] = this.xWords[i] ?? 0;
    pos[n] = reached ? 1 : 0;
    const e = this.ends.find(pos, 0);
    if (e >= 0) return this.verdicts[this.ends.value(e)] ?? null;
    const state = decodeSystem(this.L, this.x);
    const { wg } = decodeGhosts(this.G, this.x);
    const ctx: WakeupLivenessContext = {
      cfg: this.L.cfg,
      index: Math.max(0, steps - 1),
      state,
      drain: { steps, events: [], reachedQuiescence: reached },
      ghost: wg,
    };
    const ids = this.sel.liveness.filter((p) => p.check(ctx) !== null).map((p) => p.id);
    const v = this.verdicts.length;
    this.verdicts.push(ids.length === 0 ? null : ids);
    this.ends.insert(pos, 0, v);
    return ids.length === 0 ? null : ids;
  }
}
