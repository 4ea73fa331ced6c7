/**
 * The syscall step properties (protocols/syscall/properties/, their definitions) re-encoded over
 * the packed bytes of syscallPackedLayout.ts, for an accepted step of the model alone from `cur`
 * to `next` (state bytes; the syscall ghost bytes still `cur`'s), and the syscall ghost's advance
 * past the step (properties/ghost.ts advanceSyscallGhost) in the same bytes. Each verdict follows
 * its property's file line by line; the comments name the file. syscallRefinement judges nothing
 * for the model alone (no prediction) and has no byte form here: a selection with it is judged
 * by the properties themselves (syscallPackedSuccessors.ts).
 *
 * test/protocols/syscall/engine/syscallPacked.test.ts requires, on every transition of several
 * presets and on every successor of each seeded bug (syscallPackedMutation.ts), these verdicts
 * and ghosts to be the properties' and the ghost's own on the decoded step, and that leaving out
 * any one verdict is seen.
 */
import * as A from '../../../controller/engine/packed/packedAccess.ts';
import { ERR } from '../../../controller/model/registers.ts';
import type { SyscallEvent } from '../../model/events.ts';
import { layoutOf, REPLY_TYPE, SERVICE_TYPE } from '../../model/layout.ts';
import type { SyscallStepProperty } from '../../properties/context.ts';
import { SYSCALL_STEP_PROPERTIES } from '../../properties/index.ts';
import { AGENT_W, INST_W, PHASE, SLOT, SLOT_W, type SyscallPackedLayout } from './syscallPackedLayout.ts';

const { IDLE, AWAITING, WOKEN, READING, RUNNING, RETURNING } = PHASE;
const { FREE, FILLING, SUBMITTED, TAKEN, DONE } = SLOT;

/** The bit of syscall step property `id` (its index in SYSCALL_STEP_PROPERTIES, the order violations are reported in). */
function bitOf(id: string): number {
  const i = SYSCALL_STEP_PROPERTIES.findIndex((p) => p.id === id);
  if (i < 0) throw new Error(`packed syscall engine: no syscall property ${id}`);
  return 1 << i;
}
const EXACTLY_ONCE = bitOf('exactlyOnceReply');
const REPLY_ROUTING = bitOf('replyRouting');
const CONSERVATION = bitOf('requestConservation');
const BOUNDED_RING = bitOf('boundedRing');
const NO_LOST_WAKEUP = bitOf('noLostIpcWakeup');
const SINGLE_CONSUMER = bitOf('singleConsumer');
const PUBLISH_FIRST = bitOf('publishBeforeSignal');
const OFFLINE_RETENTION = bitOf('offlineRetention');
const NO_REGISTER_RUNNING = bitOf('syscallNoRegisterWhileRunning');
/** The properties judged here. */
const JUDGED = new Set([
  'exactlyOnceReply',
  'replyRouting',
  'requestConservation',
  'boundedRing',
  'noLostIpcWakeup',
  'singleConsumer',
  'publishBeforeSignal',
  'offlineRetention',
  'syscallNoRegisterWhileRunning',
]);

/**
 * A candidate event with every field present (one object shape for all: the hot functions read
 * `type` and the agent without a lookup per shape): the agent `a` of an agent's event, the process
 * `p` of a STATUS write or a fetch, a call's `target`, a STATUS write's `data`; -1 where absent.
 */
export interface FlatSyscallEvent {
  readonly type: SyscallEvent['type'];
  readonly a: number;
  readonly p: number;
  readonly target: number;
  readonly data: number;
}

/** `e` as a {@link FlatSyscallEvent}. */
export function flatEvent(e: SyscallEvent): FlatSyscallEvent {
  switch (e.type) {
    case 'StatusWrite':
      return { type: e.type, a: -1, p: e.p, target: -1, data: Number(e.data) };
    case 'Fetch':
      return { type: e.type, a: -1, p: e.p, target: -1, data: -1 };
    case 'Call':
      return { type: e.type, a: e.a, p: -1, target: e.target, data: -1 };
    default:
      return { type: e.type, a: e.a, p: -1, target: -1, data: -1 };
  }
}

/** The controller access of a step as the judge reads it (packedAccess.ts codes; ACC_NONE: a software step). */
export interface SyscallStepAccess {
  readonly acc: number;
  readonly accA: number;
  readonly accB: number;
  readonly accTask: number;
}

/** The syscall step properties over bytes (see above), for one configuration's layout. */
export class SyscallByteJudge {
  private readonly L: SyscallPackedLayout;
  private readonly selected: number;
  /** Per agent: its process, whether a caller. */
  private readonly procOf: Int32Array;
  private readonly isCaller: Uint8Array;
  /** Per process: its reply dispatcher (-1: none), its service dispatchers, its callers. */
  private readonly replyOf: Int32Array;
  private readonly services: readonly (readonly number[])[];
  private readonly callers: readonly (readonly number[])[];
  /** Scratch for the ghost's advance: per place an instance index, per instance its six fields. */
  private readonly placeInst: Int32Array;
  private readonly inst: Int32Array;
  private readonly renumber: Int32Array;
  /** Per ring and per slot code: whether the step being judged wrote it ({@link wrote}). */
  private readonly ringChanged: Uint8Array;
  private readonly slotChanged: Uint8Array;
  /** Whether the step being judged wrote some ring, some slot (any of {@link ringChanged}, {@link slotChanged} set). */
  private ringWritten = false;
  private slotWritten = false;
  /**
   * The instances of the loaded node's ghost whose slot in that node does not hold them (see
   * {@link instanceLost}), by their requesters (+ 1) in {@link strayBy} (their count
   * {@link strays}, -1: not counted since {@link load}).
   */
  private strays = -1;
  private readonly strayBy: Int32Array;
  /** The slot codes held so far (singleConsumer), a few agents' worth: compared, not indexed, so nothing is cleared per state. */
  private readonly heldCodes: Int32Array;
  /** Left out (tests only: a verdict the judge must not miss), as bits. */
  private readonly leftOut: number;

  /** The judge of the selected `step` properties it has byte forms of; `leftOut` (tests only) is never reported. */
  constructor(L: SyscallPackedLayout, step: readonly SyscallStepProperty[], leftOut: string | null = null) {
    this.L = L;
    let bits = 0;
    for (const p of step) if (JUDGED.has(p.id)) bits |= bitOf(p.id);
    this.selected = bits;
    this.leftOut = leftOut === null ? 0 : bitOf(leftOut);
    const l = layoutOf(L.cfg);
    this.procOf = Int32Array.from(l.agents, (x) => x.p);
    this.isCaller = Uint8Array.from(l.agents, (x) => (x.kind === 'caller' ? 1 : 0));
    this.replyOf = Int32Array.from(l.reply);
    this.services = l.services;
    this.callers = l.callers;
    this.placeInst = new Int32Array(L.placeCount);
    this.inst = new Int32Array(2 * L.placeCount * INST_W);
    this.renumber = new Int32Array(2 * L.placeCount);
    this.heldCodes = new Int32Array(L.agentCount);
    this.strayBy = new Int32Array(L.placeCount);
    this.ringChanged = new Uint8Array(L.cfg.processes);
    this.slotChanged = new Uint8Array(L.cfg.processes * L.cfg.ringSlots);
  }

  /** Whether every one of `step` is judged here (syscallRefinement is not). */
  static judges(step: readonly SyscallStepProperty[]): boolean {
    return step.every((p) => JUDGED.has(p.id));
  }

  /** The ids of the properties among `bits`, in registry order. */
  static ids(bits: number): string[] {
    return SYSCALL_STEP_PROPERTIES.filter((_, i) => (bits & (1 << i)) !== 0).map((p) => p.id);
  }

  /**
   * The selected properties failing on the accepted step `e` (access `s`) from `cur` to `next`, as
   * bits, but for the parts that read the state after the step alone ({@link judgeState}): the
   * step judge's verdict is the union of both.
   */
  judge(cur: Uint8Array, next: Uint8Array, e: FlatSyscallEvent, s: SyscallStepAccess): number {
    const sel = this.selected;
    let bits = 0;
    if ((sel & EXACTLY_ONCE) !== 0 && this.exactlyOnceFails(cur, e)) bits |= EXACTLY_ONCE;
    if ((sel & REPLY_ROUTING) !== 0 && this.routingFails(cur, e, s)) bits |= REPLY_ROUTING;
    if ((sel & CONSERVATION) !== 0 && this.instanceLost(cur, next, e)) bits |= CONSERVATION;
    if ((sel & BOUNDED_RING) !== 0 && this.ringFails(cur, next)) bits |= BOUNDED_RING;
    if ((sel & PUBLISH_FIRST) !== 0 && this.unpublished(cur, next, e, s)) bits |= PUBLISH_FIRST;
    if ((sel & OFFLINE_RETENTION) !== 0 && this.dropped(cur, next, s)) bits |= OFFLINE_RETENTION;
    if ((sel & NO_REGISTER_RUNNING) !== 0 && this.registersRunning(cur, next, e, s))
      bits |= NO_REGISTER_RUNNING;
    return bits & ~this.leftOut;
  }

  /**
   * The selected properties whose verdict (or part of it) reads only the state after an accepted
   * step, failing on `next`, as bits: noLostIpcWakeup, singleConsumer, and requestConservation's
   * outstanding calls. Equal bytes get the same verdict, so the search judges these once per
   * distinct state (syscallPackedSuccessors.ts stateViolations).
   */
  judgeState(next: Uint8Array): number {
    const sel = this.selected;
    let bits = 0;
    if ((sel & CONSERVATION) !== 0 && this.callLost(next)) bits |= CONSERVATION;
    if ((sel & NO_LOST_WAKEUP) !== 0 && this.wakeupLost(next)) bits |= NO_LOST_WAKEUP;
    if ((sel & SINGLE_CONSUMER) !== 0 && this.twoConsumers(next)) bits |= SINGLE_CONSUMER;
    return bits & ~this.leftOut;
  }

  private phase(b: Uint8Array, a: number): number {
    return b[this.L.agents + a * AGENT_W] ?? 0;
  }

  private agentSlot(b: Uint8Array, a: number): number {
    return (b[this.L.agents + a * AGENT_W + 1] ?? 0) - 1;
  }

  private agentReq(b: Uint8Array, a: number): number {
    return b[this.L.agents + a * AGENT_W + 2] ?? 0;
  }

  /** The offset of slot i of ring p, or -1 when i is no slot index (words.ts: the slot is undefined). */
  private slotAt(p: number, i: number): number {
    const R = this.L.cfg.ringSlots;
    if (i < 0 || i >= R || p < 0 || p >= this.L.cfg.processes) return -1;
    return this.L.rings + p * this.L.ringW + 2 + i * SLOT_W;
  }

  /** Caller a's own slot in `b` (words.ts callerSlot), or -1. */
  private callerSlot(b: Uint8Array, a: number): number {
    return this.slotAt(this.procOf[a] ?? -1, this.agentSlot(b, a));
  }

  /** The instance number held by service dispatcher a in the ghost bytes of `b` (0: none). */
  private heldNumber(b: Uint8Array, a: number): number {
    const place = this.L.heldPlace[a] ?? -1;
    return place < 0 ? 0 : (b[this.L.places + place] ?? 0);
  }

  /** exactlyOnceReply.ts: a Complete of an executed instance, or a Reply to an answered one. */
  private exactlyOnceFails(cur: Uint8Array, e: FlatSyscallEvent): boolean {
    if (e.type !== 'Complete' && e.type !== 'Reply') return false;
    const k = this.heldNumber(cur, e.a);
    if (k === 0) return false;
    const o = this.L.insts + (k - 1) * INST_W;
    return e.type === 'Complete' ? (cur[o + 4] ?? 0) >= 1 : (cur[o + 5] ?? 0) >= 1;
  }

  /** Whether caller c's own slot in `b` is DONE with c's request (replyRouting.ts). */
  private ownDone(b: Uint8Array, c: number): boolean {
    const o = this.callerSlot(b, c);
    return o >= 0 && b[o] === DONE && b[o + 1] === this.agentReq(b, c) && (b[o + 2] ?? 0) - 1 === c;
  }

  /** replyRouting.ts: a Wake enqueues a caller of its process whose request is DONE; a Read finds its own DONE. */
  private routingFails(cur: Uint8Array, e: FlatSyscallEvent, s: SyscallStepAccess): boolean {
    if (e.type === 'Wake') {
      if (s.acc !== A.ACC_ENQUEUE) return false;
      const c = s.accTask - 1;
      if (c < 0 || c >= this.L.agentCount || this.isCaller[c] !== 1 || this.procOf[c] !== this.procOf[e.a])
        return true;
      return !this.ownDone(cur, c);
    }
    if (e.type === 'Read') return !this.ownDone(cur, e.a);
    return false;
  }

  /** requestConservation.ts lostCall: an outstanding call does not find its request in its slot. */
  private callLost(next: Uint8Array): boolean {
    for (let a = 0; a < this.L.agentCount; a++) {
      if (this.isCaller[a] !== 1 || this.phase(next, a) === IDLE) continue;
      const o = this.callerSlot(next, a);
      const ok =
        o >= 0 && next[o] !== FREE && next[o + 1] === this.agentReq(next, a) && (next[o + 2] ?? 0) - 1 === a;
      if (!ok) return true;
    }
    return false;
  }

  /** The steps to come are from a newly loaded node. */
  load(): void {
    this.strays = -1;
  }

  /**
   * requestConservation.ts: a submitted instance the ghost knows is gone, unless its caller
   * consumed it in this step. A step that wrote no slot leaves every slot as in `cur`, so the
   * instances gone are those of `cur` whose slot in `cur` does not hold them: found once per
   * loaded node (most steps write no slot), then only their requesters are compared with a Read's.
   */
  private instanceLost(cur: Uint8Array, next: Uint8Array, e: FlatSyscallEvent): boolean {
    if (this.slotWritten) return this.instanceGone(cur, next, e, null);
    if (this.strays < 0) {
      this.strays = 0;
      this.instanceGone(cur, cur, e, this.strayBy);
    }
    for (let i = 0; i < this.strays; i++)
      if (e.type !== 'Read' || e.a !== (this.strayBy[i] ?? 0) - 1) return true;
    return false;
  }

  /**
   * Whether an instance of `cur`'s ghost is gone from its slot in `next` (unless a Read by its
   * requester); with `strays`, every such instance's requester + 1 is written there and counted
   * in {@link strays} instead, whatever the event.
   */
  private instanceGone(
    cur: Uint8Array,
    next: Uint8Array,
    e: FlatSyscallEvent,
    strays: Int32Array | null,
  ): boolean {
    const { L } = this;
    const slots = L.cfg.processes * L.cfg.ringSlots;
    for (let place = 0; place < slots; place++) {
      const k = cur[L.places + place] ?? 0;
      if (k === 0) continue;
      const io = L.insts + (k - 1) * INST_W;
      const requester = (cur[io + 3] ?? 0) - 1;
      if (strays === null && e.type === 'Read' && e.a === requester) continue;
      const o = this.slotAt(cur[io] ?? 0, cur[io + 1] ?? 0);
      const st = o < 0 ? -1 : (next[o] ?? 0);
      const live = st === SUBMITTED || st === TAKEN || st === DONE;
      if (live && next[o + 1] === cur[io + 2] && (next[o + 2] ?? 0) - 1 === requester) continue;
      if (strays === null) return true;
      strays[this.strays++] = requester + 1;
    }
    return false;
  }

  /** boundedRing.ts: a ring the step wrote holds at most R requests, and only FREE slots become FILLING. */
  private ringFails(cur: Uint8Array, next: Uint8Array): boolean {
    const { L } = this;
    const R = L.cfg.ringSlots;
    if (!this.ringWritten) return false;
    for (let p = 0; p < L.cfg.processes; p++) {
      const o = L.rings + p * L.ringW;
      if (this.ringChanged[p] === 0) continue;
      const used = ((((next[o + 1] ?? 0) - (next[o] ?? 0)) % (2 * R)) + 2 * R) % (2 * R);
      if (used > R) return true;
      for (let i = 0; i < R; i++) {
        const so = o + 2 + i * SLOT_W;
        if (next[so] !== FILLING || cur[so] === FREE) continue;
        if (cur[so] === FILLING && cur[so + 1] === next[so + 1] && cur[so + 2] === next[so + 2]) continue;
        return true;
      }
    }
    return false;
  }

  /** noLostIpcWakeup.ts wakePending: some of `agents` of p running or ready, or p's pending count of `type` positive. */
  private wakePending(b: Uint8Array, p: number, agents: readonly number[], type: number): boolean {
    const { cfg } = this.L;
    if ((b[this.L.C.ipcPending + p * cfg.ipcTypes + type] ?? 0) > 0) return true;
    for (const a of agents) if (this.runsOrReady(b, p, a)) return true;
    return false;
  }

  /** Agent a of process p is running, or its task is in one of p's ready queues (noLostIpcWakeup.ts wakePending). */
  private runsOrReady(b: Uint8Array, p: number, a: number): boolean {
    const C = this.L.C;
    const { cfg } = this.L;
    if (this.phase(b, a) === RUNNING) return true;
    const task = a + 1;
    for (let k = 0; k < cfg.priorities; k++) {
      const q = C.ready + (p * cfg.priorities + k) * C.readyW;
      const end = q + (b[q] ?? 0);
      // the step comes first, so it runs on every call: a queue's second entry, first read after V8
      // optimised wakeupLost with this inlined, was a step without feedback that threw that code away
      for (let j = q; ; ) {
        j++;
        if (j > end) break;
        if (b[j] === task) return true;
      }
    }
    return false;
  }

  /** noLostIpcWakeup.ts: a sent SUBMITTED request, or a sent reply to an awaiting caller, has a wake pending. */
  private wakeupLost(next: Uint8Array): boolean {
    const { L } = this;
    const { cfg } = L;
    const R = cfg.ringSlots;
    for (let p = 0; p < cfg.processes; p++) {
      for (let i = 0; i < R; i++) {
        const o = L.rings + p * L.ringW + 2 + i * SLOT_W;
        if (next[o] !== SUBMITTED) continue;
        const requester = (next[o + 2] ?? 0) - 1;
        if (requester < 0 || requester >= L.agentCount) continue;
        const ph = this.phase(next, requester);
        if (ph !== AWAITING && ph !== WOKEN && ph !== READING) continue;
        const q = next[o + 3] ?? 0;
        if (!this.wakePending(next, q, this.services[q] ?? [], SERVICE_TYPE)) return true;
      }
    }
    for (let p = 0; p < cfg.processes; p++) {
      const r = this.replyOf[p] ?? -1;
      if (r < 0) continue;
      for (const c of this.callers[p] ?? []) {
        const i = this.agentSlot(next, c);
        const o = this.slotAt(p, i);
        if (this.phase(next, c) !== AWAITING || o < 0 || next[o] !== DONE || this.held(next, p * R + i))
          continue;
        const pending = (next[L.C.ipcPending + p * cfg.ipcTypes + REPLY_TYPE] ?? 0) > 0;
        if (!pending && !this.runsOrReady(next, p, r)) return true;
      }
    }
    return false;
  }

  /** Whether a running agent of `b` holds slot `code` (noLostIpcWakeup.ts's `held`). */
  private held(b: Uint8Array, code: number): boolean {
    for (let a = 0; a < this.L.agentCount; a++)
      if (this.phase(b, a) === RUNNING && this.agentSlot(b, a) === code) return true;
    return false;
  }

  /** singleConsumer.ts: no two running or returning dispatchers hold one slot uncompleted. */
  private twoConsumers(next: Uint8Array): boolean {
    const held = this.heldCodes;
    let n = 0;
    for (let a = 0; a < this.L.agentCount; a++) {
      const code = this.agentSlot(next, a);
      const ph = this.phase(next, a);
      if (code < 0 || (ph !== RUNNING && ph !== RETURNING) || this.agentReq(next, a) !== 0) continue;
      for (let j = 0; j < n; j++) if (held[j] === code) return true;
      held[n++] = code;
    }
    return false;
  }

  /** publishBeforeSignal.ts: a caller's type-0 send finds its slot SUBMITTED or later; a Take never reads a FILLING or FREE slot. */
  private unpublished(cur: Uint8Array, next: Uint8Array, e: FlatSyscallEvent, s: SyscallStepAccess): boolean {
    if (e.a < 0) return false; // publishBeforeSignal.ts: only an agent's event
    if (this.isCaller[e.a] === 1 && s.acc === A.ACC_IPC_SEND && s.accB === SERVICE_TYPE) {
      const o = this.callerSlot(cur, e.a);
      if (o < 0 || cur[o] === FILLING || cur[o] === FREE) return true;
    }
    if (e.type === 'Take') {
      const code = this.agentSlot(next, e.a);
      if (code < 0 || this.agentSlot(cur, e.a) >= 0) return false;
      const R = this.L.cfg.ringSlots;
      const o = this.slotAt(Math.floor(code / R), code % R);
      if (o < 0 || cur[o] === FILLING || cur[o] === FREE) return true;
    }
    return false;
  }

  /** offlineRetention.ts readyCount: the entries of p's ready queues. */
  private readyCount(b: Uint8Array, p: number): number {
    const C = this.L.C;
    const P = this.L.cfg.priorities;
    let n = 0;
    for (let k = 0; k < P; k++) n += b[C.ready + (p * P + k) * C.readyW] ?? 0;
    return n;
  }

  /** offlineRetention.ts: a send to an offline process wakes, counts or reports; an enqueue into one lands. */
  private dropped(cur: Uint8Array, next: Uint8Array, s: SyscallStepAccess): boolean {
    const C = this.L.C;
    if (s.acc === A.ACC_IPC_SEND && cur[C.online + s.accA] === 0) {
      const i = C.ipcPending + s.accA * this.L.cfg.ipcTypes + s.accB;
      const woke = this.readyCount(next, s.accA) > this.readyCount(cur, s.accA);
      const counted = (next[i] ?? 0) > (cur[i] ?? 0);
      const reported = ((next[C.error] ?? 0) & ERR.PENDING_OVERFLOW) !== 0;
      if (!woke && !counted && !reported) return true;
    }
    return (
      s.acc === A.ACC_ENQUEUE &&
      cur[C.online + s.accA] === 0 &&
      this.readyCount(next, s.accA) <= this.readyCount(cur, s.accA)
    );
  }

  /** noRegisterWhileRunning.ts: an IPC_REGISTER is only the Return of the dispatcher it registers, from returning. */
  private registersRunning(
    cur: Uint8Array,
    next: Uint8Array,
    e: FlatSyscallEvent,
    s: SyscallStepAccess,
  ): boolean {
    if (s.acc !== A.ACC_IPC_REGISTER) return false;
    const who = s.accTask - 1;
    if (who < 0 || who >= this.L.agentCount) return true; // no agent: not that dispatcher's return action
    if (this.phase(cur, who) === RUNNING || this.phase(next, who) === RUNNING) return true;
    if (e.type !== 'Return' || e.a !== who) return true;
    return this.phase(cur, who) !== RETURNING;
  }

  /**
   * advanceSyscallGhost (properties/ghost.ts) in `next`'s ghost bytes, which hold `cur`'s ghost,
   * for the step {@link judge} was last given:
   * a Read by an instance's requester consumes it; a slot that became SUBMITTED holds a new
   * instance, one that became FREE or FILLING none (among the slots the step wrote, {@link wrote});
   * a Take holds its slot's instance,
   * a Complete executes the held one, a Reply answers it and lets it go. The places are then
   * renumbered in the order syscallGhostKey.ts meets them.
   */
  advanceGhost(cur: Uint8Array, next: Uint8Array, e: FlatSyscallEvent): void {
    const { L } = this;
    const R = L.cfg.ringSlots;
    const slots = L.cfg.processes * R;
    const { placeInst, inst } = this;
    const moves = e.type === 'Read' || e.type === 'Take' || e.type === 'Complete' || e.type === 'Reply';
    if (!moves && (!this.slotWritten || !this.slotMoves(cur, next))) return; // most steps leave the ghost as it is
    let instances = 0;
    // load: place → instance number - 1 (instances keep their numbers)
    for (let place = 0; place < L.placeCount; place++) {
      const k = cur[L.places + place] ?? 0;
      placeInst[place] = k - 1;
      if (k > instances) instances = k;
    }
    for (let k = 0; k < instances * INST_W; k++) inst[k] = cur[L.insts + k] ?? 0;
    let changed = false;
    if (e.type === 'Read') {
      const code = (this.procOf[e.a] ?? 0) * R + this.agentSlot(cur, e.a);
      const i = placeInst[code] ?? -1;
      if (code >= 0 && code < slots && i >= 0 && (inst[i * INST_W + 3] ?? 0) - 1 === e.a) {
        placeInst[code] = -1;
        changed = true;
      }
    }
    for (let code = 0; code < slots; code++) {
      if (this.slotChanged[code] === 0) continue;
      const o = L.rings + Math.floor(code / R) * L.ringW + 2 + (code % R) * SLOT_W;
      const sa = next[o] ?? 0;
      if (sa === SUBMITTED && cur[o] !== SUBMITTED) {
        const w = instances * INST_W;
        inst[w] = Math.floor(code / R);
        inst[w + 1] = code % R;
        inst[w + 2] = next[o + 1] ?? 0;
        inst[w + 3] = next[o + 2] ?? 0;
        inst[w + 4] = 0;
        inst[w + 5] = 0;
        placeInst[code] = instances++;
        changed = true;
      } else if ((sa === FREE || sa === FILLING) && (placeInst[code] ?? -1) >= 0) {
        placeInst[code] = -1;
        changed = true;
      }
    }
    const held = e.a < 0 ? -1 : (L.heldPlace[e.a] ?? -1);
    if (e.type === 'Take') {
      const code = this.agentSlot(next, e.a);
      if (code >= 0 && this.agentSlot(cur, e.a) < 0) {
        if (held < 0)
          throw new Error(`packed syscall engine: agent ${e.a}, no service dispatcher, took a slot`);
        placeInst[held] = code < slots ? (placeInst[code] ?? -1) : -1;
        changed = true;
      }
    } else if ((e.type === 'Complete' || e.type === 'Reply') && held >= 0) {
      const i = placeInst[held] ?? -1;
      if (i >= 0) {
        const f = i * INST_W + (e.type === 'Complete' ? 4 : 5);
        inst[f] = (inst[f] ?? 0) + 1;
        if ((inst[f] ?? 0) > 255) throw new Error('packed syscall engine: an instance count above a byte');
      }
      if (e.type === 'Reply') placeInst[held] = -1;
      changed = true;
    }
    if (changed) this.store(next, instances);
  }

  /** A step begins: no ring or slot written yet. */
  clearWrites(): void {
    if (!this.ringWritten) return; // most steps write none
    this.ringWritten = false;
    this.slotWritten = false;
    // loops: fill() is a builtin call per step (2.7% of a search in a profile)
    for (let p = 0; p < this.ringChanged.length; p++) this.ringChanged[p] = 0;
    for (let code = 0; code < this.slotChanged.length; code++) this.slotChanged[code] = 0;
  }

  /**
   * The step writes ring p (its head or tail) and, when `i` ≥ 0, its slot i: the ring and slot
   * objects actions.ts replaces (withSlot, read), which boundedRing and the ghost's advance look at
   * (they skip a ring or slot the step left as it was: `ra === rb`, `sa === sb`).
   */
  wrote(p: number, i: number): void {
    this.ringChanged[p] = 1;
    this.ringWritten = true;
    if (i < 0) return;
    this.slotChanged[p * this.L.cfg.ringSlots + i] = 1;
    this.slotWritten = true;
  }

  /** Whether some ring slot changed so that its ghost place changes (see {@link advanceGhost}). */
  private slotMoves(cur: Uint8Array, next: Uint8Array): boolean {
    const { L } = this;
    const R = L.cfg.ringSlots;
    for (let code = 0; code < L.cfg.processes * R; code++) {
      if (this.slotChanged[code] === 0) continue;
      const o = L.rings + Math.floor(code / R) * L.ringW + 2 + (code % R) * SLOT_W;
      const sa = next[o] ?? 0;
      if (sa === SUBMITTED && cur[o] !== SUBMITTED) return true;
      if ((sa === FREE || sa === FILLING) && (cur[L.places + code] ?? 0) !== 0) return true;
    }
    return false;
  }

  /** Writes the scratch places and instances into `next`, renumbered in order of first meeting. */
  private store(next: Uint8Array, instances: number): void {
    const { L, placeInst, inst, renumber } = this;
    next.fill(0, L.places, L.insts + L.placeCount * INST_W);
    for (let i = 0; i < instances; i++) renumber[i] = 0;
    let met = 0;
    for (let place = 0; place < L.placeCount; place++) {
      const i = placeInst[place] ?? -1;
      if (i < 0) continue;
      let k = renumber[i] ?? 0;
      if (k === 0) {
        k = ++met;
        renumber[i] = k;
        const o = L.insts + (k - 1) * INST_W;
        for (let j = 0; j < INST_W; j++) next[o + j] = inst[i * INST_W + j] ?? 0;
      }
      next[L.places + place] = k;
    }
  }
}
