/**
 * The wakeup model's successor function over packed states: a re-encoding, byte for byte, of
 * model/wakeup `enabled` followed by `step` (and through it the controller's `step` for the
 * Enqueue, Dequeue, IrqRegister, Irq and StatusWrite accesses the system performs). For every
 * event `enabled` lists, in the same order, it writes the successor into one scratch buffer and
 * hands it to a {@link PackedVisitor}, so a transition allocates nothing. The pure `step` stays the
 * specification: test/protocols/wakeup/engine/packed.test.ts checks on every reachable state of the tiny preset
 * that decoding these successors gives exactly `step`'s, and on tiny and small that the packed
 * explorer counts the same states, transitions and diameter as the explorer.
 */
import * as A from '../../../controller/engine/packed/packedAccess.ts';
import { ERR } from '../../../controller/model/registers.ts';
import type { PackedLayout } from './packedLayout.ts';
import * as K from './packedLayout.ts';
import type { PackedMutation } from './packedMutation.ts';

/**
 * The layout's codes as module-local constants: imported bindings may be read through accessors
 * once compiled (tsx), which costs a call on every read of this hot path.
 */
const HART_W = K.HART_W;
const LIFE_BLOCKED = K.LIFE_BLOCKED;
const LIFE_DONE = K.LIFE_DONE;
const LIFE_FREE = K.LIFE_FREE;
const LIFE_READY = K.LIFE_READY;
const LIFE_RUNNING = K.LIFE_RUNNING;
const PH_FETCH = K.PH_FETCH;
const PH_IDLE = K.PH_IDLE;
const PH_RETURNING = K.PH_RETURNING;
const PH_RUNNING = K.PH_RUNNING;
const PH_WEDGED = K.PH_WEDGED;
const TASK_W = K.TASK_W;
const QUEUE_FULL = ERR.QUEUE_FULL;
const WAIT_FULL = ERR.WAIT_FULL;
const PENDING_OVERFLOW = ERR.PENDING_OVERFLOW;

/**
 * What receives each successor: an object with a method rather than a closure, so the engine's
 * visitor is one class whose method the optimiser inlines once and keeps (a fresh closure per
 * search would invalidate the optimised successor function on every search after the first).
 */
export interface PackedVisitor {
  visit(): void;
}

/** The access codes as module-local constants (an imported binding may compile to an accessor call on this hot path). */
const ACC_NONE = A.ACC_NONE;
const ACC_IRQ = A.ACC_IRQ;
const ACC_STATUS = A.ACC_STATUS;
const ACC_ENQUEUE = A.ACC_ENQUEUE;
const ACC_REGISTER = A.ACC_REGISTER;
const ACC_DEQUEUE = A.ACC_DEQUEUE;

/** HartPoll outcomes, as {@link PackedSuccessors.poll} names them. */
const POLL_YIELD = 1;
export const POLL_FINISH = 2;
export const POLL_HANDLED = 3;
const POLL_BLOCK = 4;

/** The successors of packed wakeup states of one layout (see above). */
export class PackedSuccessors implements A.PackedAccess {
  readonly L: PackedLayout;
  /** The state being expanded (or loaded; read-only to everyone else), and the buffer each successor is built in. */
  readonly cur: Uint8Array;
  /** {@link cur} as 32-bit words (the same buffer; read-only to everyone else). */
  readonly curWords: Int32Array;
  /** The successor being visited (bytes, then the same buffer as 32-bit words; the width is a multiple of 4). */
  readonly b: Uint8Array;
  readonly words: Int32Array;
  /** A seeded bug (tests only; see packedMutation.ts), or null for the model. */
  private readonly mutation: PackedMutation | null;
  /** The phase a poll leaves its hart in when it owes a return action (wedged under the `wedges` mutation). */
  private readonly owes: number;
  /**
   * The controller access the successor being visited performed (see {@link Access}: ACC_NONE for a
   * software step) and its arguments: `accA` the process (or line), `accB` the priority, device or
   * STATUS data, `accTask` the task written, or for a DEQUEUE the value it read; a field the access
   * does not define is 0 (the judged engine remembers verdicts keyed by all four:
   * controllerJudgeMemo.ts). The judged engine (judgedExplore.ts) judges the access by these; the
   * plain packed engine ignores them.
   */
  acc = ACC_NONE;
  accA = 0;
  accB = 0;
  accTask = 0;
  /** The hart whose executor step the successor is (-1: an interrupt or a kernel step), and whether it is a HartReturn / HartFetch. */
  hart = -1;
  isReturn = false;
  isFetch = false;
  /** Counts the states expanded or loaded: a judge may keep what it read of {@link cur} while this stays the same. */
  generation = 0;
  /** For a HartSwitch successor, the process the hart is put on (-1 for any other event). */
  switchTo = -1;
  /** For a HartPoll successor, its outcome (see POLL_FINISH, POLL_HANDLED; 0 for any other event). */
  poll = 0;

  /**
   * `width`: bytes per state as stored (default the layout's; the judged engine stores a ghost after
   * the system bytes, which a successor starts from as a copy of its state's and no event changes).
   */
  constructor(L: PackedLayout, mutation?: PackedMutation, width = L.width) {
    this.L = L;
    this.mutation = mutation ?? null;
    this.owes = mutation === 'wedges' ? PH_WEDGED : PH_RETURNING;
    this.cur = new Uint8Array(width);
    this.curWords = new Int32Array(this.cur.buffer);
    this.b = new Uint8Array(width);
    this.words = new Int32Array(this.b.buffer);
  }

  /**
   * Calls `v.visit()` once per successor of the state at word `off` of `src`, the successor being in
   * {@link b} / {@link words} meanwhile (one buffer, reused: copy it); returns how many there were.
   */
  expand(src: Int32Array, off: number, v: PackedVisitor): number {
    const { L, cur } = this;
    const { cfg } = L;
    this.curWords.set(src.subarray(off, off + this.curWords.length));
    this.generation++;
    let n = 0;
    this.hart = -1;
    this.isReturn = false;
    this.isFetch = false;
    for (let d = 0; d < cfg.devices; d++) {
      this.reset();
      this.irq(d);
      v.visit();
      n++;
    }
    for (let p = 0; p < cfg.processes; p++) {
      const on = cur[L.online + p] === 1;
      // data 0 (offline) only when online and no hart is on p; data 1 only when offline
      if (on && !this.hartOn(p)) {
        this.reset();
        this.status(p, 0);
        v.visit();
        n++;
      }
      if (!on) {
        this.reset();
        this.status(p, 1);
        v.visit();
        n++;
      }
    }
    const t = this.lowestFree();
    if (t > 0) {
      for (let p = 0; p < cfg.processes; p++) {
        if (this.liveTasks(p) >= cfg.capacity) continue;
        for (let k = 0; k < cfg.priorities; k++) {
          this.reset();
          this.setTask(t, LIFE_READY, p, k, -1, -1);
          this.enqueue(p, k, t);
          this.acc = ACC_ENQUEUE;
          this.accA = p;
          this.accB = k;
          this.accTask = t;
          v.visit();
          n++;
        }
      }
    }
    for (let h = 0; h < cfg.harts; h++) {
      const o = L.harts + h * HART_W;
      const phase = cur[o] ?? PH_IDLE;
      const hp = (cur[o + 1] ?? 0) - 1;
      this.hart = h;
      if (phase === PH_FETCH) {
        this.reset();
        this.fetch(h, hp);
        this.isFetch = true;
        v.visit();
        this.isFetch = false;
        this.reset();
        this.setHart(h, PH_IDLE, -1, 0);
        this.acc = ACC_NONE;
        v.visit();
        n += 2;
      }
      if (phase === PH_FETCH || phase === PH_IDLE) {
        this.acc = ACC_NONE;
        for (let p = 0; p < cfg.processes; p++) {
          if (cur[L.online + p] !== 1 || hp === p) continue;
          this.reset();
          this.setHart(h, PH_FETCH, p, 0);
          this.switchTo = p;
          v.visit();
          n++;
        }
        this.switchTo = -1;
      } else if (phase === PH_RUNNING) {
        this.acc = ACC_NONE;
        n += this.polls(h, hp, cur[o + 2] ?? 0, v);
        this.poll = 0;
      } else if (phase === PH_RETURNING) {
        this.reset();
        this.ret(h, hp, cur[o + 2] ?? 0);
        this.isReturn = true;
        v.visit();
        this.isReturn = false;
        n++;
      }
    }
    return n;
  }

  /** STATUS write of process p with `data` (0 offline, 1 online) into the buffer being built. */
  private status(p: number, data: number): void {
    this.b[this.L.online + p] = data;
    this.acc = ACC_STATUS;
    this.accA = p;
    this.accB = data;
    this.accTask = 0;
  }

  /**
   * Loads the state at word `off` of `src` for the single-event steps below (the drain's): each
   * builds the one successor of that event into {@link b} and sets the access fields, as
   * {@link expand} does for the same event.
   */
  load(src: Int32Array, off: number): void {
    this.curWords.set(src.subarray(off, off + this.curWords.length));
    this.generation++;
  }

  /** StatusWrite(p, data = 1) from the loaded state (it must be offline). */
  statusOnOne(p: number): void {
    this.single(-1);
    this.status(p, 1);
  }

  /** HartSwitch(h, p) from the loaded state. */
  switchOne(h: number, p: number): void {
    this.single(h);
    this.setHart(h, PH_FETCH, p, 0);
  }

  /** HartFetch(h) from the loaded state (h fetching). */
  fetchOne(h: number): void {
    this.single(h);
    this.isFetch = true;
    this.fetch(h, (this.cur[this.L.harts + h * HART_W + 1] ?? 0) - 1);
  }

  /** HartPoll(h) with the drain's outcome from the loaded state (h running): `handled` for a handler, else `finish`. */
  pollOne(h: number): void {
    this.single(h);
    const { L, cur } = this;
    const hp = (cur[L.harts + h * HART_W + 1] ?? 0) - 1;
    const t = cur[L.harts + h * HART_W + 2] ?? 0;
    const o = L.tasks + (t - 1) * TASK_W;
    const p = (cur[o + 1] ?? 0) - 1;
    const prio = cur[o + 2] ?? 0;
    const handlerOf = (cur[o + 3] ?? 0) - 1;
    if (handlerOf >= 0) {
      this.setHart(h, this.owes, hp, t);
      this.setTask(t, LIFE_BLOCKED, p, prio, handlerOf, handlerOf);
      return;
    }
    this.setHart(h, PH_FETCH, this.mutation === 'finishWanders' ? (hp + 1) % L.cfg.processes : hp, 0);
    this.setTask(t, LIFE_DONE, p, prio, -1, -1);
  }

  /** HartReturn(h) from the loaded state (h returning). */
  returnOne(h: number): void {
    this.single(h);
    this.isReturn = true;
    const o = this.L.harts + h * HART_W;
    this.ret(h, (this.cur[o + 1] ?? 0) - 1, this.cur[o + 2] ?? 0);
  }

  /** Starts a single-event successor of hart h (-1: a kernel step) from the loaded state. */
  private single(h: number): void {
    this.reset();
    this.hart = h;
    this.isReturn = false;
    this.isFetch = false;
    this.acc = ACC_NONE;
  }

  /**
   * Starts the next successor from the state being expanded. With `set`, one call: as fast as a
   * loop over the words once optimised, and 15 times faster before (a search's first tens of
   * thousands of transitions run before V8 has optimised this).
   */
  private reset(): void {
    this.words.set(this.curWords);
  }

  /** The polls of the task t running on hart h, in `enabled`'s order: yield, finish, handled, block per device. */
  private polls(h: number, hp: number, t: number, v: PackedVisitor): number {
    const { L, cur } = this;
    const o = L.tasks + (t - 1) * TASK_W;
    const p = (cur[o + 1] ?? 0) - 1;
    const prio = cur[o + 2] ?? 0;
    const handlerOf = (cur[o + 3] ?? 0) - 1;
    if (handlerOf >= 0) {
      this.reset();
      this.setHart(h, this.owes, hp, t);
      this.setTask(t, LIFE_BLOCKED, p, prio, handlerOf, handlerOf);
      this.poll = POLL_HANDLED;
      v.visit();
      return 1;
    }
    this.reset();
    this.setHart(h, this.owes, hp, t);
    this.setTask(t, LIFE_READY, p, prio, -1, (cur[o + 4] ?? 0) - 1);
    this.poll = POLL_YIELD;
    v.visit();
    this.reset();
    this.setHart(h, PH_FETCH, this.mutation === 'finishWanders' ? (hp + 1) % L.cfg.processes : hp, 0);
    this.setTask(t, LIFE_DONE, p, prio, -1, -1);
    this.poll = POLL_FINISH;
    v.visit();
    let n = 2;
    this.poll = POLL_BLOCK;
    for (let d = 0; d < L.cfg.devices; d++) {
      if (this.waitClaims(d) >= L.cfg.waitDepth) continue;
      this.reset();
      this.setHart(h, this.owes, hp, t);
      this.setTask(t, LIFE_BLOCKED, p, prio, -1, d);
      v.visit();
      n++;
    }
    return n;
  }

  /** A device interrupt (controller §4.1): wake the head waiter, else count it, else flag the overflow. */
  private irq(d: number): void {
    const { L, b } = this;
    this.acc = ACC_IRQ;
    this.accA = d;
    this.accB = 0;
    this.accTask = 0;
    const w = L.irqWait + d * L.waitW;
    const len = b[w] ?? 0;
    if (len > 0) {
      const p = (b[w + 1] ?? 0) - 1;
      const t = b[w + 2] ?? 0;
      if (this.mutation !== 'wakeCopies') this.shift(w, 2, len);
      this.append(L.ready + p * L.cfg.priorities * L.readyW, t);
      return;
    }
    const pend = L.irqPending + d;
    if ((b[pend] ?? 0) >= L.cfg.pendingMax) b[L.error] = (b[L.error] ?? 0) | PENDING_OVERFLOW;
    else b[pend] = (b[pend] ?? 0) + 1;
  }

  /** ENQUEUE_k of process p with task t, refused with QUEUE_FULL at capacity (§5). */
  private enqueue(p: number, k: number, t: number): void {
    const { L, b } = this;
    if (this.occupancy(p) >= L.cfg.capacity) b[L.error] = (b[L.error] ?? 0) | QUEUE_FULL;
    else this.append(L.ready + (p * L.cfg.priorities + k) * L.readyW, t);
  }

  /** The executor on hart h reads DEQUEUE of p and starts running what it read when it may. */
  private fetch(h: number, hp: number): void {
    const { L, b } = this;
    if (hp < 0) throw new Error('packed engine: a fetching hart on no process');
    let p = hp;
    let t = this.dequeue(p);
    this.acc = ACC_DEQUEUE;
    this.accA = hp;
    this.accB = 0;
    this.accTask = t;
    if (t === 0 && this.mutation === 'stealsOffline') {
      for (let q = 0; q < L.cfg.processes && t === 0; q++) {
        if (q === hp || b[L.online + q] === 1) continue;
        t = this.dequeue(q);
        p = q;
      }
    }
    if (t < 1 || t > L.cfg.taskPool) return;
    const o = L.tasks + (t - 1) * TASK_W;
    const life = b[o] ?? LIFE_FREE;
    if ((b[o + 1] ?? 0) - 1 !== p || (life !== LIFE_READY && life !== LIFE_BLOCKED)) return;
    this.setHart(h, PH_RUNNING, p, t);
    b[o] = LIFE_RUNNING;
    b[o + 4] = 0;
  }

  /** DEQUEUE of p in the buffer being built: the head of its lowest non-empty ready queue, removed, or 0. */
  private dequeue(p: number): number {
    const { L, b } = this;
    for (let k = 0; k < L.cfg.priorities; k++) {
      const q = L.ready + (p * L.cfg.priorities + k) * L.readyW;
      const len = b[q] ?? 0;
      if (len === 0) continue;
      const t = b[q + 1] ?? 0;
      this.shift(q, 1, len);
      return t;
    }
    return 0;
  }

  /** The return action of task t on hart h: ENQUEUE at its priority after a yield, else IRQ_REGISTER. */
  private ret(h: number, hp: number, t: number): void {
    const { L, b } = this;
    const o = L.tasks + (t - 1) * TASK_W;
    const p = (b[o + 1] ?? 0) - 1;
    this.setHart(h, PH_FETCH, hp, 0);
    this.accA = p;
    this.accTask = t;
    if (b[o] === LIFE_READY) {
      this.acc = ACC_ENQUEUE;
      this.accB = b[o + 2] ?? 0;
      this.enqueue(p, b[o + 2] ?? 0, t);
      return;
    }
    const d = (b[o + 4] ?? 0) - 1;
    if (d < 0) throw new Error('packed engine: a registration for no device');
    this.acc = ACC_REGISTER;
    this.accB = d;
    if (this.occupancy(p) >= L.cfg.capacity) {
      b[L.error] = (b[L.error] ?? 0) | QUEUE_FULL;
      return;
    }
    const pend = L.irqPending + d;
    if ((b[pend] ?? 0) > 0) {
      b[pend] = (b[pend] ?? 0) - 1;
      this.append(L.ready + p * L.cfg.priorities * L.readyW, t);
      return;
    }
    const w = L.irqWait + d * L.waitW;
    const len = b[w] ?? 0;
    if (len >= L.cfg.waitDepth) {
      b[L.error] = (b[L.error] ?? 0) | WAIT_FULL;
      return;
    }
    b[w + 1 + 2 * len] = p + 1;
    b[w + 2 + 2 * len] = t;
    b[w] = len + 1;
  }

  /** Appends t to the ready FIFO at q (its length is bounded by C: occupancy never exceeds it). */
  private append(q: number, t: number): void {
    const { b } = this;
    const len = b[q] ?? 0;
    if (len >= this.L.cfg.capacity) throw new Error('packed engine: a ready queue outgrew C');
    b[q + 1 + len] = t;
    b[q] = len + 1;
  }

  /** Removes the head item (w bytes) of the FIFO of length len at q, zeroing the freed slot. */
  private shift(q: number, w: number, len: number): void {
    const { b } = this;
    const end = q + 1 + len * w;
    for (let i = q + 1; i < end - w; i++) b[i] = b[i + w] ?? 0;
    for (let i = end - w; i < end; i++) b[i] = 0;
    b[q] = len - 1;
  }

  private setHart(h: number, phase: number, p: number, t: number): void {
    const o = this.L.harts + h * HART_W;
    this.b[o] = phase;
    this.b[o + 1] = p + 1;
    this.b[o + 2] = t;
  }

  private setTask(
    t: number,
    life: number,
    p: number,
    prio: number,
    handlerOf: number,
    waitsOn: number,
  ): void {
    const o = this.L.tasks + (t - 1) * TASK_W;
    const { b } = this;
    b[o] = life;
    b[o + 1] = p + 1;
    b[o + 2] = prio;
    b[o + 3] = handlerOf + 1;
    b[o + 4] = waitsOn + 1;
  }

  private hartOn(p: number): boolean {
    for (let h = 0; h < this.L.cfg.harts; h++)
      if (this.cur[this.L.harts + h * HART_W + 1] === p + 1) return true;
    return false;
  }

  private lowestFree(): number {
    for (let t = 1; t <= this.L.cfg.taskPool; t++) {
      const life = this.cur[this.L.tasks + (t - 1) * TASK_W];
      if (life === LIFE_FREE || life === LIFE_DONE) return t;
    }
    return 0;
  }

  private liveTasks(p: number): number {
    let n = 0;
    for (let t = 0; t < this.L.cfg.taskPool; t++) {
      const o = this.L.tasks + t * TASK_W;
      const life = this.cur[o];
      if (
        this.cur[o + 1] === p + 1 &&
        (life === LIFE_READY || life === LIFE_RUNNING || life === LIFE_BLOCKED)
      )
        n++;
    }
    return n;
  }

  private waitClaims(d: number): number {
    let n = 0;
    for (let t = 0; t < this.L.cfg.taskPool; t++) {
      const o = this.L.tasks + t * TASK_W;
      if (this.cur[o + 3] === d + 1 || (this.cur[o] === LIFE_BLOCKED && this.cur[o + 4] === d + 1)) n++;
    }
    return n;
  }

  /** occupancy(p) of the buffer being built: ready tasks of p plus p's irq waiters (IPC tables stay empty). */
  private occupancy(p: number): number {
    const { L, b } = this;
    let n = 0;
    for (let k = 0; k < L.cfg.priorities; k++) n += b[L.ready + (p * L.cfg.priorities + k) * L.readyW] ?? 0;
    for (let d = 0; d < L.cfg.devices; d++) {
      const w = L.irqWait + d * L.waitW;
      const len = b[w] ?? 0;
      for (let j = 0; j < len; j++) if (b[w + 1 + 2 * j] === p + 1) n++;
    }
    return n;
  }
}
