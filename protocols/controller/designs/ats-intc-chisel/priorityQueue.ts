/**
 * `PriorityQueue` of the ATS-INTC RTL (upstream ats-intc-chisel/Utils.scala:50-85) at transaction
 * level: one DataArray shared by every priority, and `index_blocks`, P + 1 registers of
 * log2Up(C) bits that say where each priority's block starts. Kept and updated as the RTL
 * keeps them, wrap-around included.
 */
import { DataArray, log2Up } from './dataArray.ts';

export class PriorityQueue {
  /** P, `numPrio` (the configuration's; v1.6 elaborates 8, ATSINTC.scala:20). */
  readonly priorities: number;
  private readonly array: DataArray;
  /**
   * Utils.scala:55: `index_blocks(0..P)`, log2Up(C) bits each, 0 at reset. Priority k's block is
   * mem[index_blocks(k) .. index_blocks(k+1) − 1] in the RTL's own bookkeeping.
   */
  private readonly indexBlocks: Uint32Array;
  /** 2^log2Up(C) − 1: `index_blocks(i) + 1.U` keeps the register's width (:75), so it wraps at 2^width. */
  private readonly blockMask: number;

  /** The queue at reset; given `from`, an independent copy of it. */
  constructor(priorities: number, capacity: number, from?: PriorityQueue) {
    this.priorities = priorities;
    this.array = from === undefined ? new DataArray(capacity) : from.array.copy();
    this.indexBlocks = from === undefined ? new Uint32Array(priorities + 1) : from.indexBlocks.slice();
    this.blockMask = 2 ** log2Up(capacity) - 1;
  }

  /** An independent copy (for the explorer's branching). */
  copy(): PriorityQueue {
    return new PriorityQueue(this.priorities, this.array.capacity, this);
  }

  /**
   * One enqueue at priority k (0 ≤ k < P), from ENQUEUE_k or from a wake (priority 0). The
   * producer is always acknowledged: `io.enqs(i).ready` is `RegNext(sels(i))` (:67-70), which
   * does not look at the fill level. The array takes it only while `length < C` (Utils.scala:22,
   * :33); then it goes in at `position = index_blocks(k+1)` (:57-58, :62), and every
   * `index_blocks(i)` with i > k grows by 1 (:73-77), modulo 2^width. A full array drops it,
   * and nothing reports that. Returns whether the array took it.
   */
  enqueue(k: number, data: bigint): boolean {
    if (!this.array.accepts) return false;
    this.array.insert(this.indexBlocks[k + 1] ?? 0, data);
    for (let i = k + 1; i <= this.priorities; i++) {
      this.indexBlocks[i] = ((this.indexBlocks[i] ?? 0) + 1) & this.blockMask;
    }
    return true;
  }

  /**
   * One completed DEQUEUE read: its data is `mem(0)` (Utils.scala:44), the array shifts when it
   * is not empty (:25-30), and every `index_blocks(i) > 0` goes down by 1 (:80-84): that update
   * waits only for the read's handshake, not for `length > 0`.
   */
  dequeue(): bigint {
    const data = this.array.head;
    this.array.removeHead();
    for (let i = 0; i <= this.priorities; i++) {
      const v = this.indexBlocks[i] ?? 0;
      if (v > 0) this.indexBlocks[i] = v - 1;
    }
    return data;
  }

  /** Priority k's block, mem[index_blocks(k) .. index_blocks(k+1) − 1], stale and duplicate values included. */
  level(k: number): bigint[] {
    // Reading: a block whose bounds a wrap crossed (index_blocks(k+1) ≤ index_blocks(k)) is empty.
    return this.array.slice(this.indexBlocks[k] ?? 0, this.indexBlocks[k + 1] ?? 0);
  }

  /** `length` of the array. */
  get length(): number {
    return this.array.length;
  }

  /** Every register as text: `index_blocks`, `length` and `mem` (hidden state for the explorer). */
  registers(): string {
    return `${this.indexBlocks.join(',')}|${this.array.registers()}`;
  }
}
