/**
 * The leads-to check of a completed judged search, over the explored graph itself: the §6 drain
 * (model/drain.ts) from every explored state, followed through the successors the search already
 * found instead of building them again.
 *
 * While the search expands a state it records, among its successors, the ones the drain can take
 * from it: for each hart, its turn's event (an idle hart's HartSwitch to process `hart mod N`, a
 * fetching hart's HartFetch — and whether that DEQUEUE read 0 — or its HartSwitch to the next
 * process, a running task's HartPoll with `finish`, or `handled` for a handler, a returning hart's
 * HartReturn), and the STATUS write bringing the first offline process online; and, once per new
 * state, what the drain reads of it (quiescent, only wedged work, some process offline, each hart's
 * phase), so the walk reads small typed arrays only. Each drain step is
 * then a step of the explored graph, judged by the search (so a completed search has judged every
 * drain step, and each passed), and the drain from a state is a walk over state ids with the
 * policy's position (whose turn, which harts last read an empty DEQUEUE, turns passed without a
 * step). Positions of successful drains are remembered with their distance to the drain's end, as
 * DrainMemo does; the liveness properties themselves judge the state a drain ends in (on its decoded
 * state and ghosts, once per end state). A drain needing a step the search did not record (never
 * for the model: every drain event is enabled where the drain takes it) answers `unknown`, and the
 * caller falls back to the drain that builds and judges every step (packedDrain.ts).
 */

import { grownInt32 } from '../../../../engine/explore/packed/grownInt32.ts';
import type { PackedStore } from '../../../../engine/explore/packed/packedStore.ts';
import * as A from '../../../controller/engine/packed/packedAccess.ts';
import type { WakeupLivenessContext } from '../../properties/context.ts';
import type { WakeupSelection } from '../../properties/selection.ts';
import * as D from './drainState.ts';
import { decodeGhosts, type PackedGhostLayout } from './packedGhost.ts';
import * as K from './packedLayout.ts';
import { decodeSystem } from './packedLayout.ts';
import type { PackedSuccessors } from './packedSuccessors.ts';
import * as S from './packedSuccessors.ts';

/** Module-local copies of what the hot loop calls (an imported binding may compile to an accessor call). */
const quiescentAt = D.quiescentAt;
const onlyWedgedWorkAt = D.onlyWedgedWorkAt;
const HART_W = K.HART_W;
const TASK_W = K.TASK_W;
const PH_IDLE = K.PH_IDLE;
const PH_FETCH = K.PH_FETCH;
const PH_RUNNING = K.PH_RUNNING;
const PH_RETURNING = K.PH_RETURNING;
const ACC_STATUS = A.ACC_STATUS;
const POLL_FINISH = S.POLL_FINISH;
const POLL_HANDLED = S.POLL_HANDLED;

/** What the leads-to check found: every drain reaches its goal, the first state whose drain fails, or a drain it cannot follow. */
export type LeadsToVerdict =
  | { readonly kind: 'holds' }
  | { readonly kind: 'fails'; readonly state: number; readonly ids: readonly string[] }
  | { readonly kind: 'unknown' };

/** States the per-state tables have room for before their first grow (as packedStore.ts). */
const INITIAL = 1 << 17;

/** Per state, in {@link PackedLeadsTo.info}: quiescent, only wedged work left, some process offline. */
const QUIESCENT = 1;
const WEDGED_ONLY = 2;
const OFFLINE = 4;
/** Per (state, hart), in {@link PackedLeadsTo.kind}: what the hart's turn is. */
const K_IDLE = 0;
/** Fetching, and its HartSwitch to the next process goes elsewhere (the drain takes it after an empty read). */
const K_FETCH_SWITCH = 1;
const K_FETCH = 2;
const K_RUNNING = 3;
const K_RETURNING = 4;
/** Wedged (or any other phase): no step. */
const K_NONE = 5;
/** {@link PackedLeadsTo.walk}'s answer for a drain needing a step the search did not record. */
const UNKNOWN = -2;

export class PackedLeadsTo {
  private readonly G: PackedGhostLayout;
  private readonly L: K.PackedLayout;
  private readonly sel: WakeupSelection;
  private readonly H: number;
  /**
   * Per state x and hart h at x * H + h: the successor of h's turn and its HartSwitch to the next
   * process (fetching), each as its id + 1 (0: none), and whether its HartFetch read 0.
   */
  private turn: Int32Array<ArrayBuffer>;
  private next: Int32Array<ArrayBuffer>;
  private readZero: Uint8Array<ArrayBuffer>;
  /** Per state: its successor by the STATUS write of its first offline process, as its id + 1 (0: none). */
  private status = new Int32Array(INITIAL);
  /** Per state: QUIESCENT | WEDGED_ONLY | OFFLINE (see {@link note}). */
  private info = new Uint8Array(INITIAL);
  /** Per state x and hart h at x * H + h: K_IDLE … K_NONE. */
  private kind: Uint8Array<ArrayBuffer>;
  /** The positions of the drain being walked and the steps taken when it was at each ({@link walk}). */
  private trail = new Int32Array(64);
  private trailSteps = new Int32Array(64);
  /** The steps of the last drain {@link walk} followed to its end. */
  private endSteps = 0;

  constructor(G: PackedGhostLayout, sel: WakeupSelection) {
    this.G = G;
    this.L = G.L;
    this.sel = sel;
    this.H = G.L.cfg.harts;
    // room for as many states as the store's first buffers (a grow replaces a field, which costs the optimised code)
    this.turn = new Int32Array(INITIAL * this.H);
    this.next = new Int32Array(INITIAL * this.H);
    this.readZero = new Uint8Array(INITIAL * this.H);
    this.kind = new Uint8Array(INITIAL * this.H);
  }

  /** Records what the drain reads of the new state `x` (its bytes `b`): whether it goes on from there, and each hart's turn. */
  note(x: number, b: Uint8Array): void {
    const { L, H } = this;
    if (x >= this.info.length) {
      const info = new Uint8Array(this.info.length * 2);
      info.set(this.info);
      this.info = info;
      const kind = new Uint8Array(info.length * H);
      kind.set(this.kind);
      this.kind = kind;
    }
    let f = 0;
    if (quiescentAt(L, b, 0)) f |= QUIESCENT;
    if (onlyWedgedWorkAt(L, b, 0)) f |= WEDGED_ONLY;
    if (this.firstOffline(b, 0) >= 0) f |= OFFLINE;
    this.info[x] = f;
    const P = L.cfg.processes;
    for (let h = 0; h < H; h++) {
      const o = L.harts + h * HART_W;
      const phase = b[o];
      const hp = (b[o + 1] ?? 0) - 1;
      let k = K_NONE;
      if (phase === PH_IDLE) k = K_IDLE;
      else if (phase === PH_FETCH) k = (hp + 1) % P !== hp ? K_FETCH_SWITCH : K_FETCH;
      else if (phase === PH_RUNNING) k = K_RUNNING;
      else if (phase === PH_RETURNING) k = K_RETURNING;
      this.kind[x * H + h] = k;
    }
  }

  /** Records the successor `id` of state `x` (its bytes `s.cur`) that `s` describes, when the drain can take it. */
  record(x: number, s: PackedSuccessors, id: number): void {
    const { L, H } = this;
    const cur = s.cur;
    const h = s.hart;
    if (h < 0) {
      if (s.acc !== ACC_STATUS || s.accB !== 1 || s.accA !== this.firstOffline(cur, 0)) return;
      this.status = grownInt32(this.status, x + 1);
      this.status[x] = id + 1;
      return;
    }
    const o = L.harts + h * HART_W;
    const phase = cur[o];
    const i = x * H + h;
    if (i >= this.turn.length) {
      this.turn = grownInt32(this.turn, i + 1);
      this.next = grownInt32(this.next, i + 1);
      const z = new Uint8Array(this.turn.length);
      z.set(this.readZero);
      this.readZero = z;
    }
    if (phase === PH_IDLE) {
      if (s.switchTo === h % L.cfg.processes) this.turn[i] = id + 1;
    } else if (phase === PH_FETCH) {
      if (s.isFetch) {
        this.turn[i] = id + 1;
        this.readZero[i] = s.accTask === 0 ? 1 : 0;
      } else if (s.switchTo >= 0 && s.switchTo === ((cur[o + 1] ?? 0) - 1 + 1) % L.cfg.processes)
        this.next[i] = id + 1;
    } else if (phase === PH_RUNNING) {
      const t = cur[o + 2] ?? 0;
      const handler = (cur[L.tasks + (t - 1) * TASK_W + 3] ?? 0) > 0;
      if (s.poll === (handler ? POLL_HANDLED : POLL_FINISH)) this.turn[i] = id + 1;
    } else if (phase === PH_RETURNING) {
      if (s.isReturn) this.turn[i] = id + 1;
    }
  }

  /** The first process offline in the state at byte `off` of `b`, or -1. */
  private firstOffline(b: Uint8Array, off: number): number {
    for (let p = 0; p < this.L.cfg.processes; p++) if (b[off + this.L.online + p] !== 1) return p;
    return -1;
  }

  /**
   * The drain from every state of `store` (all expanded, each {@link note}d), in BFS order: the
   * first whose drain fails. It reads the per-state tables only (and a failing drain's end state).
   */
  check(store: PackedStore): LeadsToVerdict {
    const bytes = new Uint8Array(store.words.buffer, store.words.byteOffset, store.words.byteLength);
    const count = store.count;
    const masks = 1 << this.H;
    /**
     * Position → 1 + steps from there to the end of a successful drain (0: not known): at most
     * bound + 1, so two bytes a position when that fits (half the memory a search's every state
     * touches here, 41 MB on small with four task ids), else four.
     */
    const size = count * this.H * this.H * masks;
    const memo = this.L.cfg.drainBound < 0xffff ? new Uint16Array(size) : new Int32Array(size);
    /** Per end (state x, reached or not) at 2x + reached: 1 when the liveness properties hold there (a failing end stops the check). */
    const held = new Uint8Array(count * 2);
    // the walk is its own function, and the end verdict (decoding a state) is here: V8 compiles
    // the walk alone, sooner than the one loop that inlined the decoding with it
    for (let start = 0; start < count; start++) {
      const at = this.walk(start, memo);
      if (at === UNKNOWN) return { kind: 'unknown' };
      if (at < 0 || held[at] === 1) continue;
      const ids = this.endVerdict(bytes, at >> 1, (at & 1) === 1, this.endSteps);
      if (ids !== null) return { kind: 'fails', state: start, ids };
      held[at] = 1;
    }
    return { kind: 'holds' };
  }

  /**
   * The drain from `start` over the recorded successors, the positions it went through remembered
   * in `memo` with their distance to its end: the end it reached as 2x + reached (its steps in
   * {@link endSteps}), -1 when it joined a remembered drain, or UNKNOWN when a step was not recorded.
   */
  private walk(start: number, memo: Uint16Array | Int32Array): number {
    const { H, info, kind, turn, next, readZero, status } = this;
    const bound = this.L.cfg.drainBound;
    const masks = 1 << H;
    let x = start;
    let steps = 0;
    while (steps < bound && ((info[x] ?? 0) & OFFLINE) !== 0) {
      const y = (status[x] ?? 0) - 1;
      if (y < 0) return UNKNOWN;
      x = y;
      steps++;
    }
    let sawEmpty = 0;
    let h = 0;
    let stalled = 0;
    let reached = false;
    let known = -1;
    let trailLen = 0;
    for (;;) {
      const f = info[x] ?? 0;
      if ((f & QUIESCENT) !== 0) {
        reached = true;
        break;
      }
      if (steps >= bound || stalled >= H || (f & WEDGED_ONLY) !== 0) break;
      const pos = ((x * H + h) * H + stalled) * masks + sawEmpty;
      const r = (memo[pos] ?? 0) - 1;
      if (r >= 0 && steps + r <= bound) {
        known = steps + r;
        break;
      }
      if (trailLen === this.trail.length) this.growTrail();
      this.trail[trailLen] = pos;
      this.trailSteps[trailLen++] = steps;
      const i = x * H + h;
      const bit = 1 << h;
      h = h + 1 === H ? 0 : h + 1;
      const k = kind[i] ?? K_NONE;
      if (k === K_NONE) {
        stalled++; // wedged: no step
        continue;
      }
      const switchNext = k === K_FETCH_SWITCH && (sawEmpty & bit) !== 0;
      const y = (switchNext ? (next[i] ?? 0) : (turn[i] ?? 0)) - 1;
      if (y < 0) return UNKNOWN;
      stalled = 0;
      steps++;
      if (switchNext || k === K_IDLE) sawEmpty &= ~bit;
      else if (k === K_FETCH_SWITCH || k === K_FETCH) {
        if (readZero[i] === 1) sawEmpty |= bit;
        else sawEmpty &= ~bit;
      }
      x = y;
    }
    // a failing end stops the check, so the positions may be remembered before its verdict
    const end = known >= 0 ? known : steps;
    const { trail, trailSteps } = this;
    for (let j = 0; j < trailLen; j++) memo[trail[j] ?? 0] = end - (trailSteps[j] ?? 0) + 1;
    this.endSteps = steps;
    return known >= 0 ? -1 : x * 2 + (reached ? 1 : 0);
  }

  /** Doubles the walk's trail (rare: a drain longer than any before). */
  private growTrail(): void {
    const a = new Int32Array(this.trail.length * 2);
    a.set(this.trail);
    this.trail = a;
    const b = new Int32Array(a.length);
    b.set(this.trailSteps);
    this.trailSteps = b;
  }

  /** The liveness properties failing where a drain ended (state `x`, quiescent or not), or null. */
  private endVerdict(
    bytes: Uint8Array,
    x: number,
    reached: boolean,
    steps: number,
  ): readonly string[] | null {
    const b = bytes.subarray(x * this.G.width, (x + 1) * this.G.width);
    const ctx: WakeupLivenessContext = {
      cfg: this.L.cfg,
      index: Math.max(0, steps - 1),
      state: decodeSystem(this.L, b),
      drain: { steps, events: [], reachedQuiescence: reached },
      ghost: decodeGhosts(this.G, b).wg,
    };
    // a plain loop: filter and map inlined into the optimised check made it deoptimise (wrong map)
    const ids: string[] = [];
    for (const p of this.sel.liveness) if (p.check(ctx) !== null) ids.push(p.id);
    return ids.length === 0 ? null : ids;
  }
}
