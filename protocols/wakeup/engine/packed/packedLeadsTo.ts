/**
 * The leads-to check of a completed judged search, over the explored graph itself: the §6 drain
 * (model/drain.ts) from every explored state, followed through the successors the search already
 * found instead of building them again.
 *
 * While the search expands a state it records, among its successors, the ones the drain can take
 * from it: for each hart, its turn's event (an idle hart's HartSwitch to process `hart mod N`, a
 * fetching hart's HartFetch — and whether that DEQUEUE read 0 — or its HartSwitch to the next
 * process, a running task's HartPoll with `finish`, or `handled` for a handler, a returning hart's
 * HartReturn), and the STATUS write bringing the first offline process online. Each drain step is
 * then a step of the explored graph, judged by the search (so a completed search has judged every
 * drain step, and each passed), and the drain from a state is a walk over state ids with the
 * policy's position (whose turn, which harts last read an empty DEQUEUE, turns passed without a
 * step). Positions of successful drains are remembered with their distance to the drain's end, as
 * DrainMemo does; the liveness properties themselves judge the state a drain ends in (on its decoded
 * state and ghosts, once per end state). A drain needing a step the search did not record (never
 * for the model: every drain event is enabled where the drain takes it) answers `unknown`, and the
 * caller falls back to the drain that builds and judges every step (packedDrain.ts).
 */
import type { WakeupLivenessContext } from '../../properties/context.ts';
import type { WakeupSelection } from '../../properties/selection.ts';
import * as D from './drainState.ts';
import { decodeGhosts, type PackedGhostLayout } from './packedGhost.ts';
import * as K from './packedLayout.ts';
import { decodeSystem } from './packedLayout.ts';
import type { PackedStore } from './packedStore.ts';
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
const ACC_STATUS = S.ACC_STATUS;
const POLL_FINISH = S.POLL_FINISH;
const POLL_HANDLED = S.POLL_HANDLED;

/** What the leads-to check found: every drain reaches its goal, the first state whose drain fails, or a drain it cannot follow. */
export type LeadsToVerdict =
  | { readonly kind: 'holds' }
  | { readonly kind: 'fails'; readonly state: number; readonly ids: readonly string[] }
  | { readonly kind: 'unknown' };

/** States the per-state tables have room for before their first grow (as packedStore.ts). */
const INITIAL = 1 << 17;

function grown(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2)).fill(-1);
  b.set(a);
  return b;
}

export class PackedLeadsTo {
  private readonly G: PackedGhostLayout;
  private readonly L: K.PackedLayout;
  private readonly sel: WakeupSelection;
  private readonly H: number;
  /** Per state x and hart h at x * H + h: the successor of h's turn, its HartSwitch to the next process (fetching), and whether its HartFetch read 0. */
  private turn: Int32Array<ArrayBuffer>;
  private next: Int32Array<ArrayBuffer>;
  private readZero: Int32Array<ArrayBuffer>;
  /** Per state: its successor by the STATUS write of its first offline process. */
  private status = new Int32Array(INITIAL).fill(-1);
  /** Drain steps taken by {@link check}. */
  steps = 0;

  constructor(G: PackedGhostLayout, sel: WakeupSelection) {
    this.G = G;
    this.L = G.L;
    this.sel = sel;
    this.H = G.L.cfg.harts;
    // room for as many states as the store's first buffers (a grow replaces a field, which costs the optimised code)
    this.turn = new Int32Array(INITIAL * this.H).fill(-1);
    this.next = new Int32Array(INITIAL * this.H).fill(-1);
    this.readZero = new Int32Array(INITIAL * this.H);
  }

  /** Records the successor `id` of state `x` (its bytes `s.cur`) that `s` describes, when the drain can take it. */
  record(x: number, s: PackedSuccessors, id: number): void {
    const { L, H } = this;
    const cur = s.cur;
    const h = s.hart;
    if (h < 0) {
      if (s.acc !== ACC_STATUS || s.accB !== 1 || s.accA !== this.firstOffline(cur, 0)) return;
      this.status = grown(this.status, x + 1);
      this.status[x] = id;
      return;
    }
    const o = L.harts + h * HART_W;
    const phase = cur[o];
    const i = x * H + h;
    if (i >= this.turn.length) {
      this.turn = grown(this.turn, i + 1);
      this.next = grown(this.next, i + 1);
      const z = new Int32Array(this.turn.length);
      z.set(this.readZero);
      this.readZero = z;
    }
    if (phase === PH_IDLE) {
      if (s.switchTo === h % L.cfg.processes) this.turn[i] = id;
    } else if (phase === PH_FETCH) {
      if (s.isFetch) {
        this.turn[i] = id;
        this.readZero[i] = s.accTask === 0 ? 1 : 0;
      } else if (s.switchTo >= 0 && s.switchTo === ((cur[o + 1] ?? 0) - 1 + 1) % L.cfg.processes)
        this.next[i] = id;
    } else if (phase === PH_RUNNING) {
      const t = cur[o + 2] ?? 0;
      const handler = (cur[L.tasks + (t - 1) * TASK_W + 3] ?? 0) > 0;
      if (s.poll === (handler ? POLL_HANDLED : POLL_FINISH)) this.turn[i] = id;
    } else if (phase === PH_RETURNING) {
      if (s.isReturn) this.turn[i] = id;
    }
  }

  /** The first process offline in the state at byte `off` of `b`, or -1. */
  private firstOffline(b: Uint8Array, off: number): number {
    for (let p = 0; p < this.L.cfg.processes; p++) if (b[off + this.L.online + p] !== 1) return p;
    return -1;
  }

  /** The drain from every state of `store` (all expanded), in BFS order: the first whose drain fails. */
  check(store: PackedStore): LeadsToVerdict {
    const { L, G, H } = this;
    const bytes = new Uint8Array(store.words.buffer, store.words.byteOffset, store.words.byteLength);
    const W = G.width;
    const bound = L.cfg.drainBound;
    const masks = 1 << H;
    const positions = store.count * H * H * masks;
    /** Position → steps from there to the end of a successful drain (-1: not known). */
    const memo = new Int32Array(positions).fill(-1);
    const ends = new Map<number, readonly string[] | null>();
    let trail = new Int32Array(64);
    let trailSteps = new Int32Array(32);
    for (let start = 0; start < store.count; start++) {
      let x = start;
      let steps = 0;
      while (steps < bound && this.firstOffline(bytes, x * W) >= 0) {
        const y = this.status[x] ?? -1;
        if (y < 0) return { kind: 'unknown' };
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
        const off = x * W;
        if (quiescentAt(L, bytes, off)) {
          reached = true;
          break;
        }
        if (steps >= bound || stalled >= H || onlyWedgedWorkAt(L, bytes, off)) break;
        const pos = ((x * H + h) * H + stalled) * masks + sawEmpty;
        const r = memo[pos] ?? -1;
        if (r >= 0 && steps + r <= bound) {
          known = steps + r;
          break;
        }
        if (trailLen >= trailSteps.length) {
          const a = new Int32Array(trail.length * 2);
          a.set(trail);
          trail = a;
          const b = new Int32Array(trailSteps.length * 2);
          b.set(trailSteps);
          trailSteps = b;
        }
        trail[trailLen] = pos;
        trailSteps[trailLen++] = steps;
        const turn = h;
        h = (h + 1) % H;
        const o = off + L.harts + turn * HART_W;
        const phase = bytes[o];
        if (phase !== PH_IDLE && phase !== PH_FETCH && phase !== PH_RUNNING && phase !== PH_RETURNING) {
          stalled++; // wedged: no step
          continue;
        }
        const i = x * H + turn;
        const hp = (bytes[o + 1] ?? 0) - 1;
        const switchNext =
          phase === PH_FETCH && (sawEmpty & (1 << turn)) !== 0 && (hp + 1) % L.cfg.processes !== hp;
        const y = switchNext ? (this.next[i] ?? -1) : (this.turn[i] ?? -1);
        if (y < 0) return { kind: 'unknown' };
        stalled = 0;
        steps++;
        this.steps++;
        if (phase === PH_FETCH && !switchNext) {
          if (this.readZero[i] === 1) sawEmpty |= 1 << turn;
          else sawEmpty &= ~(1 << turn);
        } else if (phase === PH_IDLE || switchNext) sawEmpty &= ~(1 << turn);
        x = y;
      }
      if (known < 0) {
        const ids = this.endVerdict(ends, bytes, x, reached, steps);
        if (ids !== null) return { kind: 'fails', state: start, ids };
      }
      const end = known >= 0 ? known : steps;
      for (let k = 0; k < trailLen; k++) memo[trail[k] ?? 0] = end - (trailSteps[k] ?? 0);
    }
    return { kind: 'holds' };
  }

  /** The liveness properties failing where a drain ended (state `x`, quiescent or not), judged once per end. */
  private endVerdict(
    ends: Map<number, readonly string[] | null>,
    bytes: Uint8Array,
    x: number,
    reached: boolean,
    steps: number,
  ): readonly string[] | null {
    const key = x * 2 + (reached ? 1 : 0);
    const known = ends.get(key);
    if (known !== undefined) return known;
    const b = bytes.subarray(x * this.G.width, (x + 1) * this.G.width);
    const ctx: WakeupLivenessContext = {
      cfg: this.L.cfg,
      index: Math.max(0, steps - 1),
      state: decodeSystem(this.L, b),
      drain: { steps, events: [], reachedQuiescence: reached },
      ghost: decodeGhosts(this.G, b).wg,
    };
    const ids = this.sel.liveness.filter((p) => p.check(ctx) !== null).map((p) => p.id);
    const v = ids.length === 0 ? null : ids;
    ends.set(key, v);
    return v;
  }
}
