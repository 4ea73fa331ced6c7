/**
 * The packed syscall engine's successor function: from one packed node (syscallPackedLayout.ts,
 * loaded once; decoded to objects only when a step must be judged by the properties themselves),
 * each candidate event's successor as bytes in `words`: the syscall model's rules (model/step.ts,
 * guards.ts, actions.ts) re-applied on bytes, the controller access through the controller
 * model's rules in bytes (controllerByteStep.ts), judged over bytes by the controller byte judge
 * (packedControllerJudge.ts, which also advances the controller ghost bytes) and the syscall
 * byte judge (syscallByteJudge.ts, which advances the syscall ghost bytes); the controller half of
 * a step (the controller node after the access and its verdict) is remembered per (controller
 * node, access) once every controller property passed it (controllerStepMemo.ts). A step the
 * controller byte judge does not read, or every step when a selected property has no byte form,
 * is judged by the step judge itself (syscallJudge.ts stepModel) on the states the bytes stand
 * for, and its ghosts are encoded back.
 *
 * test/protocols/syscall/engine/syscallPacked.test.ts requires, on every transition of several
 * presets, the successor to be the step judge's successor encoded and the verdicts the judge's.
 */
import type { Violation } from '../../../../engine/property.ts';
import { BYTE_ACK, stepBytes } from '../../../controller/engine/packed/controllerByteStep.ts';
import type { PackedAccess } from '../../../controller/engine/packed/packedAccess.ts';
import * as A from '../../../controller/engine/packed/packedAccess.ts';
import { PackedControllerJudge } from '../../../controller/engine/packed/packedControllerJudge.ts';
import type { Config } from '../../../controller/model/config/config.ts';
import type { Operation } from '../../../controller/model/decode.ts';
import type { ControllerEvent } from '../../../controller/model/events.ts';
import { ACK, type Observation, valueObs } from '../../../controller/model/result.ts';
import { occupancy } from '../../../controller/model/state.ts';
import { candidateEvents } from '../../model/enabled.ts';
import { SYSCALL_EVENT_TYPES, type SyscallEvent } from '../../model/events.ts';
import { layoutOf, REPLY_TYPE, SERVICE_TYPE } from '../../model/layout.ts';
import { execute } from '../../model/state.ts';
import type { SyscallSelection } from '../../properties/selection.ts';
import { type SyscallStepJudge, syscallJudge } from '../syscallJudge.ts';
import { ControllerStepMemo } from './controllerStepMemo.ts';
import { type FlatSyscallEvent, flatEvent, SyscallByteJudge } from './syscallByteJudge.ts';
import {
  AGENT_W,
  decodeSyscallNode,
  encodeSyscallNode,
  PHASE,
  SLOT,
  SLOT_W,
  type SyscallPackedLayout,
  syscallPackedLayout,
} from './syscallPackedLayout.ts';
import type { SyscallPackedMutation } from './syscallPackedMutation.ts';

const { IDLE, SUBMITTED: SUBMITTED_PHASE, AWAITING, WOKEN, READING, WAITING, RUNNING, RETURNING } = PHASE;
const FILLING_PHASE = PHASE.FILLING;
const PHASE_COUNT = Object.keys(PHASE).length;
const { FREE, FILLING, SUBMITTED, TAKEN, DONE } = SLOT;

/** The controller accesses the syscall model makes (actions.ts): events of the controller and operations of its byte step. */
type SyscallAccess = Extract<
  ControllerEvent & Operation,
  { type: 'StatusWrite' | 'Dequeue' | 'Enqueue' | 'IpcRegister' | 'IpcSend' }
>;

/** What {@link SyscallPackedSuccessors.step} found: the model rejects the event, a judged successor, or a violation. */
export const REJECTED = 0;
export const ACCEPTED = 1;
export const VIOLATED = 2;

/** The successor function (see above); it is also the access the controller byte judge reads (PackedAccess). */
export class SyscallPackedSuccessors implements PackedAccess {
  readonly L: SyscallPackedLayout;
  /** Words per node. */
  readonly n: number;
  /**
   * The last successor's words (and the same memory as bytes), then one word for the number of
   * its controller prefix (written by {@link key}): the words from the prefix's end on are its
   * store key ({@link keyView}), kept where the step wrote them.
   */
  private readonly wordsAll: Int32Array;
  readonly words: Int32Array;
  readonly bytes: Uint8Array;
  private readonly keyView: Int32Array;
  /** The loaded node's words and bytes, the same way (its prefix's number after them). */
  private readonly curAll: Int32Array;
  private readonly curWords: Int32Array;
  readonly cur: Uint8Array;
  generation = 0;
  acc = A.ACC_NONE;
  accA = 0;
  accB = 0;
  accTask = 0;
  /** The violations of the last step that found some. */
  violations: readonly Violation[] = [];
  /** What the last step's access returned (a read's value, BYTE_ACK), for {@link lastAccess}. */
  lastCode = 0;
  /** Whether the last step was judged over bytes rather than by the step judge itself. */
  judgedByBytes = false;
  /** Accesses whose controller half was found remembered (controllerStepMemo.ts), for the tests. */
  remembered = 0;
  /** The candidate events (the alphabet of the graph engine, in its order), and each flat. */
  readonly events: readonly SyscallEvent[];
  private readonly flat: readonly FlatSyscallEvent[];
  private readonly cfg: Config;
  private readonly judgeObjects: SyscallStepJudge;
  private readonly ctrlJudge: PackedControllerJudge | null;
  private readonly stepJudge: SyscallByteJudge;
  /** Whether every step is judged by the step judge itself (a selected property has no byte form). */
  private readonly objectsOnly: boolean;
  private readonly judgesController: boolean;
  private readonly occ: Int32Array;
  /** Per agent: its process, kind (0 service, 1 reply, 2 caller); per process its callers. */
  private readonly procOf: Int32Array;
  private readonly kindOf: Int32Array;
  private readonly callers: readonly (readonly number[])[];
  /**
   * The access of candidate k with its varying argument (a send's target, a wake's caller) at
   * `k * opW + vary`, built on first use: a configuration's accesses are few.
   */
  private readonly ops: (SyscallAccess | undefined)[] = [];
  private readonly opW: number;
  /** The candidate being stepped. */
  private curK = 0;
  /**
   * The controller steps already judged (controllerStepMemo.ts), remembered when every step's
   * controller half is judged over bytes (`remembers`); whether the last access was found there,
   * and its value. It also numbers the controller nodes for the store's keys (see {@link key}).
   */
  private readonly memo: ControllerStepMemo;
  private readonly remembers: boolean;
  private memoHit = false;
  /** Words of a node's controller prefix (the memo numbers it). */
  private readonly cw: number;
  /** The number of the loaded node's controller prefix, and of the last successor's (-1: not known yet). */
  private curCtrl = 0;
  private succCtrl = -1;
  /** Words of a store key ({@link key}). */
  readonly keyWords: number;
  private accValue = 0;
  /** The candidates by (type, agent or process): see {@link candidateTable}. */
  private readonly indexTable: Int32Array;
  /** The drain's candidates per (unit, phase): see {@link drainRows}. */
  private readonly drainN: Int32Array;
  private readonly drainIx: Int32Array;
  /**
   * The guards of one byte (see {@link oneByteGuards}) by the bytes they read (an agent's phase, slot and request id, a process's
   * online byte): per such byte (at `guardBytes[s]`), at `(s * 256 + value) * maskWords + w`, as
   * bits of the candidates 32w..32w+31, those whose first guard reads it and passes on `value`
   * (`passMasks`), and those a later guard of one byte refuses on `value` (`refuseMasks`: see
   * {@link refusals}); {@link passed} combines them, and the wasm search a copy (syscallWasmExplore.ts).
   */
  readonly guardBytes: Int32Array;
  readonly passMasks: Int32Array;
  readonly refuseMasks: Int32Array;
  /** Words of a candidate bit set (32 candidates each). */
  readonly maskWords: number;
  /** The candidates whose one-byte guards pass in the loaded node, as bits ({@link passed}). */
  readonly passing: Int32Array;
  private readonly mutation: SyscallPackedMutation | null;

  /**
   * The successor function of the model on `cfg` judged by `sel`; `mutation` (a seeded bug) and
   * `leftOut` (a syscall property whose byte verdict is never reported) are for the tests only.
   */
  constructor(
    cfg: Config,
    sel: SyscallSelection,
    mutation: SyscallPackedMutation | null = null,
    leftOut: string | null = null,
  ) {
    this.cfg = cfg;
    this.mutation = mutation;
    this.L = syscallPackedLayout(cfg);
    this.n = this.L.width >> 2;
    this.wordsAll = new Int32Array(this.n + 1);
    this.words = this.wordsAll.subarray(0, this.n);
    this.bytes = new Uint8Array(this.wordsAll.buffer, 0, this.L.width);
    this.curAll = new Int32Array(this.n + 1);
    this.curWords = this.curAll.subarray(0, this.n);
    this.cur = new Uint8Array(this.curAll.buffer, 0, this.L.width);
    this.events = candidateEvents(cfg);
    this.flat = this.events.map(flatEvent);
    const steps = { ...sel, liveness: [] };
    this.judgeObjects = syscallJudge(cfg, undefined, steps, () => {
      throw new Error('packed syscall engine: the model alone has no runtime');
    });
    const C = this.L.C;
    const G = {
      L: C,
      processes: C.processes,
      taskPool: C.taskPool,
      outstanding: C.outstanding,
      errorSinceRead: C.errorSinceRead,
      custody: C.custody,
      undelivered: -1,
      woken: -1,
    };
    const ipc = { wait: C.ipcWait, w: C.ipcW, pending: C.ipcPending, count: cfg.processes * cfg.ipcTypes };
    this.judgesController = sel.controller.length > 0;
    const ctrlBytes = PackedControllerJudge.judges(sel.controller);
    this.ctrlJudge = ctrlBytes ? new PackedControllerJudge(G, sel.controller, false, ipc) : null;
    this.stepJudge = new SyscallByteJudge(this.L, sel.step, leftOut);
    this.objectsOnly = !ctrlBytes || !SyscallByteJudge.judges(sel.step);
    this.occ = new Int32Array(cfg.processes);
    const l = layoutOf(cfg);
    this.procOf = Int32Array.from(l.agents, (x) => x.p);
    this.kindOf = Int32Array.from(l.agents, (x) => (x.kind === 'service' ? 0 : x.kind === 'reply' ? 1 : 2));
    this.callers = l.callers;
    this.opW = Math.max(cfg.processes, l.agents.length) + 1;
    this.cw = C.width >> 2;
    this.remembers = !this.objectsOnly && this.judgesController;
    this.memo = new ControllerStepMemo(this.cw, this.remembers ? this.events.length * this.opW : 0);
    this.keyWords = this.n - this.cw + 1;
    this.keyView = new Int32Array(this.wordsAll.buffer, this.cw * 4, this.keyWords);
    this.indexTable = candidateTable(this.events, this.opW);
    const units = cfg.processes + l.agents.length;
    this.drainN = new Int32Array(units * PHASE_COUNT);
    this.drainIx = new Int32Array(units * PHASE_COUNT * 4);
    this.drainRows();
    this.maskWords = (this.events.length + 31) >> 5;
    this.passing = new Int32Array(this.maskWords);
    const refused = this.flat.map((e) => refusals(this.L, e, this.procOf, this.kindOf));
    this.guardBytes = Int32Array.from(
      new Set([...this.flat.map((e) => firstGuard(this.L, e)[0]), ...refused.flat().map(([at]) => at)]),
    );
    this.passMasks = new Int32Array(this.guardBytes.length * 256 * this.maskWords);
    this.refuseMasks = new Int32Array(this.guardBytes.length * 256 * this.maskWords);
    this.oneByteGuards(refused);
  }

  /**
   * The first guard of each candidate ({@link apply}'s first test, on one byte of the loaded node:
   * a STATUS write's or a fetch's online byte, an agent's phase) and its later guards of one byte
   * (`refused`, by candidate: {@link refusals}) as tables indexed by those bytes, so that
   * {@link passed} refuses all but about 5 of the 22 candidates per state on the large row without a
   * call of apply; apply still tests every guard, so the tables only save work.
   */
  private oneByteGuards(refused: readonly (readonly [number, (v: number) => boolean][])[]): void {
    const { L } = this;
    this.flat.forEach((e, k) => {
      const [at, passes] = firstGuard(L, e);
      this.setBits(this.passMasks, at, k, passes);
      for (const [rat, refuses] of refused[k] ?? []) this.setBits(this.refuseMasks, rat, k, refuses);
    });
  }

  /** Sets candidate k's bit in `masks` ({@link passMasks}' shape) for each value of the byte at `at` that `holds`. */
  private setBits(masks: Int32Array, at: number, k: number, holds: (v: number) => boolean): void {
    const src = this.guardBytes.indexOf(at);
    for (let v = 0; v < 256; v++) {
      const w = ((src << 8) + v) * this.maskWords + (k >> 5);
      if (holds(v)) masks[w] = (masks[w] ?? 0) | (1 << (k & 31));
    }
  }

  /** The candidate index of the event of `type` by agent or process `who` (not a STATUS write or a Call). */
  private indexOf(type: SyscallEvent['type'], who: number): number {
    const ix = this.indexTable[TYPES.indexOf(type) * this.opW + who] ?? -1;
    if (ix < 0) throw new Error(`packed syscall engine: no candidate ${type} of ${who}`);
    return ix;
  }

  /** The initial node's bytes (the step judge's initial node), in {@link bytes}. */
  initial(): Uint8Array {
    const init = this.judgeObjects.initial();
    encodeSyscallNode(this.L, this.bytes, 0, init.sys, init.cghost, init.ghost);
    this.succCtrl = -1;
    return this.bytes;
  }

  /** Loads node `id` of the words `w` (nodes of {@link n} words each). */
  load(w: Int32Array, id: number): void {
    const { curWords, n } = this;
    for (let j = 0; j < n; j++) curWords[j] = w[id * n + j] ?? 0;
    this.entered(this.memo.intern(curWords));
  }

  /**
   * Loads the node of key `id` of the keys `w` ({@link keyWords} words each, as the store keeps
   * them: see {@link key}).
   */
  loadKey(w: Int32Array, id: number): void {
    const { curAll, cw, keyWords } = this;
    const o = id * keyWords;
    for (let j = 0; j < keyWords; j++) curAll[cw + j] = w[o + j] ?? 0;
    const ctrl = w[o + keyWords - 1] ?? 0;
    this.memo.node(ctrl, curAll);
    this.entered(ctrl);
  }

  /** The steps to come are from the node just loaded, whose controller prefix is numbered `ctrl`. */
  private entered(ctrl: number): void {
    this.curCtrl = ctrl;
    this.curAll[this.n] = ctrl;
    this.generation++;
    this.memo.enter(ctrl);
    this.occGen = -1;
    this.stepJudge.load();
  }

  /**
   * The last successor's store key (a view of its words, not a copy: see {@link wordsAll}): its
   * words after the controller prefix, then the prefix numbered by the memo (1,050 of them on the
   * large row, against 424,912 states); one to one with the node's words, and 20 words for 34 on
   * the large row, so the store hashes, compares and keeps fewer. A step knows its controller
   * prefix's number (the loaded node's, a remembered access's, one just remembered); any other is
   * numbered here.
   */
  key(): Int32Array {
    this.wordsAll[this.n] = this.succCtrl >= 0 ? this.succCtrl : this.memo.intern(this.words);
    return this.keyView;
  }

  /** The node of key `key` ({@link key}) in `out`'s words: the tests rebuild a successor from its key. */
  nodeOfKey(key: Int32Array, out: Int32Array): void {
    const { cw, keyWords } = this;
    for (let j = 0; j < keyWords - 1; j++) out[cw + j] = key[j] ?? 0;
    this.memo.node(key[keyWords - 1] ?? 0, out);
  }

  /** The generation {@link occ} was computed for: on a memo miss only, as most accesses are remembered. */
  private occGen = -1;

  /** The loaded node's occupancy per process (controllerByteStep.ts reads it), computed once per node when needed. */
  private occupancies(): Int32Array {
    if (this.occGen === this.generation) return this.occ;
    this.occGen = this.generation;
    const { cur } = this;
    const judge = this.ctrlJudge;
    const ctrl = judge === null ? decodeSyscallNode(this.L, cur, 0).sys.ctrl : null;
    for (let p = 0; p < this.cfg.processes; p++)
      this.occ[p] = ctrl === null ? (judge?.occupancy(cur, p) ?? 0) : occupancy(this.cfg, ctrl, p);
    return this.occ;
  }

  /**
   * The candidates whose first guard passes in the loaded node and no later guard of one byte
   * refuses ({@link refusals}), in {@link passing} (bit k & 31 of word k >> 5): two reads per byte
   * the guards read, where {@link step} reads one per candidate and refuses only by the first
   * guard. The search steps these alone, with {@link step} (which tests every guard again);
   * every other candidate is refused.
   */
  passed(): void {
    const { passing, guardBytes, passMasks, refuseMasks, maskWords, cur } = this;
    for (let w = 0; w < maskWords; w++) {
      let pass = 0;
      let refuse = 0;
      for (let s = 0; s < guardBytes.length; s++) {
        const at = ((s << 8) + (cur[guardBytes[s] ?? 0] ?? 0)) * maskWords + w;
        pass |= passMasks[at] ?? 0;
        refuse |= refuseMasks[at] ?? 0;
      }
      passing[w] = pass & ~refuse;
    }
  }

  /**
   * The successor of the loaded node by candidate `k` as step `index`, in {@link words}:
   * {@link REJECTED} when the model does not enable it, {@link VIOLATED} with {@link violations}
   * when a property fails on it, else {@link ACCEPTED}. With `stateLater`, the verdicts that read
   * the successor alone are left to {@link stateViolations} unless another one fails (then every
   * failing property is reported).
   */
  step(k: number, index: number, stateLater = false): number {
    const { bytes, cur } = this;
    this.acc = A.ACC_NONE;
    this.curK = k;
    const e = this.flat[k];
    if (e === undefined) throw new Error(`packed syscall engine: no event ${k}`);
    const code = this.apply(e);
    this.lastCode = code;
    if (code === REJECTED_CODE) return REJECTED;
    if (this.objectsOnly) return this.judgeByObjects(k, index, code);
    let ctrlBits = 0;
    if (this.acc !== A.ACC_NONE && this.judgesController && !this.memoHit) {
      ctrlBits = this.ctrlJudge?.judge(cur, bytes, this) ?? -1;
      if (ctrlBits < 0) return this.judgeByObjects(k, index, code);
      // a controller step every controller property passed: the same from the same controller node
      if (ctrlBits === 0) this.succCtrl = this.memo.remember(this.accValue, this.words);
    }
    this.judgedByBytes = true;
    const stepBits = this.stepJudge.judge(cur, bytes, e, this);
    const fails = ctrlBits !== 0 || stepBits !== 0;
    const sysBits = stateLater && !fails ? stepBits : stepBits | this.stepJudge.judgeState(bytes);
    if (ctrlBits !== 0 || sysBits !== 0) {
      const ids = [...PackedControllerJudge.ids(ctrlBits), ...SyscallByteJudge.ids(sysBits)];
      this.violations = ids.map((property) => ({ property, step: index, message: property }));
      return VIOLATED;
    }
    this.stepJudge.advanceGhost(cur, bytes, e);
    return ACCEPTED;
  }

  /**
   * The verdicts {@link step} left with `stateLater` (syscallByteJudge.ts judgeState: those that
   * read the successor alone) on the last successor, as step `index`: {@link VIOLATED} with
   * {@link violations}, else {@link ACCEPTED}. A step judged by the step judge itself had them.
   */
  stateViolations(index: number): number {
    if (!this.judgedByBytes) return ACCEPTED;
    const bits = this.stepJudge.judgeState(this.bytes);
    if (bits === 0) return ACCEPTED;
    this.violations = SyscallByteJudge.ids(bits).map((property) => ({
      property,
      step: index,
      message: property,
    }));
    return VIOLATED;
  }

  /**
   * Whether the last successor is the loaded node itself (a quarter of the large row's
   * transitions: a fetch from an empty queue), which the search then need not look up.
   */
  unchanged(): boolean {
    const { words, curWords, n } = this;
    // a known controller prefix is equal exactly when its number is
    const from = this.succCtrl < 0 ? 0 : this.cw;
    if (from !== 0 && this.succCtrl !== this.curCtrl) return false;
    for (let j = from; j < n; j++) if (words[j] !== curWords[j]) return false;
    return true;
  }

  /** The successor bytes start as the loaded node's (once the guards passed: most candidates are refused). */
  private begin(): void {
    this.wordsAll.set(this.curAll); // one builtin copy: twice as fast as a loop over the 34 words of the large row
    this.succCtrl = this.curCtrl;
    this.stepJudge.clearWrites();
  }

  /**
   * The step judge itself on the step from the loaded node to the successor bytes (their states
   * decoded, the access and observation the byte step made); its ghosts encoded back.
   */
  private judgeByObjects(k: number, index: number, code: number): number {
    const e = this.events[k];
    if (e === undefined) throw new Error(`packed syscall engine: no event ${k}`);
    this.judgedByBytes = false;
    this.succCtrl = -1;
    const { L } = this;
    const before = decodeSyscallNode(L, this.cur, 0);
    const after = decodeSyscallNode(L, this.bytes, 0).sys;
    const node = {
      sys: before.sys,
      rt: undefined,
      shadow: undefined,
      cghost: before.cghost,
      ghost: before.ghost,
    };
    const r = { kind: 'accepted' as const, state: after, ...this.lastAccess(code), effects: [] };
    const t = this.judgeObjects.stepModel(node, e, r, index, 'own');
    if (t.violations !== undefined) {
      this.violations = t.violations;
      return VIOLATED;
    }
    encodeSyscallNode(L, this.bytes, 0, after, t.node.cghost, t.node.ghost);
    return ACCEPTED;
  }

  /**
   * The controller access the last accepted step made and its observation (`code`: what the step
   * returned), both null for a software step: what the step judge is given.
   */
  lastAccess(code: number): { readonly access: ControllerEvent | null; readonly obs: Observation | null } {
    const access = this.accessEvent();
    return { access, obs: access === null ? null : code === BYTE_ACK ? ACK : valueObs(BigInt(code)) };
  }

  /** The controller access of the last step as an event (null: a software step). */
  private accessEvent(): SyscallAccess | null {
    const { accA: a, accB: b } = this;
    switch (this.acc) {
      case A.ACC_NONE:
        return null;
      case A.ACC_STATUS:
        return { type: 'StatusWrite', p: a, data: BigInt(b) };
      case A.ACC_DEQUEUE:
        return { type: 'Dequeue', p: a };
      case A.ACC_ENQUEUE:
        return { type: 'Enqueue', p: a, prio: b, task: BigInt(this.accTask) };
      case A.ACC_IPC_REGISTER:
        return { type: 'IpcRegister', p: a, ipcType: b, task: BigInt(this.accTask) };
      case A.ACC_IPC_SEND:
        return { type: 'IpcSend', p: this.accSender, ipcType: b, target: a };
      default:
        throw new Error(`packed syscall engine: no syscall access ${this.acc}`);
    }
  }

  /** The sender's process of the last IPC_SEND (the access event names it; the byte judge does not read it). */
  private accSender = 0;

  /** Performs the controller access (code `acc`, arguments) on the successor bytes: a read's value or BYTE_ACK. */
  private access(acc: number, a: number, b: number, task: number, sender = 0, vary = 0): number {
    this.acc = acc;
    this.accA = a;
    this.accB = b;
    this.accTask = task;
    this.accSender = sender;
    const at = this.curK * this.opW + (this.mutation === 'memoIgnoresArgument' ? 0 : vary);
    const memo = this.memo;
    this.memoHit = this.remembers && memo.find(at);
    let v: number;
    if (this.memoHit) {
      this.remembered++;
      v = memo.recall(this.words);
      this.succCtrl = memo.recalled();
    } else {
      v = this.stepAccess(at);
      this.succCtrl = -1;
    }
    this.accValue = v;
    if (acc === A.ACC_DEQUEUE) this.accTask = v;
    return v;
  }

  /** The controller model's step in bytes of the access numbered `at` (its event built on first use). */
  private stepAccess(at: number): number {
    let op = this.ops[at];
    if (op === undefined) {
      const e = this.accessEvent();
      if (e === null) throw new Error('packed syscall engine: no access');
      op = e;
      this.ops[at] = op;
    }
    return stepBytes(this.L.C, this.bytes, op, this.occupancies());
  }

  private phase(b: Uint8Array, a: number): number {
    return b[this.L.agents + a * AGENT_W] ?? 0;
  }

  private setAgent(a: number, phase: number, slot: number, req: number): void {
    const o = this.L.agents + a * AGENT_W;
    this.bytes[o] = phase;
    this.bytes[o + 1] = slot + 1;
    this.bytes[o + 2] = req;
  }

  private ringAt(p: number): number {
    return this.L.rings + p * this.L.ringW;
  }

  private slotOffset(p: number, i: number): number {
    return this.L.rings + p * this.L.ringW + 2 + i * SLOT_W;
  }

  /** state.ts used: the ring's occupancy `(tail − head) mod 2R`. */
  private used(b: Uint8Array, p: number): number {
    const R2 = 2 * this.cfg.ringSlots;
    const o = this.ringAt(p);
    return ((((b[o + 1] ?? 0) - (b[o] ?? 0)) % R2) + R2) % R2;
  }

  /** guards.ts submittedFor: the oldest SUBMITTED slot for process q (`ring * R + index`), -1 when none. */
  private submittedFor(q: number, alsoTaken: boolean): number {
    const R = this.cfg.ringSlots;
    const cur = this.cur;
    for (let p = 0; p < this.cfg.processes; p++) {
      const n = this.used(cur, p);
      const head = cur[this.ringAt(p)] ?? 0;
      for (let j = 0; j < n; j++) {
        const i = (head + j) % R;
        const o = this.slotOffset(p, i);
        const st = cur[o];
        if ((st === SUBMITTED || (alsoTaken && st === TAKEN)) && cur[o + 3] === q) return p * R + i;
      }
    }
    return -1;
  }

  /** guards.ts wakeableIn: the first awaiting caller of p whose request is DONE in its slot, or -1. */
  private wakeableIn(p: number): number {
    const cur = this.cur;
    for (const c of this.callers[p] ?? []) {
      const o = this.L.agents + c * AGENT_W;
      if (cur[o] !== AWAITING) continue;
      const i = (cur[o + 1] ?? 0) - 1;
      if (i < 0 || i >= this.cfg.ringSlots) continue;
      const so = this.slotOffset(p, i);
      if (cur[so] === DONE && cur[so + 1] === cur[o + 2] && (cur[so + 2] ?? 0) - 1 === c) return c;
    }
    return -1;
  }

  /**
   * model/step.ts on the successor bytes (a copy of the loaded node's): the guards in step's order,
   * then the action of actions.ts; REJECTED_CODE when a guard refuses, else the access's
   * observation (BYTE_ACK for a software step too).
   */
  private apply(e: FlatSyscallEvent): number {
    const { cfg, cur, bytes, L } = this;
    const C = L.C;
    const R = cfg.ringSlots;
    const mut = this.mutation;
    switch (e.type) {
      case 'StatusWrite': {
        // guards.ts statusChanges, processIdle (no coroutine of p on a hart when it goes offline)
        const on = e.data === 1;
        if ((e.data !== 0 && !on) || (cur[C.online + e.p] === 1) === on) return REJECTED_CODE;
        if (!on)
          for (let a = 0; a < L.agentCount; a++) {
            const ph = this.phase(cur, a);
            const busy =
              ph === FILLING_PHASE ||
              ph === SUBMITTED_PHASE ||
              ph === READING ||
              ph === RUNNING ||
              ph === RETURNING;
            if (this.procOf[a] === e.p && busy) return REJECTED_CODE;
          }
        this.begin();
        return this.access(A.ACC_STATUS, e.p, on ? 1 : 0, 0);
      }
      case 'Fetch': {
        // actions.ts fetch: DEQUEUE; a waiting dispatcher of p runs, a woken caller of p reads
        if (cur[C.online + e.p] !== 1) return REJECTED_CODE;
        this.begin();
        const t = this.access(A.ACC_DEQUEUE, e.p, 0, 0);
        const a = t - 1;
        if (a >= 0 && a < L.agentCount && this.procOf[a] === e.p) {
          const o = L.agents + a * AGENT_W;
          if (this.kindOf[a] !== 2 && cur[o] === WAITING) bytes[o] = RUNNING;
          else if (this.kindOf[a] === 2 && cur[o] === WOKEN) bytes[o] = READING;
        }
        return t;
      }
      case 'Call': {
        // actions.ts call: the caller takes the FREE tail slot and writes its request (rule 1)
        const p = this.procOf[e.a] ?? 0;
        if (this.phase(cur, e.a) !== IDLE || cur[C.online + p] !== 1) return REJECTED_CODE;
        if (this.used(cur, p) >= R && mut !== 'callOverwrites') return REJECTED_CODE;
        this.begin();
        const ro = this.ringAt(p);
        const tail = cur[ro + 1] ?? 0;
        const i = tail % R;
        const req = this.freshRequestId(p);
        const so = this.slotOffset(p, i);
        bytes[so] = FILLING;
        bytes[so + 1] = req;
        bytes[so + 2] = e.a + 1;
        bytes[so + 3] = e.target;
        bytes[so + 4] = req;
        bytes[so + 5] = 0;
        bytes[ro + 1] = (tail + 1) % (2 * R);
        this.stepJudge.wrote(p, i);
        this.setAgent(e.a, FILLING_PHASE, i, mut === 'callForgetsRequest' ? 0 : req);
        return BYTE_ACK;
      }
      case 'Publish': {
        // actions.ts publish: the caller's slot becomes SUBMITTED
        if (this.phase(cur, e.a) !== FILLING_PHASE) return REJECTED_CODE;
        this.begin();
        const so = this.callerSlotOffset(e.a);
        if (so >= 0 && mut !== 'publishLeavesFilling') {
          bytes[so] = SUBMITTED;
          this.stepJudge.wrote(this.procOf[e.a] ?? 0, this.agentSlot(cur, e.a));
        }
        bytes[L.agents + e.a * AGENT_W] = SUBMITTED_PHASE;
        return BYTE_ACK;
      }
      case 'Signal': {
        // actions.ts signal: IPC_SEND type 0 to the target, then awaiting (or reading when already DONE)
        if (this.phase(cur, e.a) !== SUBMITTED_PHASE) return REJECTED_CODE;
        this.begin();
        const p = this.procOf[e.a] ?? 0;
        const so = this.callerSlotOffset(e.a);
        const target = so >= 0 ? (cur[so + 3] ?? 0) : 0;
        const done = so >= 0 && cur[so] === DONE;
        bytes[L.agents + e.a * AGENT_W] = done || mut === 'signalReadsAtOnce' ? READING : AWAITING;
        if (mut === 'signalSendsNothing') return BYTE_ACK;
        return this.send(target, SERVICE_TYPE, p);
      }
      case 'Read': {
        // actions.ts read: the caller frees its slot; the head moves past FREE slots
        if (this.phase(cur, e.a) !== READING) return REJECTED_CODE;
        this.begin();
        const p = this.procOf[e.a] ?? 0;
        const so = this.callerSlotOffset(e.a);
        if (so >= 0) bytes.fill(0, so, so + SLOT_W); // FREE_SLOT: every field 0, requester -1
        this.stepJudge.wrote(p, so >= 0 ? this.agentSlot(cur, e.a) : -1);
        const ro = this.ringAt(p);
        let head = bytes[ro] ?? 0;
        while (this.used(bytes, p) > 0 && bytes[this.slotOffset(p, head % R)] === FREE) {
          head = (head + 1) % (2 * R);
          bytes[ro] = head;
        }
        this.setAgent(e.a, IDLE, -1, 0);
        return BYTE_ACK;
      }
      case 'Take': {
        // step.ts: running service holding nothing; actions.ts take: the oldest SUBMITTED slot for its process
        if (this.phase(cur, e.a) !== RUNNING || this.agentSlot(cur, e.a) >= 0) return REJECTED_CODE;
        const code = this.submittedFor(this.procOf[e.a] ?? 0, mut === 'takeTakesTaken');
        if (code < 0) return REJECTED_CODE;
        this.begin();
        bytes[this.slotOffset(Math.floor(code / R), code % R)] = TAKEN;
        this.stepJudge.wrote(Math.floor(code / R), code % R);
        bytes[L.agents + e.a * AGENT_W + 1] = code + 1;
        return BYTE_ACK;
      }
      case 'Complete': {
        // guards.ts holdsIn TAKEN; actions.ts complete: execute once, DONE, the reply owed
        const code = this.agentSlot(cur, e.a);
        if (this.phase(cur, e.a) !== RUNNING || code < 0 || this.req(cur, e.a) !== 0) return REJECTED_CODE;
        this.begin();
        const so = this.slotOffset(Math.floor(code / R), code % R);
        bytes[so] = DONE;
        bytes[so + 5] = execute(cur[so + 3] ?? 0, cur[so + 4] ?? 0);
        this.stepJudge.wrote(Math.floor(code / R), code % R);
        if (mut !== 'completeTwice') bytes[L.agents + e.a * AGENT_W + 2] = 1;
        return BYTE_ACK;
      }
      case 'Reply': {
        // guards.ts holdsIn DONE; actions.ts reply: IPC_SEND type 1 to the requester's process
        const code = this.agentSlot(cur, e.a);
        if (this.phase(cur, e.a) !== RUNNING || code < 0 || this.req(cur, e.a) !== 1) return REJECTED_CODE;
        this.begin();
        this.setAgent(e.a, RUNNING, -1, 0);
        return this.send(Math.floor(code / R), REPLY_TYPE, this.procOf[e.a] ?? 0);
      }
      case 'Wake': {
        // guards.ts workToWake; actions.ts wake: ENQUEUE at priority 0 of the caller whose request is DONE
        if (this.phase(cur, e.a) !== RUNNING) return REJECTED_CODE;
        const p = this.procOf[e.a] ?? 0;
        const c = this.wakeableIn(p);
        if (c < 0) return REJECTED_CODE;
        this.begin();
        bytes[L.agents + c * AGENT_W] = WOKEN;
        return this.access(A.ACC_ENQUEUE, p, 0, c + 1, 0, c);
      }
      case 'Park': {
        // guards.ts noWorkLeft; actions.ts park: the dispatcher returns
        if (this.phase(cur, e.a) !== RUNNING) return REJECTED_CODE;
        const p = this.procOf[e.a] ?? 0;
        const idle =
          this.kindOf[e.a] === 0
            ? this.agentSlot(cur, e.a) < 0 && this.submittedFor(p, false) < 0
            : this.wakeableIn(p) < 0;
        if (!idle) return REJECTED_CODE;
        this.begin();
        bytes[L.agents + e.a * AGENT_W] = RETURNING;
        if (mut === 'parkRegisters') return this.register(e.a);
        return BYTE_ACK;
      }
      case 'Return':
        // actions.ts ret: IPC_REGISTER of the dispatcher's type, then waiting
        if (this.phase(cur, e.a) !== RETURNING) return REJECTED_CODE;
        this.begin();
        this.setAgent(e.a, WAITING, -1, 0);
        return this.register(e.a);
    }
  }

  /** IPC_REGISTER of dispatcher a's type on its process (actions.ts ret). */
  private register(a: number): number {
    const type = this.kindOf[a] === 1 ? REPLY_TYPE : SERVICE_TYPE;
    return this.access(A.ACC_IPC_REGISTER, this.procOf[a] ?? 0, type, a + 1);
  }

  /** IPC_SEND of `type` to `target` by process `sender` (with the seeded offline drop). */
  private send(target: number, type: number, sender: number): number {
    const v = this.access(A.ACC_IPC_SEND, target, type, 0, sender, target);
    if (this.mutation === 'offlineSendDropped' && this.cur[this.L.C.online + target] === 0) {
      for (let j = 0; j < this.L.C.ended; j++) this.bytes[j] = this.cur[j] ?? 0;
      this.succCtrl = -1;
    }
    return v;
  }

  private agentSlot(b: Uint8Array, a: number): number {
    return (b[this.L.agents + a * AGENT_W + 1] ?? 0) - 1;
  }

  private req(b: Uint8Array, a: number): number {
    return b[this.L.agents + a * AGENT_W + 2] ?? 0;
  }

  /** Caller a's own slot in its ring (the loaded node's index), or -1. */
  private callerSlotOffset(a: number): number {
    const i = this.agentSlot(this.cur, a);
    return i < 0 || i >= this.cfg.ringSlots ? -1 : this.slotOffset(this.procOf[a] ?? 0, i);
  }

  /** actions.ts freshRequestId: the lowest id of 1..callers(p) no outstanding call of p uses. */
  private freshRequestId(p: number): number {
    const mine = this.callers[p] ?? [];
    for (let id = 1; id <= mine.length; id++) {
      let taken = false;
      for (const c of mine)
        if (this.phase(this.cur, c) !== IDLE && this.req(this.cur, c) === id) taken = true;
      if (!taken) return id;
    }
    return 0;
  }

  /**
   * Quiescence of the loaded node (model/quiescent.ts): no ready task, no agent but idle,
   * awaiting or waiting ones.
   */
  quiescent(): boolean {
    const { cur, L, cfg } = this;
    const C = L.C;
    for (let q = 0; q < cfg.processes * cfg.priorities; q++)
      if ((cur[C.ready + q * C.readyW] ?? 0) > 0) return false;
    for (let a = 0; a < L.agentCount; a++) {
      const ph = this.phase(cur, a);
      if (ph !== IDLE && ph !== AWAITING && ph !== WAITING) return false;
    }
    return true;
  }

  /**
   * model/drain.ts drainCandidates of unit u in the loaded node, as candidate indices in `out`
   * (their count returned): a process's Fetch when it has a ready task; an agent's next step by
   * its phase (the table {@link drainRows} built).
   */
  drainCandidates(u: number, out: Int32Array): number {
    const { cur, cfg, L } = this;
    let row = u * PHASE_COUNT;
    if (u < cfg.processes) {
      const C = L.C;
      let ready = false;
      for (let k = 0; k < cfg.priorities; k++)
        if ((cur[C.ready + (u * cfg.priorities + k) * C.readyW] ?? 0) > 0) ready = true;
      if (!ready) return 0;
    } else row += this.phase(cur, u - cfg.processes);
    const n = this.drainN[row] ?? 0;
    for (let j = 0; j < n; j++) out[j] = this.drainIx[row * 4 + j] ?? -1;
    return n;
  }

  /**
   * The drain's candidates per (unit, phase) (model/drain.ts drainCandidates), as candidate
   * indices: a process's Fetch (under phase code 0); a caller's Publish, Signal or Read; a running
   * service dispatcher's Complete, Reply, Take, Park, a running reply dispatcher's Wake, Park; a
   * returning dispatcher's Return.
   */
  private drainRows(): void {
    const P = this.cfg.processes;
    for (let p = 0; p < P; p++) this.setDrainRow(p * PHASE_COUNT, [this.indexOf('Fetch', p)]);
    for (let a = 0; a < this.L.agentCount; a++) {
      const at = (P + a) * PHASE_COUNT;
      const mine = (types: readonly SyscallEvent['type'][]): number[] => types.map((t) => this.indexOf(t, a));
      if (this.kindOf[a] === 2) {
        this.setDrainRow(at + FILLING_PHASE, mine(['Publish']));
        this.setDrainRow(at + SUBMITTED_PHASE, mine(['Signal']));
        this.setDrainRow(at + READING, mine(['Read']));
      } else {
        const running =
          this.kindOf[a] === 0
            ? (['Complete', 'Reply', 'Take', 'Park'] as const)
            : (['Wake', 'Park'] as const);
        this.setDrainRow(at + RUNNING, mine(running));
        this.setDrainRow(at + RETURNING, mine(['Return']));
      }
    }
  }

  private setDrainRow(row: number, ixs: readonly number[]): void {
    this.drainN[row] = ixs.length;
    ixs.forEach((ix, j) => {
      this.drainIx[row * 4 + j] = ix;
    });
  }

  /** The loaded node as the step judge's node (for the liveness properties at a quiescent state). */
  decoded(): ReturnType<typeof decodeSyscallNode> {
    return decodeSyscallNode(this.L, this.cur, 0);
  }
}

/** The event types of an agent or a process alone (all but STATUS writes and calls), in {@link candidateTable}'s order. */
const TYPES: readonly SyscallEvent['type'][] = SYSCALL_EVENT_TYPES.filter(
  (t) => t !== 'StatusWrite' && t !== 'Call',
);

/** The candidate index of each (type of TYPES, agent or process < w) at `type * w + who`, -1 for none. */
function candidateTable(events: readonly SyscallEvent[], w: number): Int32Array {
  const table = new Int32Array(TYPES.length * w).fill(-1);
  events.forEach((e, ix) => {
    if (e.type === 'StatusWrite' || e.type === 'Call') return;
    table[TYPES.indexOf(e.type) * w + (e.type === 'Fetch' ? e.p : e.a)] = ix;
  });
  return table;
}

/** The byte of a node {@link SyscallPackedSuccessors.apply}'s first guard of `e` reads, and that guard on its value. */
function firstGuard(L: SyscallPackedLayout, e: FlatSyscallEvent): [number, (v: number) => boolean] {
  const phaseOf = L.agents + e.a * AGENT_W;
  switch (e.type) {
    case 'StatusWrite':
      return [L.C.online + e.p, (v) => (e.data === 0 || e.data === 1) && (v === 1) !== (e.data === 1)];
    case 'Fetch':
      return [L.C.online + e.p, (v) => v === 1];
    case 'Call':
      return [phaseOf, (v) => v === IDLE];
    case 'Publish':
      return [phaseOf, (v) => v === FILLING_PHASE];
    case 'Signal':
      return [phaseOf, (v) => v === SUBMITTED_PHASE];
    case 'Read':
      return [phaseOf, (v) => v === READING];
    case 'Return':
      return [phaseOf, (v) => v === RETURNING];
    default: // Take, Complete, Reply, Wake, Park: a running dispatcher
      return [phaseOf, (v) => v === RUNNING];
  }
}

/**
 * Guards of `e` after its first that read one byte of a node, as (that byte, the values on which
 * the guard refuses `e`), each as {@link SyscallPackedSuccessors.apply} tests it: a process going
 * offline with a busy agent (guards.ts processIdle), a call on an offline process, a Complete or
 * Reply of a dispatcher holding no slot or whose request id is not 0 or 1 (holdsIn TAKEN, DONE), a
 * Take or a service dispatcher's Park while holding a slot. On the large row these refuse 1.35
 * million of the 1.58 million candidates the first guard passes and apply refuses (a process going
 * offline alone 640,000).
 */
function refusals(
  L: SyscallPackedLayout,
  e: FlatSyscallEvent,
  procOf: Int32Array,
  kindOf: Int32Array,
): [number, (v: number) => boolean][] {
  const o = L.agents + e.a * AGENT_W;
  const noSlot = (v: number): boolean => v === 0;
  const holds = (v: number): boolean => v !== 0;
  switch (e.type) {
    case 'StatusWrite': {
      if (e.data !== 0) return [];
      const busy = (v: number): boolean =>
        v === FILLING_PHASE || v === SUBMITTED_PHASE || v === READING || v === RUNNING || v === RETURNING;
      const out: [number, (v: number) => boolean][] = [];
      procOf.forEach((p, a) => {
        if (p === e.p) out.push([L.agents + a * AGENT_W, busy]);
      });
      return out;
    }
    case 'Call':
      return [[L.C.online + (procOf[e.a] ?? 0), (v) => v !== 1]];
    case 'Complete':
      return [
        [o + 1, noSlot],
        [o + 2, (v) => v !== 0],
      ];
    case 'Reply':
      return [
        [o + 1, noSlot],
        [o + 2, (v) => v !== 1],
      ];
    case 'Take':
      return [[o + 1, holds]];
    case 'Park':
      return kindOf[e.a] === 0 ? [[o + 1, holds]] : [];
    case 'Fetch':
    case 'Publish':
    case 'Signal':
    case 'Read':
    case 'Wake':
    case 'Return':
      return [];
  }
}

/** What {@link SyscallPackedSuccessors.apply} returns for an event the model refuses. */
const REJECTED_CODE = -2;
