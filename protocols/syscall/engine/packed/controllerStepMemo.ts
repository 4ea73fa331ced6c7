/**
 * The controller half of a packed syscall step, remembered: the controller model's step in bytes
 * (controllerByteStep.ts) and the controller byte judge (packedControllerJudge.ts) read and write
 * only the controller's packed node (the state and the controller ghost, the first `words` words
 * of a syscall node) and the access, so the controller node after an access, the access's value
 * and the verdict are a function of (controller node before, access). Many syscall states share
 * a controller node (they differ in rings and agents: the large syscall row has 424,912 states
 * and 1,050 controller nodes), so the packed syscall engine keeps that function's results for
 * the accesses that passed every controller property, and copies a result instead of stepping
 * and judging again.
 *
 * A controller node is interned ({@link intern}: its id is its entry in a WordTable; the packed
 * syscall engine's store keys hold that id in place of the node's words, so a state expanded
 * names its node without hashing it); each node has a row with one slot per access the engine
 * can make (numbered by the caller, fewer than `row`), holding the interned node after + 1 (0:
 * not remembered) and the access's value. A step then costs a read of its row and a copy of the
 * remembered node, where a key of the node's words and the access hashed on every step cost a
 * tenth of the search.
 */

import { WordTable } from '../../../../engine/explore/packed/wordTable.ts';

/** The remembered controller steps (see above). */
export class ControllerStepMemo {
  /** Words of a controller node. */
  private readonly words: number;
  /** Slots per node row (one per access number). */
  private readonly row: number;
  /** Controller node → its id; the nodes' words by id. */
  private readonly nodes: WordTable;
  private nodeWords: Int32Array;
  /** Per node row, per access: the node after + 1 (0: not remembered), and the access's value. */
  private after: Int32Array;
  private values: Int32Array;
  /** The row of the node {@link enter} was last given. */
  private base = 0;
  /** The slot {@link find} looked at. */
  private at = 0;

  /** A memo of controller nodes of `words` words, for accesses numbered below `row`. */
  constructor(words: number, row: number) {
    this.words = words;
    this.row = row;
    this.nodes = new WordTable(words);
    this.nodeWords = new Int32Array(words << 10);
    this.after = new Int32Array(row << 10);
    this.values = new Int32Array(row << 10);
  }

  /** The steps to come start from the controller node numbered `id` ({@link intern}). */
  enter(id: number): void {
    this.base = id * this.row;
  }

  /** Copies the words of the controller node numbered `id` ({@link intern}) to the start of `out`. */
  node(id: number, out: Int32Array): void {
    const { words, nodeWords } = this;
    const o = id * words;
    for (let i = 0; i < words; i++) out[i] = nodeWords[o + i] ?? 0;
  }

  /** Whether the step of access number `access` from the node {@link enter} was given is remembered. */
  find(access: number): boolean {
    this.at = this.base + access;
    return (this.after[this.at] ?? 0) !== 0;
  }

  /** The value of the access {@link find} found; its controller node after is copied to the start of `after`. */
  recall(after: Int32Array): number {
    this.node(this.recalled(), after);
    return this.values[this.at] ?? 0;
  }

  /** The number of the controller node after the access {@link find} found. */
  recalled(): number {
    return (this.after[this.at] ?? 0) - 1;
  }

  /**
   * Remembers, for the access the last {@link find} did not find, its `value` and the controller
   * node of `after`; returns that node's number.
   */
  remember(value: number, after: Int32Array): number {
    const at = this.at; // the rows may grow in intern: the slot's index stays
    const id = this.intern(after);
    this.after[at] = id + 1;
    this.values[at] = value;
    return id;
  }

  /** The number of the controller node at the start of `w`, added when new. */
  intern(w: Int32Array): number {
    const known = this.nodes.find(w, 0);
    if (known >= 0) return known;
    const { words } = this;
    const id = this.nodes.insert(w, 0, 0);
    if ((id + 1) * words > this.nodeWords.length) this.nodeWords = doubled(this.nodeWords);
    for (let i = 0; i < words; i++) this.nodeWords[id * words + i] = w[i] ?? 0;
    if ((id + 1) * this.row > this.after.length) {
      this.after = doubled(this.after);
      this.values = doubled(this.values);
    }
    return id;
  }
}

/** A copy of `a` twice as long. */
function doubled(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
