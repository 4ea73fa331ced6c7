/**
 * The controller half of a packed syscall step, remembered: the controller model's step in bytes
 * (controllerByteStep.ts) and the controller byte judge (packedControllerJudge.ts) read and write
 * only the controller's packed node (the state and the controller ghost, the first `words` words
 * of a syscall node) and the access, so the controller node after an access, the access's value
 * and the verdict are a function of (controller node before, access). Many syscall states share
 * a controller node (they differ in rings and agents), so the packed syscall engine keeps that
 * function's results for the accesses that passed every controller property, keyed in a
 * WordTable (the wakeup judged engine's memo table), and copies a result instead of stepping and
 * judging again.
 */

import { WordTable } from '../../../../engine/explore/packed/wordTable.ts';

/** The remembered controller steps (see above). */
export class ControllerStepMemo {
  /** Words of a controller node. */
  private readonly words: number;
  /** Key (the node before, the access id) → entry. */
  private readonly table: WordTable;
  /** The key being looked up. */
  private readonly key: Int32Array;
  /** Per entry: the access's value, then the node after (`words + 1` words). */
  private results: Int32Array;
  /** The entry {@link find} found. */
  private found = -1;

  constructor(words: number) {
    this.words = words;
    this.table = new WordTable(words + 1);
    this.key = new Int32Array(words + 1);
    this.results = new Int32Array((words + 1) << 12);
  }

  /** Whether the step of `access` from the controller node at the start of `before` is remembered. */
  find(before: Int32Array, access: number): boolean {
    const { key, words } = this;
    for (let i = 0; i < words; i++) key[i] = before[i] ?? 0;
    key[words] = access;
    this.found = this.table.find(key, 0);
    return this.found >= 0;
  }

  /** The value of the access {@link find} found; its controller node after is copied to the start of `after`. */
  recall(after: Int32Array): number {
    const o = this.found * (this.words + 1);
    for (let i = 0; i < this.words; i++) after[i] = this.results[o + 1 + i] ?? 0;
    return this.results[o] ?? 0;
  }

  /** Remembers, for the key the last {@link find} did not find, the access's `value` and the controller node of `after`. */
  remember(value: number, after: Int32Array): void {
    const e = this.table.insert(this.key, 0, 0);
    const w = this.words + 1;
    if ((e + 1) * w > this.results.length) {
      const grown = new Int32Array(this.results.length * 2);
      grown.set(this.results);
      this.results = grown;
    }
    this.results[e * w] = value;
    for (let i = 0; i < this.words; i++) this.results[e * w + 1 + i] = after[i] ?? 0;
  }
}
