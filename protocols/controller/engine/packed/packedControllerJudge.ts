/**
 * The controller-step properties (protocols/controller/properties/, their definitions) re-encoded
 * over packed bytes for the accesses of packedAccess.ts (Irq, StatusWrite, Enqueue, IrqRegister,
 * Dequeue; for the controller also StatusRead, ERROR reads and wrong accesses; a write
 * acknowledged, a read returning a value), with the controller ghost's advance past the access
 * and, for the wakeup system, the wakeup ghost's: the controller half of both judged engines (the
 * wakeup system's, judgedExplore.ts, whose accesses these are; the controller's,
 * controllerPackedSuccessors.ts, which judges its IPC accesses with the properties themselves).
 *
 * It reads the step's queue changes as stepFacts.ts does, restricted to the changes one access
 * makes in a correct controller: a queue unchanged, one entry appended at its tail, or its head
 * removed, and the IPC tables (where a layout stores them) unchanged. A step that changes any
 * queue otherwise (reordered, two entries, a middle one, an IPC table) is not judged here:
 * {@link judge} answers -1 and the caller judges it with the properties themselves, on the same
 * bytes. neverStalls and definedBehaviour judge only the observation, which the callers hand over
 * only when it is the expected one (a DEQUEUE reads a value, every other access is acknowledged),
 * so they hold on every step judged here.
 *
 * test/protocols/wakeup/engine/judged.test.ts and test/protocols/controller/engine/controllerJudged.test.ts
 * require, on every transition of the tiny presets and on every successor of each seeded bug
 * (packedMutation.ts, controllerPackedMutation.ts), that these verdicts and ghosts are the
 * properties' and the ghosts' own on the decoded step.
 */
import { ERR } from '../../model/registers.ts';
import type { ControllerStepProperty } from '../../properties/context.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../../properties/index.ts';
import type { ControllerGhostBytes } from './controllerGhostBytes.ts';
import type { PackedControllerFields } from './controllerPackedLayout.ts';
import type { PackedAccess } from './packedAccess.ts';
import * as S from './packedAccess.ts';

/** Where the judge finds the ghost bytes it reads and advances (the wakeup ghost's only when it tracks it). */
export interface JudgeGhostLayout extends ControllerGhostBytes {
  readonly L: PackedControllerFields;
  /** One byte per line: the interrupts on it owed a wake (wakeup ghost). */
  readonly undelivered: number;
  /** Woken-not-run bits, one per task id (wakeup ghost). */
  readonly woken: number;
}

/**
 * The IPC tables of a layout that stores them (the controller's; the wakeup system's has none): a
 * step that changes them is not read here (the caller judges it with the properties), and their
 * waiting handlers count in occupancy and among the held instances.
 */
export interface PackedIpcTables {
  /** `ipcWait[i]` at `wait + i * w`: length, then task ids; `count` tables, `ipcPending` at `pending`. */
  readonly wait: number;
  readonly w: number;
  readonly pending: number;
  readonly count: number;
}

/** The access codes as module-local constants (an imported binding may compile to an accessor call on this hot path). */
const ACC_DEQUEUE = S.ACC_DEQUEUE;
const ACC_ENQUEUE = S.ACC_ENQUEUE;
const ACC_IRQ = S.ACC_IRQ;
const ACC_REGISTER = S.ACC_REGISTER;
const ACC_BAD = S.ACC_BAD;
const ACC_ERROR_READ = S.ACC_ERROR_READ;
const ACC_IPC_REGISTER = S.ACC_IPC_REGISTER;
const ACC_IPC_SEND = S.ACC_IPC_SEND;

/** The bit of controller property `id` (its index in CONTROLLER_STEP_PROPERTIES, the order violations are reported in). */
function bitOf(id: string): number {
  const i = CONTROLLER_STEP_PROPERTIES.findIndex((p) => p.id === id);
  if (i < 0 || i > 30) throw new Error(`judged engine: no controller property ${id}`);
  return 1 << i;
}
const STRICT = bitOf('strictPriority');
const FIFO_PRIORITY = bitOf('fifoWithinPriority');
const CONSERVATION = bitOf('taskConservation');
const ISOLATION = bitOf('processIsolation');
const EMPTY = bitOf('emptyMeansEmpty');
const CAPACITY = bitOf('capacityBound');
const ERRORS = bitOf('errorReporting');
const LOST = bitOf('noLostWakeup');
const SPURIOUS = bitOf('noSpuriousWakeup');
const WAKE_PRIORITY = bitOf('wakePriority');
/** The properties this judge decides (the observation-only ones hold on every packed step). */
const JUDGED = new Set([
  'neverStalls',
  'definedBehaviour',
  'strictPriority',
  'fifoWithinPriority',
  'taskConservation',
  'processIsolation',
  'emptyMeansEmpty',
  'capacityBound',
  'errorReporting',
  'noLostWakeup',
  'noSpuriousWakeup',
  'fifoWaiters',
  'wakePriority',
]);

const QUEUE_FULL = ERR.QUEUE_FULL;
const WAIT_FULL = ERR.WAIT_FULL;
const PENDING_OVERFLOW = ERR.PENDING_OVERFLOW;
const BAD_ACCESS = ERR.BAD_ACCESS;

/**
 * The bits of the 32-bit words the `w` bytes at `o` lie in: bit i for word i, bit 31 for word 31
 * and every later one (judge's `changed`: the words where a successor may differ from its state).
 */
export function wordBits(o: number, w: number): number {
  let bits = 0;
  for (let i = o >> 2; i <= (o + w - 1) >> 2; i++) bits |= 1 << Math.min(i, 31);
  return bits;
}

/** How one queue changed: not at all, one entry appended, or its head removed. */
const SAME = 0;
const APPENDED = 1;
const DROPPED = 2;

export class PackedControllerJudge {
  private readonly L: PackedControllerFields;
  private readonly G: JudgeGhostLayout;
  private readonly ipc: PackedIpcTables | null;
  /** The selected controller properties, as bits. */
  private readonly selected: number;
  private readonly trackWakeGhost: boolean;
  private readonly NQ: number;
  /** The configuration's bounds and the offsets read on every step, as fields (one load each on the hot path). */
  private readonly P: number;
  private readonly capacity: number;
  private readonly waitDepth: number;
  private readonly pendingMax: number;
  private readonly taskPool: number;
  private readonly errorAt: number;
  private readonly errorSinceReadAt: number;
  private readonly custodyAt: number;
  /** Per ready queue / irqWait line: how it changed, and the entry (task; waiter process + 1 and task). */
  private readonly readyHow: Int32Array;
  private readonly readyItem: Int32Array;
  private readonly waitHow: Int32Array;
  private readonly waitP: Int32Array;
  private readonly waitTask: Int32Array;
  /** Per IPC table (where the layout stores them): how its queue changed, and the handler appended or removed. */
  private readonly ipcHow: Int32Array;
  private readonly ipcItem: Int32Array;
  /** Net change of held / ready instances per task id byte, the ids touched, and how many held ids are non-zero. */
  private readonly held = new Int32Array(256);
  private readonly readyNet = new Int32Array(256);
  private readonly touched = new Int32Array(64);
  private nTouched = 0;
  private heldSize = 0;
  private readySize = 0;
  /**
   * The ready queues, irqWait lines and IPC tables the step judged last changed (their `how` not
   * SAME): the loops over changes read these alone, and the next step resets only these.
   */
  private readonly readyChanged: Int32Array;
  private nReadyChanged = 0;
  private readonly waitChanged: Int32Array;
  private nWaitChanged = 0;
  private readonly ipcChanged: Int32Array;
  private nIpcChanged = 0;
  /**
   * The state and successor bytes judged last, and the same memory as 32-bit words (null: not on
   * a word boundary): a step's changed words are found by comparing words, and a queue in none of
   * them is the same without reading it.
   */
  private curBytes: Uint8Array | null = null;
  private curW: Int32Array | null = null;
  private nextBytes: Uint8Array | null = null;
  private nextW: Int32Array | null = null;
  /** The words of the state's queues (ready, irqWait, IPC tables), any of whose bits {@link facts} must look at. */
  private readonly queueWords: number;
  /**
   * What the state being expanded holds, read once for all its successors: per process its
   * occupancy and its lowest non-empty priority (-1: none), and the instances held in all.
   */
  private beforeOf: PackedAccess | null = null;
  private beforeGen = -1;
  private readonly occCur: Int32Array;
  private readonly topCur: Int32Array;
  /** CONSERVATION when the instances held in that state are not the ghost's outstanding ones, else 0; and its error register. */
  private heldBroken = 0;
  private errorBefore = 0;
  /** The words where the step judged last changed (see {@link judge}), and those of the cells between the queues and the error register. */
  private changed = -1;
  private readonly cellWords: number;
  /** The error bits the step judged last requires ({@link required}, for {@link advance}). */
  private req = 0;
  /** Per process: how the step changed its occupancy (from the queue changes). */
  private readonly occDelta: Int32Array;
  /** Per ready queue, irqWait line and IPC table: the bits of the 32-bit words it lies in (see {@link judge}'s `changed`). */
  private readonly readyWords: Int32Array;
  private readonly waitWords: Int32Array;
  private readonly ipcWords: Int32Array;

  /**
   * The judge of `controller` (every one must be among those judged here: see {@link judges}),
   * advancing the wakeup ghost too when `trackWakeGhost`.
   */
  constructor(
    G: JudgeGhostLayout,
    controller: readonly ControllerStepProperty[],
    trackWakeGhost: boolean,
    ipc: PackedIpcTables | null = null,
  ) {
    this.G = G;
    this.L = G.L;
    this.ipc = ipc;
    let bits = 0;
    for (const p of controller) {
      if (!JUDGED.has(p.id)) throw new Error(`judged engine: ${p.id} is not judged over packed states`);
      bits |= bitOf(p.id);
    }
    this.selected = bits;
    this.trackWakeGhost = trackWakeGhost;
    const { cfg } = G.L;
    this.NQ = cfg.processes * cfg.priorities;
    this.P = cfg.priorities;
    this.capacity = cfg.capacity;
    this.waitDepth = cfg.waitDepth;
    this.pendingMax = cfg.pendingMax;
    this.taskPool = cfg.taskPool;
    this.errorAt = G.L.error;
    this.errorSinceReadAt = G.errorSinceRead;
    this.custodyAt = G.custody;
    this.readyHow = new Int32Array(this.NQ);
    this.readyItem = new Int32Array(this.NQ);
    this.waitHow = new Int32Array(cfg.devices);
    this.waitP = new Int32Array(cfg.devices);
    this.waitTask = new Int32Array(cfg.devices);
    this.ipcHow = new Int32Array(ipc?.count ?? 0);
    this.ipcItem = new Int32Array(ipc?.count ?? 0);
    this.occCur = new Int32Array(cfg.processes);
    this.topCur = new Int32Array(cfg.processes);
    this.occDelta = new Int32Array(cfg.processes);
    const L = G.L;
    this.readyWords = Int32Array.from({ length: this.NQ }, (_, q) =>
      wordBits(L.ready + q * L.readyW, L.readyW),
    );
    this.cellWords = L.error > L.irqPending ? wordBits(L.irqPending, L.error - L.irqPending) : 0;
    this.waitWords = Int32Array.from({ length: cfg.devices }, (_, d) =>
      wordBits(L.irqWait + d * L.waitW, L.waitW),
    );
    this.ipcWords = Int32Array.from({ length: ipc?.count ?? 0 }, (_, i) =>
      ipc === null ? -1 : wordBits(ipc.wait + i * ipc.w, ipc.w),
    );
    let queueWords = 0;
    for (const w of [...this.readyWords, ...this.waitWords, ...this.ipcWords]) queueWords |= w;
    this.queueWords = queueWords;
    this.readyChanged = new Int32Array(this.NQ);
    this.waitChanged = new Int32Array(cfg.devices);
    this.ipcChanged = new Int32Array(ipc?.count ?? 0);
  }

  /** `b` as the 32-bit words of one state (the same memory), or null when it does not start on a word boundary. */
  private wordsOf(b: Uint8Array): Int32Array | null {
    const n = this.L.width >> 2;
    return (b.byteOffset & 3) === 0 && b.length >= 4 * n ? new Int32Array(b.buffer, b.byteOffset, n) : null;
  }

  /**
   * The bits ({@link wordBits}) of the 32-bit words where `next` differs from `cur`, among
   * `changed` (the caller's: at least those where it may differ); `changed` itself when the bytes
   * are not on word boundaries.
   */
  private diffWords(cur: Uint8Array, next: Uint8Array, changed: number): number {
    if (cur !== this.curBytes) {
      this.curBytes = cur;
      this.curW = this.wordsOf(cur);
    }
    if (next !== this.nextBytes) {
      this.nextBytes = next;
      this.nextW = this.wordsOf(next);
    }
    const a = this.curW;
    const b = this.nextW;
    if (a === null || b === null) return changed;
    let diff = 0;
    if (changed === -1) {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff |= 1 << (i < 31 ? i : 31);
      return diff;
    }
    // the words of `changed` alone, lowest first (bit 31: word 31 and every later one)
    for (let m = changed; m !== 0; m &= m - 1) {
      const i = 31 - Math.clz32(m & -m);
      if (i < 31) {
        if (a[i] !== b[i]) diff |= 1 << i;
      } else for (let j = 31; j < a.length; j++) if (a[j] !== b[j]) diff |= 1 << 31;
    }
    return diff;
  }

  /** Whether every one of `properties` is judged here (else the caller judges with the properties themselves). */
  static judges(properties: readonly ControllerStepProperty[]): boolean {
    return properties.every((p) => JUDGED.has(p.id));
  }

  /**
   * Reads the state `s` expands (or loaded). Its callers skip it when that state was read already
   * (most steps): a test there costs no call where V8's inlining budget leaves this one out.
   */
  private readBefore(s: PackedAccess): void {
    this.beforeOf = s;
    this.beforeGen = s.generation;
    const { L } = this;
    const cur = s.cur;
    let held = 0;
    for (let q = 0; q < this.NQ; q++) held += cur[L.ready + q * L.readyW] ?? 0;
    for (let d = 0; d < L.cfg.devices; d++) held += cur[L.irqWait + d * L.waitW] ?? 0;
    const ipc = this.ipc;
    if (ipc !== null) for (let i = 0; i < ipc.count; i++) held += cur[ipc.wait + i * ipc.w] ?? 0;
    this.heldBroken = held !== (cur[this.G.outstanding] ?? 0) ? CONSERVATION : 0;
    this.errorBefore = cur[L.error] ?? 0;
    for (let p = 0; p < L.cfg.processes; p++) {
      this.occCur[p] = this.occupancy(cur, p);
      this.topCur[p] = this.top(cur, p);
    }
  }

  /** The ids of the properties among `bits`, in registry order. */
  static ids(bits: number): string[] {
    return CONTROLLER_STEP_PROPERTIES.filter((_, i) => (bits & (1 << i)) !== 0).map((p) => p.id);
  }

  /**
   * The selected properties failing on the access `s` describes, from `cur` to `next` (system bytes
   * then ghost bytes, the ghost still `cur`'s), as bits; when none fails, both ghosts in `next` are
   * advanced past the access. -1: the step changes a queue in a way this judge does not read.
   * `withState` false leaves out the verdicts on `next` alone ({@link judgeState}) unless another
   * fails; `changed`, when known, has the bit of each 32-bit word where `next` may differ from
   * `cur` (at least those where it does: {@link wordBits}; -1: unknown), and a queue in none of
   * them is not read.
   */
  judge(cur: Uint8Array, next: Uint8Array, s: PackedAccess, withState = true, changed = -1): number {
    if (this.beforeOf !== s || this.beforeGen !== s.generation) this.readBefore(s);
    if (!this.facts(cur, next, changed)) return -1;
    let bits = this.verdicts(cur, next, s) & this.selected;
    // the verdicts on `next` alone: always when the step fails (every failing property is reported)
    if (withState || bits !== 0) bits |= this.stateBits(next, true);
    if (bits === 0) this.advance(cur, next, s, this.req);
    if (this.nTouched !== 0) this.clearTally(); // tested here too: no call on a step that changed no queue
    return bits;
  }

  /**
   * The selected verdicts that read only the state after a step (capacityBound's bounds after it,
   * noLostWakeup's "no count beside waiters"), failing on the state bytes `next`, as bits. Equal
   * bytes get the same verdict: a caller may judge these once per distinct state, passing
   * `withState` false to {@link judge} (they are still judged on a step that fails otherwise).
   */
  judgeState(next: Uint8Array): number {
    return this.stateBits(next, false);
  }

  /** {@link judgeState}, each process's occupancy the state's before the step plus its change when `afterFacts` (the step's facts read). */
  private stateBits(next: Uint8Array, afterFacts: boolean): number {
    const { L } = this;
    const { cfg } = L;
    let bits = 0;
    // capacityBound: every bound after the step
    for (let p = 0; p < cfg.processes; p++) {
      const occ = afterFacts ? (this.occCur[p] ?? 0) + (this.occDelta[p] ?? 0) : this.occupancy(next, p);
      if (occ > cfg.capacity) bits |= CAPACITY;
    }
    for (let d = 0; d < cfg.devices; d++) {
      const waiting = next[L.irqWait + d * L.waitW] ?? 0;
      const pending = next[L.irqPending + d] ?? 0;
      if (waiting > cfg.waitDepth || pending > cfg.pendingMax) bits |= CAPACITY;
      // noLostWakeup: no count beside waiters
      if (pending > 0 && waiting > 0) bits |= LOST;
    }
    const ipc = this.ipc;
    if (ipc !== null)
      for (let i = 0; i < ipc.count; i++) {
        const waiting = next[ipc.wait + i * ipc.w] ?? 0;
        const pending = next[ipc.pending + i] ?? 0;
        if (waiting > cfg.waitDepth || pending > cfg.pendingMax) bits |= CAPACITY;
        if (pending > 0 && waiting > 0) bits |= LOST;
      }
    return bits & this.selected;
  }

  /**
   * Both ghosts in `next` advanced past the access of `s` without judging it (the drain's steps in
   * a search whose every transition the search itself judges); false when the step changes a queue
   * in a way this judge does not read (nothing is advanced then).
   */
  advanceOnly(cur: Uint8Array, next: Uint8Array, s: PackedAccess): boolean {
    if (this.beforeOf !== s || this.beforeGen !== s.generation) this.readBefore(s);
    if (!this.facts(cur, next)) return false;
    this.advance(cur, next, s, this.required(cur, s));
    this.clearTally();
    return true;
  }

  /**
   * Reads how every queue changed (false: one changed otherwise than by one append or one head
   * removal); a queue in none of the words that changed among `changed` (see {@link judge}) is the same.
   */
  private facts(cur: Uint8Array, next: Uint8Array, changed = -1): boolean {
    if (this.nTouched !== 0) this.clearTally(); // what an earlier step left when it was not read to the end
    const diff = this.diffWords(cur, next, changed);
    this.changed = diff;
    // no queue changed (the tallies are clear): kept apart so that this stays small enough to inline
    return (diff & this.queueWords) === 0 || this.queueFacts(cur, next, diff);
  }

  /** {@link facts} on the queues in the words `diff` (where `next` differs from `cur`). */
  private queueFacts(cur: Uint8Array, next: Uint8Array, diff: number): boolean {
    const { L, ipc } = this;
    if (ipc !== null) {
      const types = ipc.count / L.cfg.processes;
      for (let i = 0; i < ipc.count; i++) {
        if ((diff & (this.ipcWords[i] ?? -1)) === 0) continue;
        const how = this.idFifo(
          cur,
          next,
          ipc.wait + i * ipc.w,
          Math.floor(i / types),
          false,
          this.ipcItem,
          i,
        );
        if (how < 0) return false;
        if (how === SAME) continue;
        this.ipcHow[i] = how;
        this.ipcChanged[this.nIpcChanged++] = i;
      }
    }
    const P = L.cfg.priorities;
    for (let q = 0; q < this.NQ; q++) {
      if ((diff & (this.readyWords[q] ?? -1)) === 0) continue;
      const how = this.idFifo(cur, next, L.ready + q * L.readyW, Math.floor(q / P), true, this.readyItem, q);
      if (how < 0) return false;
      if (how === SAME) continue;
      this.readyHow[q] = how;
      this.readyChanged[this.nReadyChanged++] = q;
    }
    for (let d = 0; d < L.cfg.devices; d++) {
      if ((diff & (this.waitWords[d] ?? -1)) === 0) continue;
      const o = L.irqWait + d * L.waitW;
      const how = this.change(cur, next, o, 2);
      if (how < 0) return false;
      if (how === SAME) continue;
      this.waitHow[d] = how;
      this.waitChanged[this.nWaitChanged++] = d;
      const at = how === APPENDED ? o + 1 + 2 * ((next[o] ?? 0) - 1) : o + 1;
      const src = how === APPENDED ? next : cur;
      this.waitP[d] = src[at] ?? 0;
      this.waitTask[d] = src[at + 1] ?? 0;
      const wp = (src[at] ?? 0) - 1; // a waiter of no process counts for none
      if (wp >= 0 && wp < L.cfg.processes)
        this.occDelta[wp] = (this.occDelta[wp] ?? 0) + (how === APPENDED ? 1 : -1);
      this.tally(src[at + 1] ?? 0, how === APPENDED ? 1 : -1, false);
    }
    return true;
  }

  /**
   * How the FIFO of task ids at `o` (of process p) changed from `cur` to `next` (see {@link change});
   * an entry appended or removed goes to `items[k]`, into the tallies (`ready`: a ready queue) and
   * into p's occupancy change.
   */
  private idFifo(
    cur: Uint8Array,
    next: Uint8Array,
    o: number,
    p: number,
    ready: boolean,
    items: Int32Array,
    k: number,
  ): number {
    const how = this.change(cur, next, o, 1);
    if (how === SAME || how < 0) return how;
    const t = how === APPENDED ? (next[o + (next[o] ?? 0)] ?? 0) : (cur[o + 1] ?? 0);
    items[k] = t;
    this.tally(t, how === APPENDED ? 1 : -1, ready);
    this.occDelta[p] = (this.occDelta[p] ?? 0) + (how === APPENDED ? 1 : -1);
    return how;
  }

  /** How the FIFO of `w`-byte entries at `o` changed from `cur` to `next`, or -1 (see above). */
  private change(cur: Uint8Array, next: Uint8Array, o: number, w: number): number {
    const lb = cur[o] ?? 0;
    const la = next[o] ?? 0;
    if (la === lb) {
      for (let i = 1; i <= lb * w; i++) if (cur[o + i] !== next[o + i]) return -1;
      return SAME;
    }
    if (la === lb + 1) {
      for (let i = 1; i <= lb * w; i++) if (cur[o + i] !== next[o + i]) return -1;
      return APPENDED;
    }
    if (la === lb - 1) {
      for (let i = 1; i <= la * w; i++) if (next[o + i] !== cur[o + i + w]) return -1;
      return DROPPED;
    }
    return -1;
  }

  private tally(t: number, n: number, ready: boolean): void {
    const { held, readyNet } = this;
    if (held[t] === 0 && readyNet[t] === 0) this.touched[this.nTouched++] = t;
    const h0 = held[t] ?? 0;
    held[t] = h0 + n;
    if (h0 === 0) this.heldSize++;
    else if (h0 + n === 0) this.heldSize--;
    if (ready) {
      const r0 = readyNet[t] ?? 0;
      readyNet[t] = r0 + n;
      if (r0 === 0) this.readySize++;
      else if (r0 + n === 0) this.readySize--;
    }
  }

  /** Clears the tallies, the queues' changes (every one SAME again) and the occupancy changes the last step left. */
  private clearTally(): void {
    if (this.nTouched === 0) return; // no queue changed (a changed queue tallies its entry)
    for (let i = 0; i < this.nTouched; i++) {
      const t = this.touched[i] ?? 0;
      this.held[t] = 0;
      this.readyNet[t] = 0;
    }
    this.nTouched = 0;
    this.heldSize = 0;
    this.readySize = 0;
    for (let i = 0; i < this.nReadyChanged; i++) this.readyHow[this.readyChanged[i] ?? 0] = SAME;
    this.nReadyChanged = 0;
    for (let i = 0; i < this.nWaitChanged; i++) this.waitHow[this.waitChanged[i] ?? 0] = SAME;
    this.nWaitChanged = 0;
    for (let i = 0; i < this.nIpcChanged; i++) this.ipcHow[this.ipcChanged[i] ?? 0] = SAME;
    this.nIpcChanged = 0;
    const occDelta = this.occDelta;
    for (let p = 0; p < occDelta.length; p++) occDelta[p] = 0; // a loop: fill() is a builtin call per step
  }

  /** The lowest-numbered non-empty ready queue of p in `b`, or -1. */
  private top(b: Uint8Array, p: number): number {
    const { L } = this;
    const P = L.cfg.priorities;
    for (let k = 0; k < P; k++) if ((b[L.ready + (p * P + k) * L.readyW] ?? 0) > 0) return k;
    return -1;
  }

  /** occupancy(p) (model/state.ts) of the state bytes `b`: p's ready entries, irq waiters and (where stored) IPC handlers. */
  occupancy(b: Uint8Array, p: number): number {
    const { L } = this;
    const P = L.cfg.priorities;
    let n = 0;
    for (let k = 0; k < P; k++) n += b[L.ready + (p * P + k) * L.readyW] ?? 0;
    for (let d = 0; d < L.cfg.devices; d++) {
      const o = L.irqWait + d * L.waitW;
      const len = b[o] ?? 0;
      for (let j = 0; j < len; j++) if (b[o + 1 + 2 * j] === p + 1) n++;
    }
    const ipc = this.ipc;
    if (ipc !== null) {
      const types = ipc.count / L.cfg.processes;
      for (let t = 0; t < types; t++) n += b[ipc.wait + (p * types + t) * ipc.w] ?? 0;
    }
    return n;
  }

  /** The error bits §5 requires of the access from `cur` (requiredErrors.ts). */
  private required(cur: Uint8Array, s: PackedAccess): number {
    const { L } = this;
    const { cfg } = L;
    switch (s.acc) {
      case ACC_BAD:
        return BAD_ACCESS;
      case ACC_IPC_REGISTER:
      case ACC_IPC_SEND:
        return this.ipcRequired(cur, s);
      case ACC_ENQUEUE:
        return (this.occCur[s.accA] ?? 0) >= cfg.capacity ? QUEUE_FULL : 0;
      case ACC_REGISTER: {
        if ((this.occCur[s.accA] ?? 0) >= cfg.capacity) return QUEUE_FULL;
        const d = s.accB;
        const pending = cur[L.irqPending + d] ?? 0;
        const waiting = cur[L.irqWait + d * L.waitW] ?? 0;
        return pending === 0 && waiting >= cfg.waitDepth ? WAIT_FULL : 0;
      }
      case ACC_IRQ: {
        const d = s.accA;
        const waiting = cur[L.irqWait + d * L.waitW] ?? 0;
        return waiting > 0 || (cur[L.irqPending + d] ?? 0) < cfg.pendingMax ? 0 : PENDING_OVERFLOW;
      }
      default:
        return 0;
    }
  }

  /** {@link required} of an IPC access (kept apart so that it stays small enough to inline). */
  private ipcRequired(cur: Uint8Array, s: PackedAccess): number {
    const { cfg } = this.L;
    if (s.acc === ACC_IPC_REGISTER) {
      if ((this.occCur[s.accA] ?? 0) >= cfg.capacity) return QUEUE_FULL;
      const pending = this.ipcCount(cur, s.accA, s.accB, false);
      return pending === 0 && this.ipcCount(cur, s.accA, s.accB, true) >= cfg.waitDepth ? WAIT_FULL : 0;
    }
    const waiting = this.ipcCount(cur, s.accA, s.accB, true);
    return waiting > 0 || this.ipcCount(cur, s.accA, s.accB, false) < cfg.pendingMax ? 0 : PENDING_OVERFLOW;
  }

  /** Every property's verdict as bits (1: fails). */
  private verdicts(cur: Uint8Array, next: Uint8Array, s: PackedAccess): number {
    const acc = s.acc;
    // taskConservation: the instances held before the step are the ghost's outstanding ones (read
    // once per state); the step's own part below
    let bits = this.heldBroken;
    // fifoWithinPriority: a head leaves only as the value of a DEQUEUE of its process
    if (this.nReadyChanged > 0) bits |= this.headsLeft(cur, s);
    switch (acc) {
      case ACC_DEQUEUE:
        bits |= this.dequeued(cur, s);
        break;
      case ACC_ENQUEUE:
      case ACC_REGISTER:
      case ACC_IPC_REGISTER:
        bits |= this.written(cur, next, s);
        break;
      case ACC_IRQ:
        if (this.heldSize > 0) bits |= CONSERVATION;
        bits |= this.interrupted(cur, next, s.accA);
        break;
      case ACC_IPC_SEND:
        if (this.heldSize > 0) bits |= CONSERVATION;
        bits |= this.sent(cur, next, s);
        break;
      default:
        // every other access moves no instance
        if (this.heldSize > 0) bits |= CONSERVATION;
    }
    // (capacityBound's bounds and noLostWakeup's "no count beside waiters" after the step: judgeState)
    bits |= this.errorsReported(cur, next, s);
    // noSpuriousWakeup: what became ready is the task written, a woken waiter, or a consumed count's
    if (this.readySize > 0) bits |= this.spurious(cur, next, s);
    return bits;
  }

  /**
   * errorReporting: a read of ERROR returns the bits owed since the last one and clears them; any
   * other step adds exactly the required bits (kept for {@link advance}), and a step that sets one
   * changes nothing else.
   */
  private errorsReported(cur: Uint8Array, next: Uint8Array, s: PackedAccess): number {
    const req = this.required(cur, s);
    this.req = req;
    const after = next[this.errorAt] ?? 0;
    if (s.acc === ACC_ERROR_READ)
      return s.accTask !== (cur[this.errorSinceReadAt] ?? 0) || after !== 0 ? ERRORS : 0;
    if (after !== (this.errorBefore | req)) return ERRORS;
    return req !== 0 && !this.sameExceptError(cur, next) ? ERRORS : 0;
  }

  /** fifoWithinPriority's verdict when some ready queue changed: each head removed was the value of a DEQUEUE of its process. */
  private headsLeft(cur: Uint8Array, s: PackedAccess): number {
    const { L } = this;
    const P = this.P;
    for (let i = 0; i < this.nReadyChanged; i++) {
      const q = this.readyChanged[i] ?? 0;
      if (this.readyHow[q] !== DROPPED) continue;
      const returned = s.acc === ACC_DEQUEUE && Math.floor(q / P) === s.accA;
      if (!returned || cur[L.ready + q * L.readyW + 1] !== s.accTask) return FIFO_PRIORITY;
    }
    return 0;
  }

  /** An IPC send: noLostWakeup ({@link lostSend}) and wakePriority (the handler woken enters priority 0 of its process). */
  private sent(cur: Uint8Array, next: Uint8Array, s: PackedAccess): number {
    let bits = this.lostSend(cur, next, s);
    if (this.ipc !== null) {
      const i = this.ipcIndex(s.accA, s.accB);
      if (this.ipcHow[i] === DROPPED && this.misplaced(this.ipcItem[i] ?? 0, s.accA)) bits |= WAKE_PRIORITY;
    }
    return bits;
  }

  /** strictPriority, emptyMeansEmpty, processIsolation and taskConservation on a DEQUEUE's value. */
  private dequeued(cur: Uint8Array, s: PackedAccess): number {
    const { L } = this;
    const P = this.P;
    const p = s.accA;
    const v = s.accTask;
    const top = this.topCur[p] ?? -1;
    let bits = 0;
    if (v !== 0 && top >= 0) {
      let lower = false;
      for (let k = 0; k < P; k++) if (k !== top && this.readyHow[p * P + k] === DROPPED) lower = true;
      const q = L.ready + (p * P + top) * L.readyW;
      let has = false;
      for (let j = 0; j < (cur[q] ?? 0); j++) if (cur[q + 1 + j] === v) has = true;
      if (lower || !has) bits |= STRICT;
    }
    if (v === 0 && top >= 0) bits |= EMPTY;
    const pool = this.taskPool;
    if (v !== 0 && !(v <= pool && (cur[this.custodyAt + p * pool + v - 1] ?? 0) > 0)) bits |= ISOLATION;
    // taskConservation: a value returned is one instance less, an empty read none
    if (v !== 0 ? !(this.heldSize === 1 && this.held[v] === -1) : this.heldSize > 0) bits |= CONSERVATION;
    return bits;
  }

  /**
   * A write of a task (ENQUEUE, IRQ_REGISTER, IPC_REGISTER): taskConservation (the task held once
   * more, or the write refused with an error), capacityBound (refused only at a bound) and
   * wakePriority (a task woken at once enters priority 0; a registration records its own waiter).
   */
  private written(cur: Uint8Array, next: Uint8Array, s: PackedAccess): number {
    const { L } = this;
    const acc = s.acc;
    const p = s.accA;
    const v = s.accTask;
    let bits = 0;
    if (!(this.heldSize === 1 && this.held[v] === 1)) {
      const refusals = acc === ACC_ENQUEUE ? QUEUE_FULL : QUEUE_FULL | WAIT_FULL;
      if (this.heldSize > 0) bits |= CONSERVATION;
      else if (((next[this.errorAt] ?? 0) & refusals) === 0) bits |= CONSERVATION;
    }
    const ipcAcc = acc === ACC_IPC_REGISTER;
    if (this.heldSize === 0 && (this.occCur[p] ?? 0) < this.capacity) {
      if (acc === ACC_ENQUEUE) bits |= CAPACITY;
      else {
        const d = s.accB;
        const pending = ipcAcc ? this.ipcCount(cur, p, d, false) : (cur[L.irqPending + d] ?? 0);
        const waiting = ipcAcc ? this.ipcCount(cur, p, d, true) : (cur[L.irqWait + d * L.waitW] ?? 0);
        if (!(pending === 0 && waiting >= this.waitDepth)) bits |= CAPACITY;
      }
    }
    if (acc === ACC_ENQUEUE) return bits;
    if (ipcAcc && this.ipc === null) return bits;
    if ((this.readyNet[v] ?? 0) > 0 && this.misplaced(v, p)) bits |= WAKE_PRIORITY;
    if (!ipcAcc)
      for (let j = 0; j < this.nWaitChanged; j++) {
        const d = this.waitChanged[j] ?? 0;
        if (this.waitHow[d] !== APPENDED) continue;
        if (d !== s.accB || this.waitP[d] !== p + 1 || this.waitTask[d] !== v) bits |= WAKE_PRIORITY;
      }
    else {
      const own = this.ipcIndex(p, s.accB);
      for (let j = 0; j < this.nIpcChanged; j++) {
        const i = this.ipcChanged[j] ?? 0;
        if (this.ipcHow[i] === APPENDED && (i !== own || this.ipcItem[i] !== v)) bits |= WAKE_PRIORITY;
      }
    }
    return bits;
  }

  /**
   * An interrupt on line d: noLostWakeup (it wakes the head waiter, or is counted, or is
   * reported) and wakePriority (the waiter woken enters priority 0 of its process; fifoWaiters:
   * a removal here is always the head's).
   */
  private interrupted(cur: Uint8Array, next: Uint8Array, d: number): number {
    const { L } = this;
    let bits = 0;
    const waiting = cur[L.irqWait + d * L.waitW] ?? 0;
    if (waiting > 0) {
      if (this.waitHow[d] !== DROPPED || (this.readyNet[this.waitTask[d] ?? 0] ?? 0) <= 0) bits |= LOST;
    } else {
      const was = cur[L.irqPending + d] ?? 0;
      if (was < this.pendingMax) {
        if ((next[L.irqPending + d] ?? 0) !== was + 1) bits |= LOST;
      } else if (((next[this.errorAt] ?? 0) & PENDING_OVERFLOW) === 0) bits |= LOST;
    }
    if (this.waitHow[d] === DROPPED && this.misplaced(this.waitTask[d] ?? 0, (this.waitP[d] ?? 0) - 1))
      bits |= WAKE_PRIORITY;
    return bits;
  }

  /** The IPC table of process p and type t. */
  private ipcIndex(p: number, t: number): number {
    const ipc = this.ipc;
    return ipc === null ? -1 : p * (ipc.count / this.L.cfg.processes) + t;
  }

  /** The pending count (`waiting` false) or the waiting handlers of IPC table (p, t) in `b`. */
  private ipcCount(b: Uint8Array, p: number, t: number, waiting: boolean): number {
    const ipc = this.ipc;
    if (ipc === null) throw new Error('judged engine: an IPC access on a layout without IPC tables');
    const i = this.ipcIndex(p, t);
    return (waiting ? b[ipc.wait + i * ipc.w] : b[ipc.pending + i]) ?? 0;
  }

  /** noLostWakeup's rule for an IPC send: it wakes the head handler, or is counted, or is reported. */
  private lostSend(cur: Uint8Array, next: Uint8Array, s: PackedAccess): number {
    const ipc = this.ipc;
    if (ipc === null) return LOST;
    const i = this.ipcIndex(s.accA, s.accB);
    const was = cur[ipc.pending + i] ?? 0;
    if ((cur[ipc.wait + i * ipc.w] ?? 0) > 0)
      return this.ipcHow[i] !== DROPPED || (this.readyNet[this.ipcItem[i] ?? 0] ?? 0) <= 0 ? LOST : 0;
    if (was < this.L.cfg.pendingMax) return (next[ipc.pending + i] ?? 0) !== was + 1 ? LOST : 0;
    return ((next[this.L.error] ?? 0) & PENDING_OVERFLOW) === 0 ? LOST : 0;
  }

  /** noSpuriousWakeup's verdict when some task's ready count rose. */
  private spurious(cur: Uint8Array, next: Uint8Array, s: PackedAccess): number {
    const { L } = this;
    let came = 0;
    let one = -1;
    for (let i = 0; i < this.nTouched; i++) {
      const t = this.touched[i] ?? 0;
      const n = this.readyNet[t] ?? 0;
      if (n <= 0) continue;
      came++;
      one = n === 1 ? t : -1;
    }
    if (came === 0) return 0;
    if (came !== 1) one = -1;
    if (s.acc === ACC_ENQUEUE) return one === s.accTask ? 0 : SPURIOUS;
    if (s.acc === ACC_REGISTER) {
      if (one !== s.accTask) return SPURIOUS;
      const was = cur[L.irqPending + s.accB] ?? 0;
      return was === 0 || (next[L.irqPending + s.accB] ?? 0) !== was - 1 ? SPURIOUS : 0;
    }
    if (s.acc === ACC_IRQ && one >= 0) {
      const o = L.irqWait + s.accA * L.waitW;
      for (let j = 0; j < (cur[o] ?? 0); j++) if (cur[o + 2 + 2 * j] === one) return 0;
    }
    const ipc = this.ipc;
    if (ipc === null) return SPURIOUS;
    const i = this.ipcIndex(s.accA, s.accB);
    if (s.acc === ACC_IPC_REGISTER) {
      if (one !== s.accTask) return SPURIOUS;
      const was = cur[ipc.pending + i] ?? 0;
      return was === 0 || (next[ipc.pending + i] ?? 0) !== was - 1 ? SPURIOUS : 0;
    }
    if (s.acc === ACC_IPC_SEND && one >= 0) {
      const o = ipc.wait + i * ipc.w;
      for (let j = 0; j < (cur[o] ?? 0); j++) if (cur[o + 1 + j] === one) return 0;
    }
    return SPURIOUS;
  }

  /** wakePriority's misplaced: task t was appended to some ready queue but not to priority 0 of process p. */
  private misplaced(t: number, p: number): boolean {
    const P = this.L.cfg.priorities;
    let elsewhere = false;
    for (let i = 0; i < this.nReadyChanged; i++) {
      const q = this.readyChanged[i] ?? 0;
      if (this.readyHow[q] !== APPENDED || this.readyItem[q] !== t) continue;
      if (q === p * P) return false;
      elsewhere = true;
    }
    return elsewhere;
  }

  /** Every controller cell but the error register is the same (the queues' changes are known to be none). */
  private sameExceptError(cur: Uint8Array, next: Uint8Array): boolean {
    if (this.nReadyChanged > 0 || this.nWaitChanged > 0) return false;
    if ((this.changed & this.cellWords) === 0) return true; // none of their words changed
    const { L } = this;
    for (let i = L.irqPending; i < L.error; i++) if (cur[i] !== next[i]) return false;
    return true;
  }

  /** Both ghosts past the access (ghost.ts advanceGhost; the wakeup ghost's access half), in `next`; `req`: its {@link required} bits. */
  private advance(cur: Uint8Array, next: Uint8Array, s: PackedAccess, req: number): void {
    const acc = s.acc;
    const at = this.errorSinceReadAt;
    next[at] = acc === ACC_ERROR_READ ? 0 : (next[at] ?? 0) | req;
    // an instance moves only when a queue changed (a tally): kept apart so that this stays small enough to inline
    if (this.nTouched > 0 && (acc === ACC_ENQUEUE || acc === ACC_REGISTER || acc === ACC_IPC_REGISTER))
      this.accepted(next, s);
    else if (acc === ACC_DEQUEUE && s.accTask !== 0) this.returned(next, s);
    if (this.trackWakeGhost) this.advanceWake(cur, next, s);
  }

  /** The controller ghost past a write whose task is held once more (one instance more, in the writer's custody). */
  private accepted(next: Uint8Array, s: PackedAccess): void {
    const v = s.accTask;
    if ((this.held[v] ?? 0) <= 0) return;
    this.add(next, this.custodyAt + s.accA * this.taskPool + this.poolIndex(v), 1);
    this.add(next, this.G.outstanding, 1);
  }

  /** The controller ghost past a DEQUEUE that returned a task (one instance less, out of the reader's custody). */
  private returned(next: Uint8Array, s: PackedAccess): void {
    const v = s.accTask;
    if (v >= 1 && v <= this.taskPool) {
      const at = this.custodyAt + s.accA * this.taskPool + v - 1;
      const c = next[at] ?? 0;
      next[at] = c > 0 ? c - 1 : 0;
    }
    this.add(next, this.G.outstanding, -1);
  }

  /** The wakeup ghost's access half of {@link advance} (ghost.ts), in `next`. */
  private advanceWake(cur: Uint8Array, next: Uint8Array, s: PackedAccess): void {
    const { G, L } = this;
    const { cfg } = L;
    const v = s.accTask;
    if (s.acc === ACC_IRQ) {
      const d = s.accA;
      const w = this.waitTask[d] ?? 0;
      if (this.waitHow[d] === DROPPED && (this.readyNet[w] ?? 0) > 0) {
        this.wake(next, w);
        return;
      }
      const was = cur[L.irqPending + d] ?? 0;
      if (was >= cfg.pendingMax && ((next[L.error] ?? 0) & PENDING_OVERFLOW) !== 0) return;
      this.add(next, G.undelivered + d, 1);
      return;
    }
    if (s.acc === ACC_REGISTER && (this.readyNet[v] ?? 0) > 0) {
      const at = G.undelivered + s.accB;
      const u = next[at] ?? 0;
      next[at] = u > 0 ? u - 1 : 0;
      this.wake(next, v);
    }
  }

  /** Adds `n` to the ghost count at `at` (a count outside a byte is the ghost encoder's error too). */
  private add(b: Uint8Array, at: number, n: number): void {
    const x = (b[at] ?? 0) + n;
    if (x < 0 || x > 255) throw new Error('judged engine: a ghost count left 0..255');
    b[at] = x;
  }

  /** The task id `t` (a byte) as an index of the pool (an id outside it is the ghost encoder's error too). */
  private poolIndex(t: number): number {
    if (t < 1 || t > this.L.cfg.taskPool)
      throw new Error(`judged engine: ghost task id ${t} is not of the pool`);
    return t - 1;
  }

  private wake(next: Uint8Array, t: number): void {
    const i = this.poolIndex(t);
    const at = this.G.woken + (i >> 3);
    next[at] = (next[at] ?? 0) | (1 << (i & 7));
  }
}
