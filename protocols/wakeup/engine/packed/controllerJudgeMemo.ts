/**
 * The controller byte judge's passing verdicts on wakeup steps, remembered (as the packed syscall
 * engine remembers its controller steps, controllerStepMemo.ts). The judge
 * (packedControllerJudge.ts) reads, of a step from `cur` to `next`, only: the controller bytes of
 * both (bytes 0 .. L.harts: the ready queues, the irq waiters and pending counts, online and the
 * error register), the ghost bytes (the controller ghost's outstanding count, error bits owed and
 * custody; the wakeup ghost's undelivered counts and woken bits), and the access (its code, accA,
 * accB, accTask; the successor function sets the fields an access does not define to 0); and it
 * writes only the ghost bytes of `next`. Many system states share their controller bytes and
 * ghost (their harts and tasks differ: small with four task ids has 1,298,356 states and 31,620
 * such nodes), so for the accesses that passed every controller property the memo keeps the
 * result.
 *
 * A node is the controller bytes and the ghost bytes of a state, interned in one table (its id:
 * its entry). A remembered step is keyed by (the node of `cur`, the access) and holds the node of
 * the `next` it was judged on, with the ghost after the judge: each node has a row with one slot
 * per access the wakeup system can make (its code and arguments in range, numbered one to one by
 * {@link accessSlot}; any other access is judged, never remembered), so the steps of one state
 * read one row. A step is taken from the memo only
 * when its key is found, `next`'s controller bytes are that node's and `next`'s ghost bytes are
 * still `cur`'s (every successor starts as a copy of its state): then every input of the judge is
 * the remembered step's, and so are its verdict (none fails) and its ghost, which is copied into
 * `next`. Any other step is judged, and a pass remembered when its key was new. The node of `cur`
 * is looked up once per state (the successor function's `generation`), so a step costs a read
 * of its row and of the remembered node, both in tables small enough to stay in the caches.
 */

import { WordTable } from '../../../../engine/explore/packed/wordTable.ts';
import * as A from '../../../controller/engine/packed/packedAccess.ts';
import type { PackedGhostLayout } from './packedGhost.ts';

/**
 * Nodes the tables have room for before their first grow: the small preset has 5,746, and a grow
 * (the first call of the tables' rehash) throws away the optimised code of the intern that makes it.
 */
const INITIAL_NODES = 1 << 13;

/** The access codes as module-local constants (an imported binding may compile to an accessor call on this hot path). */
const ACC_IRQ = A.ACC_IRQ;
const ACC_STATUS = A.ACC_STATUS;
const ACC_ENQUEUE = A.ACC_ENQUEUE;
const ACC_REGISTER = A.ACC_REGISTER;
const ACC_DEQUEUE = A.ACC_DEQUEUE;

/** What the memo reads of the successor function: the state expanded, its successor, and which state that is. */
export interface JudgedStep {
  readonly curWords: Int32Array;
  readonly words: Int32Array;
  readonly generation: number;
}

/** The remembered controller verdicts of one ghost layout (see above). */
export class ControllerJudgeMemo {
  /** Words holding the controller bytes (the last one only partly: {@link lastMask}). */
  private readonly cw: number;
  /** The controller bytes' mask in word cw - 1 (the rest of it is hart bytes). */
  private readonly lastMask: number;
  /** The ghost words: from word g0, gw of them (the ghost starts on a word). */
  private readonly g0: number;
  private readonly gw: number;
  /** Words of a node: the controller words, then the ghost words. */
  private readonly nw: number;
  /** Node (controller and ghost words) → its id; the nodes' words by id. */
  private readonly nodes: WordTable;
  private nodeWords: Int32Array;
  /** Per node, a row of {@link row} slots, one per access: the node of next with the ghost after, + 1 (0: none). */
  private steps: Int32Array;
  private readonly row: number;
  /** Where each access's slots start in a row, and the counts they are numbered by. */
  private readonly atStatus: number;
  private readonly atEnqueue: number;
  private readonly atRegister: number;
  private readonly atDequeue: number;
  private readonly processes: number;
  private readonly priorities: number;
  private readonly devices: number;
  private readonly taskPool: number;
  private readonly nodeKey: Int32Array;
  /** The slot the last {@link recall} that missed may be remembered in. */
  private slot = 0;
  /** The state whose node is {@link curNode}: its successor function and generation. */
  private curOf: JudgedStep | null = null;
  private curGen = -1;
  private curNode = -1;
  /** Whether the key of the last {@link recall} that missed may be remembered. */
  private fresh = false;

  /** `dropsGhost` (tests only): leave the ghost out of a node's key, a wrong memo the tests must catch. */
  constructor(G: PackedGhostLayout, dropsGhost = false) {
    const ctrlBytes = G.L.harts;
    this.cw = (ctrlBytes + 3) >> 2;
    const mask = new Uint8Array(4);
    for (let i = 0; i < 4; i++) mask[i] = i < ctrlBytes - 4 * (this.cw - 1) ? 0xff : 0;
    this.lastMask = new Int32Array(mask.buffer)[0] ?? 0;
    if ((G.start & 3) !== 0) throw new Error('judged engine: the ghost does not start on a word');
    this.g0 = G.start >> 2;
    this.gw = (G.width >> 2) - this.g0;
    this.nw = this.cw + this.gw;
    this.nodes = new WordTable(dropsGhost ? this.cw : this.nw, INITIAL_NODES);
    this.nodeWords = new Int32Array(this.nw * INITIAL_NODES);
    const { processes: P, priorities: K, devices: D, taskPool: T } = G.L.cfg;
    this.processes = P;
    this.priorities = K;
    this.devices = D;
    this.taskPool = T;
    this.atStatus = D;
    this.atEnqueue = this.atStatus + 2 * P;
    this.atRegister = this.atEnqueue + P * K * T;
    this.atDequeue = this.atRegister + P * D * T;
    this.row = this.atDequeue + P * (T + 1);
    this.steps = new Int32Array(this.row * INITIAL_NODES);
    this.nodeKey = new Int32Array(this.nw);
  }

  /**
   * The slot of an access (code `acc`, arguments `a`, `b`, `t`) in a node's row, or -1 for one
   * the memo does not keep (another code, or an argument out of its range). One to one: each code
   * has its own range of slots, numbered by its arguments' mixed radix.
   */
  accessSlot(acc: number, a: number, b: number, t: number): number {
    const { processes: P, devices: D, taskPool: T } = this;
    switch (acc) {
      case ACC_IRQ:
        return a >= 0 && a < D && b === 0 && t === 0 ? a : -1;
      case ACC_STATUS:
        return a >= 0 && a < P && (b === 0 || b === 1) && t === 0 ? this.atStatus + 2 * a + b : -1;
      case ACC_ENQUEUE:
        return a >= 0 && a < P && b >= 0 && b < this.priorities && t >= 1 && t <= T
          ? this.atEnqueue + (a * this.priorities + b) * T + t - 1
          : -1;
      case ACC_REGISTER:
        return a >= 0 && a < P && b >= 0 && b < D && t >= 1 && t <= T
          ? this.atRegister + (a * D + b) * T + t - 1
          : -1;
      case ACC_DEQUEUE:
        return a >= 0 && a < P && b === 0 && t >= 0 && t <= T ? this.atDequeue + a * (T + 1) + t : -1;
      default:
        return -1;
    }
  }

  /**
   * Whether the step of `s` (from `s.curWords` to `s.words`) by the access in `slot` (see
   * {@link accessSlot}) is remembered: if so its ghost after is written into `s.words`.
   */
  recall(s: JudgedStep, slot: number): boolean {
    const { cw, gw, g0 } = this;
    const cur = s.curWords;
    const next = s.words;
    this.fresh = false;
    if (slot < 0) return false;
    for (let j = 0; j < gw; j++) if (next[g0 + j] !== cur[g0 + j]) return false;
    if (this.curOf !== s || this.curGen !== s.generation) {
      this.curNode = this.intern(cur);
      this.curOf = s;
      this.curGen = s.generation;
    }
    const at = this.curNode * this.row + slot;
    const r1 = this.steps[at] ?? 0;
    if (r1 === 0) {
      this.fresh = true;
      this.slot = at;
      return false;
    }
    const o = (r1 - 1) * this.nw;
    const r = this.nodeWords;
    const last = cw - 1;
    for (let i = 0; i < last; i++) if (next[i] !== r[o + i]) return false;
    if (((next[last] ?? 0) & this.lastMask) !== r[o + last]) return false;
    for (let j = 0; j < gw; j++) next[g0 + j] = r[o + cw + j] ?? 0;
    return true;
  }

  /** After a {@link recall} that missed, the judge passed the step: remembers it with `s.words` (its ghost advanced). */
  remember(s: JudgedStep): void {
    if (!this.fresh) return;
    this.fresh = false;
    const at = this.slot; // the rows may grow in intern: the slot's index stays
    this.steps[at] = this.intern(s.words) + 1;
  }

  /** The id of the node of the state `w` (its controller and ghost words), added when new. */
  private intern(w: Int32Array): number {
    const { cw, gw, g0, nw } = this;
    const key = this.nodeKey;
    const last = cw - 1;
    for (let i = 0; i < last; i++) key[i] = w[i] ?? 0;
    key[last] = (w[last] ?? 0) & this.lastMask;
    for (let j = 0; j < gw; j++) key[cw + j] = w[g0 + j] ?? 0;
    const known = this.nodes.find(key, 0);
    if (known >= 0) return known;
    const id = this.nodes.insert(key, 0, 0);
    if ((id + 1) * nw > this.nodeWords.length) {
      const grown = new Int32Array(this.nodeWords.length * 2);
      grown.set(this.nodeWords);
      this.nodeWords = grown;
    }
    this.nodeWords.set(key, id * nw);
    if ((id + 1) * this.row > this.steps.length) {
      const grown = new Int32Array(this.steps.length * 2);
      grown.set(this.steps);
      this.steps = grown;
    }
    return id;
  }
}
