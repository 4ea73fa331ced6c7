/**
 * The UIPI model's rules on packed words (uipiPackedLayout.ts): which events a state enables, in
 * the order `enabled` lists them (protocols/uipi/model/enabled.ts: arrivals, acceptances, then the
 * event table), each guard of protocols/uipi/model/guards.ts and step.ts `rejection`, and each
 * action of protocols/uipi/model/actions.ts, with the ghost's updates (protocols/uipi/properties/
 * ghost.ts `nextOwed` and `nextCredit`, protocols/uipi/model/undoClui.ts). One successor at a time:
 * {@link load} a node into `before`, {@link step} an event into `after`. Checked state by state
 * against the object step judge (test/protocols/uipi/engine/uipiPacked.test.ts).
 */
import { isSkyloft, type UipiConfig } from '../../model/config.ts';
import { RECEIVER_STEP_TYPES, type UipiEvent } from '../../model/events.ts';
import {
  receiverCode,
  T_ACCEPT,
  T_ARRIVE,
  T_NOTIFY_DRAIN,
  T_REGISTER,
  T_REVOKE,
  T_RUN_OTHER,
  T_SEND,
  T_SEND_IPI,
  T_SWITCH_IN_RESTORE,
  T_TIMER_TICK,
  type UipiPackedEvents,
  uipiPackedEvents,
} from './uipiPackedEvents.ts';
import {
  BODY,
  CPU_MASK,
  CPU_SHIFT,
  CUR_MASK,
  HELD_SHIFT,
  HVEC_MASK,
  HVEC_SHIFT,
  NDST_MASK,
  NDST_SHIFT,
  NV_KERNEL,
  ON,
  PEND_KERNEL,
  PEND_NOTIFY,
  PEND_TIMER,
  PENDING_SHIFT,
  PHASE,
  PHASE_MASK,
  PROCESSING,
  SN,
  UIF,
  UINV_MASK,
  UINV_NOTIFY,
  UINV_SHIFT,
  UINV_TIMER,
  type UipiPackedLayout,
  uipiPackedLayout,
  VALID_MASK,
} from './uipiPackedLayout.ts';
import type { UipiPackedMutation } from './uipiPackedMutation.ts';

const USER = PHASE.user;
const OUT_SN = PHASE.outSn;
const OFF = PHASE.off;
const IN_RESTORED = PHASE.inRestored;
const IN_SN_CLEAR = PHASE.inSnClear;
const WAIT_NV = PHASE.waitNv;
const WAIT_CHECKED = PHASE.waitChecked;
const WAITING = PHASE.waiting;
const WOKEN = PHASE.woken;
const KERNEL = PHASE.kernel;

const DELIVER = receiverCode('Deliver');
const HANDLER_BODY = receiverCode('HandlerBody');
const UIRET = receiverCode('Uiret');
const STUI = receiverCode('Stui');
const CLUI = receiverCode('Clui');
const SWITCH_OUT_SN = receiverCode('SwitchOutSn');
const SWITCH_OUT_SAVE = receiverCode('SwitchOutSave');
const SWITCH_IN_CLEAR_SN = receiverCode('SwitchInClearSn');
const SWITCH_IN_CHECK_PIR = receiverCode('SwitchInCheckPir');
const WAIT_SWITCH_NV = receiverCode('WaitSwitchNv');
const WAIT_RECHECK = receiverCode('WaitRecheck');
const WAIT_SLEEP = receiverCode('WaitSleep');
const WAKE_RESTORE_NV = receiverCode('WakeRestoreNv');
const KERNEL_ENTRY = receiverCode('KernelEntry');
const KERNEL_EXIT = receiverCode('KernelExit');

/**
 * Copies `src`'s first `n` words into `dst`: for a node's few words a loop costs less than
 * `dst.set(src)`, a builtin call (about 20 against 30 ns, twice per transition).
 */
export function copyWords(dst: Int32Array, src: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) dst[i] = src[i] ?? 0;
}

/** The highest set bit of a non-zero word (model/state.ts `highest`), -1 for 0. */
export const highestBit = (w: number): number => 31 - Math.clz32(w);

const RECEIVER_FIRST = DELIVER;
const RECEIVER_STEPS = RECEIVER_STEP_TYPES.length;

/**
 * step.ts `receiverGuard` (with `rejection`'s scenario and design-only refusals) of receiver step
 * `t` for a receiver in `phase` whose CPU, if any, is not processing (`idle`), with UIF, UIRR ≠ 0,
 * in a handler, and its body run as given.
 */
function receiverEnabled(
  t: number,
  sky: boolean,
  phase: number,
  idle: boolean,
  uif: boolean,
  uirr: boolean,
  inHandler: boolean,
  body: boolean,
): boolean {
  const atUser = phase === USER && idle;
  switch (t) {
    case DELIVER:
      return atUser && uif && uirr;
    case HANDLER_BODY:
      return atUser && inHandler && !body;
    case UIRET:
      return atUser && inHandler && body;
    case STUI:
      return atUser && !inHandler;
    case CLUI:
    case KERNEL_ENTRY:
      return atUser;
    case SWITCH_OUT_SN:
      return atUser || (phase === KERNEL && idle);
    case KERNEL_EXIT:
      return phase === KERNEL && idle;
    case SWITCH_OUT_SAVE:
      return phase === OUT_SN && idle;
    case SWITCH_IN_CLEAR_SN:
      return phase === IN_RESTORED && idle;
    case SWITCH_IN_CHECK_PIR:
      return phase === IN_SN_CLEAR && idle;
    case WAIT_SWITCH_NV:
      return !sky && (atUser || (phase === KERNEL && idle)) && !inHandler;
    case WAIT_RECHECK:
      return phase === WAIT_NV && idle;
    case WAIT_SLEEP:
      return phase === WAIT_CHECKED && idle;
    case WAKE_RESTORE_NV:
      return phase === WOKEN && idle;
    default:
      return false; // WaitEnlist: linux-rfc-v1's only
  }
}

/**
 * {@link receiverEnabled} of every receiver step as one mask (bit j: RECEIVER_STEP_TYPES[j]), for
 * every combination of what it reads: index phase | idle·16 | UIF·32 | (UIRR ≠ 0)·64 | in a handler·128 | body·256.
 */
function receiverMasks(sky: boolean): Uint16Array {
  const known = MASKS[sky ? 1 : 0];
  if (known !== undefined) return known;
  const out = new Uint16Array(512);
  for (let at = 0; at < 512; at++) {
    let m = 0;
    for (let j = 0; j < RECEIVER_STEPS; j++) {
      const on = receiverEnabled(
        RECEIVER_FIRST + j,
        sky,
        at & 15,
        (at & 16) !== 0,
        (at & 32) !== 0,
        (at & 64) !== 0,
        (at & 128) !== 0,
        (at & 256) !== 0,
      );
      if (on) m |= 1 << j;
    }
    out[at] = m;
  }
  MASKS[sky ? 1 : 0] = out;
  return out;
}
/** {@link receiverMasks} of the plain scenario and of Skyloft's, once made (read-only after). */
const MASKS: (Uint16Array | undefined)[] = [undefined, undefined];

/** How `enabled` decides a table position (see {@link guardTest}). */
const BY_WORDS = 0;
const BY_RECEIVER = 1;
const BY_TIMER = 2;

/** The bits of a sender's word that hold its IPI (`sw >>> HELD_SHIFT`, 0: none). */
const HELD_BITS = ~VALID_MASK;

/**
 * step.ts `rejection` of a table event of type `t` with operands `a`, `b` as two word tests, true
 * when `((w[at] & mask) === value) !== negate && (w[at2] & mask2) === value2` in the state `w`
 * (the seven numbers in that order), or null when it is never enabled in the model (RunOther:
 * linux-rfc-v1's only) or is not a word test (a receiver's steps, a timer tick: see `enabled`).
 * Each test names the guards.ts guards it stands for (the range checks hold for every table event).
 */
function guardTest(L: UipiPackedLayout, t: number, a: number, b: number): readonly number[] | null {
  const sender = L.senders + a;
  switch (t) {
    case T_SEND: // slotValid, senderFree
      return [sender, (1 << b) | HELD_BITS, 1 << b, 0, 0, 0, 0];
    case T_SEND_IPI: // senderHolds
      return [sender, HELD_BITS, 0, 1, 0, 0, 0];
    case T_NOTIFY_DRAIN: // cpuProcessing
      return [L.cpus + a, PROCESSING, 0, 1, 0, 0, 0];
    case T_SWITCH_IN_RESTORE: // switchInFits: receiver a is off, CPU b runs nobody
      return [3 * a, PHASE_MASK, OFF, 0, L.cpus + b, CUR_MASK, 0];
    case T_REGISTER: // slotFree
      return [sender, 1 << b, 0, 0, 0, 0, 0];
    case T_REVOKE: // slotValid
      return [sender, 1 << b, 1 << b, 0, 0, 0, 0];
    default:
      return null;
  }
}

/** The packed successor function of one configuration (see above). */
export class UipiPackedSuccessors {
  readonly L: UipiPackedLayout;
  readonly E: UipiPackedEvents;
  /** The loaded node's key words and ghost words (owed masks, then credits). */
  readonly before: Int32Array;
  readonly ghostBefore: Int32Array;
  /** The last step's successor. */
  readonly after: Int32Array;
  readonly ghostAfter: Int32Array;
  /** Whether the last step changed a credit (the slack check reads only those steps). */
  creditChanged = false;
  private readonly sky: boolean;
  private readonly timer: number;
  /** UINV's code after a return to user (programmedUinv). */
  private readonly programmed: number;
  private readonly mutation: UipiPackedMutation | null;
  /** {@link receiverMasks} of this scenario. */
  private readonly receiverMasks: Uint16Array;
  /**
   * The table positions `enabled` decides, in table order (a receiver's steps once, at its first;
   * never-enabled events left out): the event, how it is decided (BY_WORDS, BY_RECEIVER,
   * BY_TIMER) and for BY_WORDS its seven numbers at 7·j ({@link guardTest}), so the guard loop
   * is a few word tests rather than a call and a switch per event.
   */
  private readonly tests: Int32Array;
  private readonly kinds: Int32Array;
  private readonly words: Int32Array;

  constructor(cfg: UipiConfig, mutation: UipiPackedMutation | null = null) {
    this.L = uipiPackedLayout(cfg);
    this.E = uipiPackedEvents(cfg);
    this.before = new Int32Array(this.L.words);
    this.after = new Int32Array(this.L.words);
    this.ghostBefore = new Int32Array(this.L.ghost);
    this.ghostAfter = new Int32Array(this.L.ghost);
    this.sky = isSkyloft(cfg);
    this.timer = cfg.timer;
    this.programmed = this.sky ? UINV_TIMER : UINV_NOTIFY;
    this.mutation = mutation;
    this.receiverMasks = receiverMasks(this.sky);
    const tests: number[] = [];
    const kinds: number[] = [];
    const words: number[] = [];
    for (let k = 0; k < this.E.tableSize; k++) {
      const t = this.E.type[k] ?? 0;
      if (t === RECEIVER_FIRST) {
        for (let j = 0; j < RECEIVER_STEPS; j++)
          if (this.E.type[k + j] !== RECEIVER_FIRST + j || this.E.a[k + j] !== this.E.a[k])
            throw new Error('packed UIPI engine: the event table does not list a receiver’s steps together');
        tests.push(k);
        kinds.push(BY_RECEIVER);
        words.push(0, 0, 0, 0, 0, 0, 0);
        k += RECEIVER_STEPS - 1;
        continue;
      }
      if (t === T_TIMER_TICK) {
        if (!this.sky) continue;
        tests.push(k);
        kinds.push(BY_TIMER);
        words.push(0, 0, 0, 0, 0, 0, 0);
        continue;
      }
      const test = guardTest(this.L, t, this.E.a[k] ?? 0, this.E.b[k] ?? 0);
      if (test === null) continue;
      tests.push(k);
      kinds.push(BY_WORDS);
      words.push(...test);
    }
    this.tests = Int32Array.from(tests);
    this.kinds = Int32Array.from(kinds);
    this.words = Int32Array.from(words);
  }

  /** Event `k` (throws on a number that names none of the configuration's events). */
  event(k: number): UipiEvent {
    const e = this.E.events[k];
    if (e === undefined) throw new Error(`packed UIPI engine: no event ${k}`);
    return e;
  }

  /** Loads the node whose key words are at `wAt` in `w` and ghost words at `gAt` in `g`. */
  load(w: Int32Array, wAt: number, g: Int32Array, gAt: number): void {
    const n = this.L.words;
    for (let i = 0; i < n; i++) this.before[i] = w[wAt + i] ?? 0;
    const m = this.L.ghost;
    for (let i = 0; i < m; i++) this.ghostBefore[i] = g[gAt + i] ?? 0;
  }

  /** Writes the events `before` enables into `out` (event numbers, in `enabled`'s order); returns how many. */
  enabled(out: Int32Array): number {
    const { L, E } = this;
    const w = this.before;
    let n = 0;
    const flying = w[L.inflight] ?? 0;
    for (let bit = 0; bit < 2 * L.cpuCount; bit++) if ((flying >>> bit) & 1) out[n++] = E.arrive[bit] ?? 0;
    for (let c = 0; c < L.cpuCount; c++) {
      const p = ((w[L.cpus + c] ?? 0) >> PENDING_SHIFT) & 7;
      if (p === 0 || !this.cpuAccepts(c)) continue;
      for (let j = 0; j < 3; j++) if ((p >> j) & 1) out[n++] = E.accept[3 * c + j] ?? 0;
    }
    const { tests, kinds, words } = this;
    for (let j = 0; j < tests.length; j++) {
      const k = tests[j] ?? 0;
      const kind = kinds[j] ?? 0;
      if (kind === BY_WORDS) {
        // the guard as two word tests (guardTest): the first negated when `negate` is set
        const o = 7 * j;
        const first = ((w[words[o] ?? 0] ?? 0) & (words[o + 1] ?? 0)) === (words[o + 2] ?? 0);
        if (
          first !== ((words[o + 3] ?? 0) !== 0) &&
          ((w[words[o + 4] ?? 0] ?? 0) & (words[o + 5] ?? 0)) === (words[o + 6] ?? 0)
        )
          out[n++] = k;
      } else if (kind === BY_RECEIVER) {
        // a receiver's steps, in RECEIVER_STEP_TYPES order (uipiEventTable: checked in the constructor)
        // the mask's set bits, lowest first (a few of its sixteen)
        for (let m = this.receiverMask(E.a[k] ?? 0); m !== 0; m &= m - 1)
          out[n++] = k + 31 - Math.clz32(m & -m);
      } else if (this.timerTicks(E.a[k] ?? 0)) out[n++] = k;
    }
    return n;
  }

  /** guards.ts `cpuAccepts` (the acceptance's vector is pending: the caller's loop). */
  private cpuAccepts(c: number): boolean {
    const w = this.before;
    const x = w[this.L.cpus + c] ?? 0;
    if (x & PROCESSING) return false;
    const cur = (x & CUR_MASK) - 1;
    if (cur < 0) return true;
    const phase = (w[3 * cur] ?? 0) & PHASE_MASK;
    return phase === USER || phase === KERNEL;
  }

  /** guards.ts `timerUnmasked` (asked in Skyloft only): CPU `c` runs a receiver at user level. */
  private timerTicks(c: number): boolean {
    const w = this.before;
    const cur = ((w[this.L.cpus + c] ?? 0) & CUR_MASK) - 1;
    return cur >= 0 && ((w[3 * cur] ?? 0) & PHASE_MASK) === USER;
  }

  /** The receiver steps `before` enables for receiver `r`: bit j for RECEIVER_STEP_TYPES[j] (from {@link RECEIVER_MASKS}). */
  private receiverMask(r: number): number {
    const w = this.before;
    const rw = w[3 * r] ?? 0;
    const cpu = ((rw & CPU_MASK) >> CPU_SHIFT) - 1;
    const idle = cpu < 0 || ((w[this.L.cpus + cpu] ?? 0) & PROCESSING) === 0;
    const at =
      (rw & PHASE_MASK) |
      (idle ? 16 : 0) |
      (rw & UIF ? 32 : 0) |
      ((w[3 * r + 1] ?? 0) !== 0 ? 64 : 0) |
      ((rw & HVEC_MASK) !== 0 ? 128 : 0) |
      (rw & BODY ? 256 : 0);
    return this.receiverMasks[at] ?? 0;
  }

  /** Applies enabled event `k` to `before`: `after` and its ghost (see above). */
  step(k: number): void {
    const { L, E } = this;
    const a = this.after;
    const g = this.ghostAfter;
    copyWords(a, this.before, L.words);
    copyWords(g, this.ghostBefore, L.ghost);
    this.creditChanged = false;
    const t = E.type[k] ?? 0;
    const x = E.a[k] ?? 0;
    const y = E.b[k] ?? 0;
    switch (t) {
      case T_SEND:
        this.post(E.target[k] ?? 0, E.uv[k] ?? 0, x);
        return;
      case T_SEND_IPI: {
        const at = L.senders + x;
        const held = (a[at] ?? 0) >>> HELD_SHIFT;
        a[at] = (a[at] ?? 0) & VALID_MASK;
        a[L.inflight] = (a[L.inflight] ?? 0) | (1 << (held - 1));
        return;
      }
      case T_ARRIVE: {
        const notify = y === 0xec ? 1 : 0;
        a[L.inflight] = (a[L.inflight] ?? 0) & ~(1 << (2 * x + notify));
        a[L.cpus + x] = (a[L.cpus + x] ?? 0) | ((notify ? PEND_NOTIFY : PEND_KERNEL) << PENDING_SHIFT);
        return;
      }
      case T_ACCEPT:
        this.accept(x, y);
        return;
      case T_NOTIFY_DRAIN: {
        const cw = a[L.cpus + x] ?? 0;
        const r = (cw & CUR_MASK) - 1;
        if (r >= 0) {
          const pir = a[3 * r + 2] ?? 0;
          if (this.mutation !== 'drainKeepsPir') a[3 * r + 2] = 0;
          a[3 * r + 1] = (a[3 * r + 1] ?? 0) | pir;
        }
        a[L.cpus + x] = cw & ~PROCESSING;
        return;
      }
      case T_SWITCH_IN_RESTORE: {
        a[L.cpus + y] = ((a[L.cpus + y] ?? 0) & ~CUR_MASK) | (x + 1);
        const rw = a[3 * x] ?? 0;
        a[3 * x] =
          (rw & ~(PHASE_MASK | CPU_MASK | UINV_MASK | NDST_MASK)) |
          IN_RESTORED |
          ((y + 1) << CPU_SHIFT) |
          (this.programmed << UINV_SHIFT) |
          (y << NDST_SHIFT);
        return;
      }
      case T_REGISTER:
        a[L.senders + x] = (a[L.senders + x] ?? 0) | (1 << y);
        return;
      case T_REVOKE:
        a[L.senders + x] = (a[L.senders + x] ?? 0) & ~(1 << y);
        return;
      case T_TIMER_TICK:
        a[L.cpus + x] = (a[L.cpus + x] ?? 0) | (PEND_TIMER << PENDING_SHIFT);
        return;
      case T_RUN_OTHER:
        return;
      default:
        this.receiverStep(t, x, g);
    }
  }

  /** actions.ts `post` (SENDUIPI by `sender` to `target`'s vector `uv`), with the ghost's Send. */
  private post(target: number, uv: number, sender: number): void {
    const a = this.after;
    const g = this.ghostAfter;
    const rw = a[3 * target] ?? 0;
    const notify = (rw & (SN | ON)) === 0 || this.mutation === 'sendAlwaysNotifies';
    a[3 * target + 2] = (a[3 * target + 2] ?? 0) | (1 << uv);
    if (notify) {
      a[3 * target] = rw | ON;
      const ndst = (rw & NDST_MASK) >> NDST_SHIFT;
      const held = 1 + 2 * ndst + (rw & NV_KERNEL ? 0 : 1);
      const at = this.L.senders + sender;
      a[at] = ((a[at] ?? 0) & VALID_MASK) | (held << HELD_SHIFT);
    }
    if (this.mutation !== 'sendForgetsOwed') g[target] = (g[target] ?? 0) | (1 << uv);
    const ci = this.L.receivers + target * this.L.vectors + uv;
    g[ci] = (g[ci] ?? 0) + 1;
    this.creditChanged = true;
  }

  /** actions.ts `accept` (and its `wakeWaiters`) of `vector` at `cpu`. */
  private accept(cpu: number, vector: number): void {
    const L = this.L;
    const a = this.after;
    const bit = vector === 0xe0 ? PEND_TIMER : vector === 0xeb ? PEND_KERNEL : PEND_NOTIFY;
    const cw = (a[L.cpus + cpu] ?? 0) & ~(bit << PENDING_SHIFT);
    a[L.cpus + cpu] = cw;
    const cur = (cw & CUR_MASK) - 1;
    if (cur >= 0) {
      const rw = a[3 * cur] ?? 0;
      const uinv = (rw & UINV_MASK) >> UINV_SHIFT;
      if ((uinv === UINV_TIMER && vector === 0xe0) || (uinv === UINV_NOTIFY && vector === 0xec)) {
        a[3 * cur] = rw & ~ON;
        a[L.cpus + cpu] = cw | PROCESSING;
        return;
      }
    }
    if (vector !== 0xeb) return;
    for (let r = 0; r < L.receivers; r++) {
      const rw = a[3 * r] ?? 0;
      if ((rw & PHASE_MASK) !== WAITING || (rw & ON) === 0) continue;
      a[3 * r] = (rw & ~PHASE_MASK) | SN | WOKEN;
    }
  }

  /** A receiver step of receiver `r` (actions.ts), with the ghost's Deliver, HandlerBody and undo-CLUI rules. */
  private receiverStep(t: number, r: number, g: Int32Array): void {
    const L = this.L;
    const a = this.after;
    const at = 3 * r;
    const rw = a[at] ?? 0;
    /** The receiver's word without its phase (a phase change ORs the new phase in; no closure: one per call was garbage). */
    const unphased = rw & ~PHASE_MASK;
    const cpu = ((rw & CPU_MASK) >> CPU_SHIFT) - 1;
    switch (t) {
      case DELIVER: {
        const uirr = a[at + 1] ?? 0;
        const v = highestBit(this.mutation === 'deliverLowest' ? uirr & -uirr : uirr);
        if (this.mutation !== 'deliverKeepsUirr') a[at + 1] = uirr & ~(1 << v);
        a[at] = (rw & ~(UIF | BODY | HVEC_MASK)) | ((v + 1) << HVEC_SHIFT);
        if (v >= 0) {
          g[r] = (g[r] ?? 0) & ~(1 << v);
          const ci = L.receivers + r * L.vectors + v;
          g[ci] = (g[ci] ?? 0) - 1;
          this.creditChanged = true;
        }
        return;
      }
      case HANDLER_BODY: {
        a[at] = rw | BODY;
        const hvec = ((rw & HVEC_MASK) >> HVEC_SHIFT) - 1;
        if (!this.sky || hvec !== this.timer || this.mutation === 'timerForgetsRepost') return;
        const pir = a[at + 2] ?? 0;
        const m = 1 << this.timer;
        a[at + 2] = pir | m;
        g[r] = (g[r] ?? 0) | m; // the re-posted bit is in PIR after the step
        if ((pir & m) === 0) {
          const ci = L.receivers + r * L.vectors + this.timer;
          g[ci] = (g[ci] ?? 0) + 1;
          this.creditChanged = true;
        }
        return;
      }
      case UIRET:
        a[at] = (rw & ~(HVEC_MASK | BODY)) | UIF;
        a[L.undo] = (a[L.undo] ?? 0) & ~(1 << r);
        return;
      case STUI:
        a[at] = rw | UIF;
        a[L.undo] = (a[L.undo] ?? 0) & ~(1 << r);
        return;
      case CLUI:
        a[at] = rw & ~UIF;
        a[L.undo] = (a[L.undo] ?? 0) | (1 << r);
        return;
      case SWITCH_OUT_SN:
        a[at] = unphased | OUT_SN | SN;
        return;
      case SWITCH_OUT_SAVE:
      case WAIT_SLEEP:
        // leaveCpu: saved (UINV cleared), off its CPU
        a[at] = (rw & ~(PHASE_MASK | CPU_MASK | UINV_MASK)) | (t === WAIT_SLEEP ? WAITING : OFF);
        if (cpu >= 0) a[L.cpus + cpu] = (a[L.cpus + cpu] ?? 0) & ~CUR_MASK;
        return;
      case KERNEL_ENTRY:
        a[at] = unphased | KERNEL;
        return;
      case KERNEL_EXIT: {
        if (cpu < 0) throw new Error('packed UIPI engine: a kernel exit off-CPU');
        const uinv = (rw & UINV_MASK) === 0 ? this.programmed << UINV_SHIFT : rw & UINV_MASK;
        a[at] = (rw & ~(PHASE_MASK | NDST_MASK | UINV_MASK)) | IN_RESTORED | (cpu << NDST_SHIFT) | uinv;
        return;
      }
      case SWITCH_IN_CLEAR_SN:
        a[at] =
          this.sky || this.mutation === 'switchInKeepsSn'
            ? unphased | IN_SN_CLEAR
            : (unphased | IN_SN_CLEAR) & ~SN;
        return;
      case SWITCH_IN_CHECK_PIR: {
        a[at] = unphased | USER;
        const stale = this.mutation === 'checkPirIgnoresOn' ? false : (rw & ON) !== 0;
        if (this.sky || ((a[at + 2] ?? 0) === 0 && !stale)) return;
        if (cpu >= 0) a[L.cpus + cpu] = (a[L.cpus + cpu] ?? 0) | (PEND_NOTIFY << PENDING_SHIFT);
        return;
      }
      case WAIT_SWITCH_NV:
        a[at] = unphased | WAIT_NV | NV_KERNEL;
        return;
      case WAIT_RECHECK: {
        const pir = a[at + 2] ?? 0;
        if ((rw & ON) === 0 && pir === 0 && (a[at + 1] ?? 0) === 0) {
          a[at] = unphased | WAIT_CHECKED;
          return;
        }
        a[at] = (unphased | USER) & ~NV_KERNEL;
        if (pir !== 0 && cpu >= 0) a[L.cpus + cpu] = (a[L.cpus + cpu] ?? 0) | (PEND_NOTIFY << PENDING_SHIFT);
        return;
      }
      case WAKE_RESTORE_NV:
        a[at] = (unphased | OFF) & ~NV_KERNEL;
        return;
      default:
        return; // WaitEnlist: never enabled in the model
    }
  }

  /**
   * uipiGhostMeasure.ts `slackFalls` of the last step (called only when it changed a credit): the
   * (r, v) whose credit minus pending copies fell, or -1 (else r·V + v).
   */
  slackFalls(): number {
    const { L, before: b, after: a, ghostBefore: gb, ghostAfter: ga } = this;
    for (let r = 0; r < L.receivers; r++) {
      const same = b[3 * r + 2] === a[3 * r + 2] && b[3 * r + 1] === a[3 * r + 1];
      for (let v = 0; v < L.vectors; v++) {
        const i = r * L.vectors + v;
        const dc = (ga[L.receivers + i] ?? 0) - (gb[L.receivers + i] ?? 0);
        if (same && dc >= 0) continue;
        const pendingBefore = (((b[3 * r + 2] ?? 0) >>> v) & 1) + (((b[3 * r + 1] ?? 0) >>> v) & 1);
        const pendingAfter = (((a[3 * r + 2] ?? 0) >>> v) & 1) + (((a[3 * r + 1] ?? 0) >>> v) & 1);
        if (dc - (pendingAfter - pendingBefore) < 0) return i;
      }
    }
    return -1;
  }
}
