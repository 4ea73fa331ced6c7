/**
 * The ATS-INTC Chisel priority queue (research/ats-intc.md §4.1 "Chisel"): one shift array of
 * C entries shared by every priority, kept sorted by priority, with `indexBlocks[k + 1]` = the
 * number of entries of priority ≤ k. Insertion goes behind every entry of priority ≤ k, which
 * keeps FIFO order within a priority; removal always takes entry 0 and shifts the rest down.
 */
export class SortedTaskArray {
  /** C: entries the array holds. */
  readonly capacity: number;
  /** P: priority levels, 0 the highest. */
  readonly priorities: number;
  /** `mem[i]`: the i-th entry in priority order; slots at and above `length` are 0. */
  private readonly mem: BigUint64Array;
  /** `indexBlocks[k + 1]`: entries of priority ≤ k; `indexBlocks[0]` is always 0. */
  private readonly indexBlocks: Uint32Array;
  /** Entries held, 0..C. */
  private count = 0;

  constructor(capacity: number, priorities: number) {
    this.capacity = capacity;
    this.priorities = priorities;
    this.mem = new BigUint64Array(capacity);
    this.indexBlocks = new Uint32Array(priorities + 1);
  }

  /** Entries currently held. */
  get length(): number {
    return this.count;
  }

  /** True when the enqueue handshake would not be ready (every entry is used). */
  get full(): boolean {
    return this.count >= this.capacity;
  }

  /** Inserts `task` at priority `prio` behind every entry of priority ≤ prio; the caller checked `full`. */
  insert(task: bigint, prio: number): void {
    if (this.full) throw new Error(`SortedTaskArray overflow (capacity ${this.capacity})`);
    const pos = this.indexBlocks[prio + 1] ?? this.count;
    this.mem.copyWithin(pos + 1, pos, this.count);
    this.mem[pos] = task;
    this.count++;
    for (let q = prio + 1; q <= this.priorities; q++) this.indexBlocks[q] = (this.indexBlocks[q] ?? 0) + 1;
  }

  /** Removes and returns entry 0 (the oldest task of the highest non-empty priority); 0 when empty. */
  take(): bigint {
    const head = this.mem[0] ?? 0n;
    if (this.count === 0) return head;
    this.mem.copyWithin(0, 1, this.count);
    this.count--;
    this.mem[this.count] = 0n;
    for (let q = 1; q <= this.priorities; q++) {
      const v = this.indexBlocks[q] ?? 0;
      if (v > 0) this.indexBlocks[q] = v - 1;
    }
    return head;
  }

  /** The entries of priority `prio`, oldest first, as a fresh array (for the abstraction function). */
  level(prio: number): bigint[] {
    const from = this.indexBlocks[prio] ?? 0;
    const to = this.indexBlocks[prio + 1] ?? from;
    return Array.from(this.mem.subarray(from, to));
  }
}
