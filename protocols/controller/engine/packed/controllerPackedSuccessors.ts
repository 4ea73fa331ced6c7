/**
 * The judged controller engine's successor function: from one packed node (loaded once; decoded
 * to objects only if a step must be judged by the properties), each event's successor as packed
 * bytes in `words`: the node's bytes stepped by the model's rules in bytes (controllerByteStep.ts), judged
 * over bytes by the byte judge (packedControllerJudge.ts, with the ghost advanced in the same
 * bytes). A step whose queue changes the byte judge does not read (none of the model's; a seeded
 * bug's) is judged by the properties themselves (judgeAccess.ts accessFailures, on the access
 * context the step judge builds, controllerJudge.ts) on the states the bytes stand for, its ghost
 * then advanced by advanceGhostBytes; so is every step when a selected property has no byte form.
 * test/protocols/controller/engine/controllerJudged.test.ts requires, on every transition of the
 * tiny preset and the first states of small, the successor to be the step judge's successor
 * encoded and the verdict to be the judge's.
 */
import type { Violation } from '../../../../engine/property.ts';
import type { Config } from '../../model/config/config.ts';
import { type Operation, toOperation } from '../../model/decode.ts';
import type { ControllerEvent } from '../../model/events.ts';
import { ACK, type Observation, valueObs } from '../../model/result.ts';
import { type ControllerState, occupancy } from '../../model/state.ts';
import type { ControllerStepProperty } from '../../properties/context.ts';
import type { MutableControllerGhost } from '../../properties/ghost.ts';
import { controllerAlphabet } from '../controllerAlphabet.ts';
import { controllerJudge } from '../controllerJudge.ts';
import { accessContext, accessFailures } from '../judgeAccess.ts';
import {
  ACCESS_OF_KIND,
  BYTE_ACK,
  type FlatOp,
  flatOp,
  stepFlat,
  touchedWords,
} from './controllerByteStep.ts';
import { advanceGhostBytes } from './controllerGhostBytes.ts';
import {
  type ControllerPackedLayout,
  controllerPackedLayout,
  decodeControllerNode,
  encodeControllerNode,
} from './controllerPackedLayout.ts';
import type { ControllerPackedMutation } from './controllerPackedMutation.ts';
import { ACC_DEQUEUE, ACC_ERROR_READ, ACC_NONE, type PackedAccess } from './packedAccess.ts';
import { PackedControllerJudge, wordBits } from './packedControllerJudge.ts';

export class ControllerPackedSuccessors implements PackedAccess {
  readonly L: ControllerPackedLayout;
  /** Words per node. */
  readonly n: number;
  /** The last successor's words (and the same memory as bytes). */
  readonly words: Int32Array;
  readonly bytes: Uint8Array;
  private readonly cfg: Config;
  private readonly properties: readonly ControllerStepProperty[];
  /** The loaded node's bytes (and its state and ghost as objects, below, once decoded: never changed). */
  private readonly curWords: Int32Array;
  readonly cur: Uint8Array;
  generation = 0;
  /** The access the last step performed, as the byte judge reads it (packedAccess.ts; ACC_NONE: one it does not read). */
  acc = ACC_NONE;
  accA = 0;
  accB = 0;
  accTask = 0;
  /** The properties re-encoded over bytes, when every selected one is (else null: the properties judge every step). */
  private readonly byteJudge: PackedControllerJudge | null;
  /** Whether the last step was judged over bytes (packedControllerJudge.ts) rather than by the properties themselves. */
  judgedByBytes = false;
  private state: ControllerState | null = null;
  /** The alphabet, each event's operation, and the loaded state's occupancy per process. */
  private readonly events: readonly ControllerEvent[];
  private readonly ops: readonly Operation[];
  /** Each event's operation as numbers (controllerByteStep.ts FlatOp: one object shape for all). */
  private readonly flat: readonly FlatOp[];
  private readonly occ: Int32Array;
  /** Per event of the alphabet: its access as the byte judge reads it (code, arguments; a read's value comes from the step). */
  private readonly accOf: Int32Array;
  private readonly accAOf: Int32Array;
  private readonly accBOf: Int32Array;
  private readonly accTaskOf: Int32Array;
  /** Per event: the words its step may change (controllerByteStep.ts touchedWords), the byte judge's `changed`. */
  private readonly touchedOf: Int32Array;
  /** Per event: the byte judge's `changed`, its {@link touchedOf} (every word, -1, under a seeded bug: it may write others). */
  private readonly changedOf: Int32Array;
  /**
   * Per event: the indices of the words its step may write, the ghost's advance included (every
   * word under a seeded bug): {@link words} holds the loaded node again once these are put back.
   */
  private readonly writesOf: readonly Int32Array[];
  /** The words the last step may have written ({@link writesOf}; none since the last load). */
  private dirty: Int32Array = NO_WORDS;
  private ghost: MutableControllerGhost | null = null;

  /** A seeded bug (tests only), or null. */
  private readonly mutation: ControllerPackedMutation | null;

  constructor(
    cfg: Config,
    properties: readonly ControllerStepProperty[],
    mutation: ControllerPackedMutation | null = null,
  ) {
    this.mutation = mutation;
    this.events = controllerAlphabet(cfg);
    this.ops = this.events.map((e) => toOperation(cfg, e));
    this.occ = new Int32Array(cfg.processes);
    this.flat = this.ops.map((op) => ({ ...flatOp(op) }));
    this.accOf = Int32Array.from(this.flat, (f) => ACCESS_OF_KIND[f.kind] ?? ACC_NONE);
    this.accAOf = Int32Array.from(this.flat, (f) => f.p);
    this.accBOf = Int32Array.from(this.flat, (f) => f.x);
    this.accTaskOf = Int32Array.from(this.flat, (f) => f.task);
    this.cfg = cfg;
    this.properties = properties;
    this.L = controllerPackedLayout(cfg);
    const L0 = this.L;
    this.touchedOf = Int32Array.from(this.flat, (f) => touchedWords(L0, f));
    this.n = this.L.width >> 2;
    this.changedOf = this.touchedOf.map((t) => (mutation === null ? t : -1));
    const ghostWords =
      wordBits(L0.outstanding, 1) |
      wordBits(L0.errorSinceRead, 1) |
      wordBits(L0.custody, L0.processes * L0.taskPool);
    this.writesOf = Array.from(this.touchedOf, (t) =>
      wordList(mutation === null ? t | ghostWords : -1, this.n),
    );
    this.words = new Int32Array(this.n);
    this.bytes = new Uint8Array(this.words.buffer);
    this.curWords = new Int32Array(this.n);
    this.cur = new Uint8Array(this.curWords.buffer);
    const L = this.L;
    const ghost = { L, processes: L.processes, taskPool: L.taskPool, outstanding: L.outstanding };
    const offsets = {
      ...ghost,
      errorSinceRead: L.errorSinceRead,
      custody: L.custody,
      undelivered: -1,
      woken: -1,
    };
    const ipc = { wait: L.ipcWait, w: L.ipcW, pending: L.ipcPending, count: cfg.processes * cfg.ipcTypes };
    this.byteJudge = PackedControllerJudge.judges(properties)
      ? new PackedControllerJudge(offsets, properties, false, ipc)
      : null;
  }

  /** The initial node's bytes (the step judge's initial node), in {@link bytes}. */
  initial(): Uint8Array {
    const init = controllerJudge(this.cfg, undefined, this.properties).initial();
    encodeControllerNode(this.L, this.bytes, 0, init.abs, init.ghost, init.ended);
    return this.bytes;
  }

  /** Loads the node at `off` of `b`; false when it ended the run (no event is enabled there). */
  load(b: Uint8Array, off: number): boolean {
    const cur = this.cur;
    for (let j = 0; j < this.L.width; j++) cur[j] = b[off + j] ?? 0;
    return this.loaded();
  }

  /** Loads the node of `n` words at word `at` of `w` (a store's): {@link load}. */
  loadWords(w: Int32Array, at: number): boolean {
    const curWords = this.curWords;
    for (let j = 0; j < this.n; j++) curWords[j] = w[at + j] ?? 0;
    return this.loaded();
  }

  /** Whether the successor the last step left in {@link words} is the loaded node itself (a self-loop). */
  sameAsLoaded(): boolean {
    const { words, curWords, dirty } = this;
    for (let j = 0; j < dirty.length; j++) {
      const i = dirty[j] ?? 0;
      if (words[i] !== curWords[i]) return false;
    }
    return true;
  }

  /** Takes the node now in {@link cur} as the loaded one (see {@link load}). */
  private loaded(): boolean {
    const { cur, curWords, words } = this;
    for (let j = 0; j < this.n; j++) words[j] = curWords[j] ?? 0;
    this.dirty = NO_WORDS;
    this.generation++;
    this.state = null; // decoded only if a step is judged by the properties themselves
    this.ghost = null;
    const judge = this.byteJudge;
    for (let p = 0; p < this.L.cfg.processes; p++)
      this.occ[p] = judge === null ? occupancy(this.L.cfg, this.objects().state, p) : judge.occupancy(cur, p);
    return cur[this.L.ended] !== 1;
  }

  /** The loaded node's state and ghost as objects (decoded on first use). */
  private objects(): { state: ControllerState; ghost: MutableControllerGhost } {
    if (this.state === null || this.ghost === null) {
      const { state, ghost } = decodeControllerNode(this.L, this.cur, 0);
      this.state = state;
      this.ghost = ghost;
    }
    return { state: this.state, ghost: this.ghost };
  }

  /**
   * The successor of the loaded node by the alphabet's event `k` as step `index`, in
   * {@link words}; the violations when a property fails on the access. With `stateOnce` the byte
   * judge leaves the verdicts on the successor alone to {@link stateViolations} (unless the step
   * fails otherwise: then every failing property is reported here).
   */
  step(k: number, index: number, stateOnce = false): readonly Violation[] | undefined {
    const { words, curWords, bytes, cur } = this;
    const flat = this.flat[k];
    if (flat === undefined) throw new Error(`judged engine: no event ${k}`);
    // the loaded node again: the words the last step wrote put back
    const dirty = this.dirty;
    for (let j = 0; j < dirty.length; j++) {
      const i = dirty[j] ?? 0;
      words[i] = curWords[i] ?? 0;
    }
    this.dirty = this.writesOf[k] ?? NO_WORDS;
    const code = stepFlat(this.L, bytes, flat, this.occ);
    const forgets = this.mutation !== null && this.seedBug(k);
    const acc = this.accOf[k] ?? ACC_NONE;
    this.acc = acc;
    this.accA = this.accAOf[k] ?? 0;
    this.accB = this.accBOf[k] ?? 0;
    this.accTask = acc === ACC_DEQUEUE || acc === ACC_ERROR_READ ? code : (this.accTaskOf[k] ?? 0);
    // the words the successor may differ in (the byte judge reads only the queues in them): the
    // step's own, or (a seeded bug's step changes others) every word
    const changed = this.changedOf[k] ?? -1;
    const bits =
      this.byteJudge === null || forgets ? -1 : this.byteJudge.judge(cur, bytes, this, !stateOnce, changed);
    this.judgedByBytes = bits >= 0;
    if (bits > 0) return violationsOf(bits, index);
    if (bits === 0) return undefined; // judged over bytes, and the ghost bytes advanced
    // the properties themselves, on the states the bytes stand for
    const e = this.events[k];
    if (e === undefined) throw new Error(`judged engine: no event ${k}`);
    const obs = code === BYTE_ACK ? ACK : valueObs(BigInt(code));
    const after = decodeControllerNode(this.L, bytes, 0).state;
    const { state, ghost } = this.objects();
    return this.judgeObjects(e, index, obs, { before: state, after }, ghost, forgets);
  }

  /**
   * The seeded bug (tests only) applied to the successor of event `k` in {@link bytes}: true when
   * it is forgetsCustody on a write whose task entered a ready queue (a step the byte judge does
   * not judge: its ghost is the properties' to advance, and this bug forgets to).
   */
  private seedBug(k: number): boolean {
    const { L, bytes, cur, mutation } = this;
    const op = this.ops[k];
    if (op === undefined || mutation === null) return false;
    let accepted = false; // a write whose task entered a ready queue (for the seeded bug forgetsCustody)
    if (mutation === 'forgetsCustody' && (op.type === 'Enqueue' || op.type.endsWith('Register')))
      for (let j = L.ready; j < L.irqWait; j++) if (bytes[j] !== cur[j]) accepted = true;
    if (mutation === 'keepsOldReady') for (let j = L.ready; j < L.irqWait; j++) bytes[j] = cur[j] ?? 0;
    if (mutation === 'readKeepsError' && op.type === 'ErrorRead') bytes[L.error] = cur[L.error] ?? 0;
    if (op.type === 'IpcSend') seedSendBug(L, mutation, op, cur, bytes);
    return mutation === 'forgetsCustody' && accepted;
  }

  /**
   * The verdicts on the successor alone (packedControllerJudge.ts judgeState) failing on the last
   * step's successor, as step `index`: a search stepping with `stateOnce` asks this of each
   * successor it has not stored before (equal bytes, the same verdict), and of the initial state
   * reached again. None when the properties themselves judge every step (they judged these too).
   */
  stateViolations(index: number): readonly Violation[] | undefined {
    const bits = this.byteJudge === null ? 0 : this.byteJudge.judgeState(this.bytes);
    return bits === 0 ? undefined : violationsOf(bits, index);
  }

  /** The properties themselves on the access (the step judge's context); the ghost bytes advanced when none fails (unless `forgets`). */
  private judgeObjects(
    e: ControllerEvent,
    index: number,
    obs: Observation,
    states: { readonly before: ControllerState; readonly after: ControllerState },
    ghost: MutableControllerGhost,
    forgets: boolean,
  ): readonly Violation[] | undefined {
    const ctx = accessContext(this.cfg, undefined, index, e, obs, states, undefined, ghost);
    const violations = accessFailures(this.properties, ctx);
    if (violations !== undefined) return violations;
    if (!forgets) advanceGhostBytes(this.L, this.bytes, 0, ctx);
    return undefined;
  }
}

const NO_WORDS = new Int32Array(0);

/** The indices of the words among the word bits `bits` (packedControllerJudge.ts wordBits) of a node of `n` words. */
function wordList(bits: number, n: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if ((bits & (1 << Math.min(i, 31))) !== 0) out.push(i);
  return Int32Array.from(out);
}

/** The controller properties among `bits` as violations of step `index`, in registry order. */
function violationsOf(bits: number, index: number): Violation[] {
  return PackedControllerJudge.ids(bits).map((property) => ({ property, step: index, message: property }));
}

/**
 * The seeded IPC-send bugs (controllerPackedMutation.ts) on the successor `b` of `cur` by the send
 * `op`: tests only, to show the byte judge's IPC verdicts (the send's wake rule, spurious wakes,
 * the woken handler's priority) failing where the properties do.
 */
function seedSendBug(
  L: ControllerPackedLayout,
  mutation: ControllerPackedMutation,
  op: { readonly target: number; readonly ipcType: number },
  cur: Uint8Array,
  b: Uint8Array,
): void {
  const { cfg } = L;
  const i = op.target * cfg.ipcTypes + op.ipcType;
  const waiting = cur[L.ipcWait + i * L.ipcW] ?? 0;
  if (waiting === 0) return;
  const handler = cur[L.ipcWait + i * L.ipcW + 1] ?? 0;
  const q0 = L.ready + op.target * cfg.priorities * L.readyW;
  switch (mutation) {
    case 'sendCountsBesideHandler':
      for (let j = L.ready; j < L.ipcPending; j++) b[j] = cur[j] ?? 0;
      b[L.ipcPending + i] = (cur[L.ipcPending + i] ?? 0) + 1;
      return;
    case 'sendKeepsHandler': {
      const w = L.ipcWait + i * L.ipcW;
      for (let j = w; j < w + L.ipcW; j++) b[j] = cur[j] ?? 0;
      return;
    }
    case 'sendWakesLow': {
      if (cfg.priorities < 2) return;
      const len = b[q0] ?? 0;
      const low = q0 + (cfg.priorities - 1) * L.readyW;
      const lowLen = b[low] ?? 0;
      if (len === 0 || lowLen >= cfg.capacity) return;
      b[q0] = len - 1; // the handler was appended last to priority 0
      b[q0 + len] = 0;
      b[low + 1 + lowLen] = handler;
      b[low] = lowLen + 1;
      return;
    }
    default:
      return;
  }
}
