/**
 * `DataArray` of the ATS-INTC RTL (upstream ats-intc-chisel/Utils.scala:8-47, rocket-chip fork
 * v1.6 f79e16dd) at transaction level: its registers kept as the RTL keeps them, updated by the
 * RTL's loops, bounds included. One call is one completed handshake (an enqueue the array took,
 * or a dequeue the bus read completed); cycle-level overlaps are out of scope (spec §7).
 */

/** chisel3.util.log2Up: ⌈log2 n⌉, at least 1 (the width of a register that indexes n things). */
export function log2Up(n: number): number {
  let w = 0;
  while (2 ** w < n) w++;
  return Math.max(w, 1);
}

export class DataArray {
  /** C, the `capacity` parameter (the configuration's; v1.6 elaborates 1024, ATSINTC.scala:22). */
  readonly capacity: number;
  /** Utils.scala:16: `mem`, C registers of 64 bits, 0 at reset. */
  private readonly mem: BigUint64Array;
  /** Utils.scala:18: `length`, log2Up(C) + 1 bits: it counts 0..C and never wraps. */
  private count: number;
  /**
   * Utils.scala:12: `io.position` is log2Up(C) bits wide, and chisel3's `+` keeps the wider
   * operand's width (no carry out), so `io.position + 1.U` (:36) is taken modulo 2^width.
   */
  private readonly positionMask: number;

  /** The array at reset; given `from`, an independent copy of it. */
  constructor(capacity: number, from?: DataArray) {
    this.capacity = capacity;
    this.mem = from === undefined ? new BigUint64Array(capacity) : from.mem.slice();
    this.count = from === undefined ? 0 : from.count;
    this.positionMask = 2 ** log2Up(capacity) - 1;
  }

  /** An independent copy (for the explorer's branching). */
  copy(): DataArray {
    return new DataArray(this.capacity, this);
  }

  /** `length` (Utils.scala:18-19). */
  get length(): number {
    return this.count;
  }

  /**
   * Whether an enqueue is taken: `enq_ready` is `length < capacity` of the cycle before
   * (Utils.scala:22), and the enqueue needs it (:33). The producer is acknowledged whatever
   * this says (PriorityQueue.enqueue): a full array drops the data.
   */
  get accepts(): boolean {
    return this.count < this.capacity;
  }

  /**
   * Utils.scala:33-41, the enqueue the array takes: `length + 1`; for i in 1 until C−1 (so
   * i = 1..C−2, never C−1), `mem(i) := mem(i−1)` when `i >= position + 1` (modulo 2^width);
   * then `mem(position) := data` (the last connect wins over the loop). The caller checked
   * `accepts`. With length = C−1 a non-tail insert loses the entry at C−2, which nothing moves
   * to C−1; and with C a power of two, position = C−1 makes `position + 1` 0, so every slot
   * 1..C−2 shifts.
   */
  insert(position: number, data: bigint): void {
    const old = this.mem.slice();
    const from = (position + 1) & this.positionMask;
    for (let i = 1; i < this.capacity - 1; i++) if (i >= from) this.mem[i] = old[i - 1] ?? 0n;
    this.mem[position] = data;
    this.count++;
  }

  /**
   * Utils.scala:44: the data of a completed DEQUEUE read is `mem(0)`, whatever `length` is (a
   * read of an empty array returns whatever slot 0 last held).
   */
  get head(): bigint {
    return this.mem[0] ?? 0n;
  }

  /**
   * Utils.scala:25-30, the dequeue, only when `length > 0`: `length − 1`, and for i in
   * 0 until C−1 (i = 0..C−2) `mem(i) := mem(i+1)`; `mem(C−1)` keeps its value for good.
   */
  removeHead(): void {
    if (this.count === 0) return;
    this.count--;
    this.mem.copyWithin(0, 1);
  }

  /** mem[from .. to−1] as a fresh array (empty when to ≤ from), for the abstraction function. */
  slice(from: number, to: number): bigint[] {
    return to <= from ? [] : Array.from(this.mem.subarray(from, to));
  }

  /** Every register as text: `length` and all of `mem` (hidden state for the explorer). */
  registers(): string {
    return `${this.count}:${this.mem.join(',')}`;
  }
}
