/**
 * One GQ's `DataArray` (D = DataArray.scala): C task ids in one shift array shared by the GQ's
 * local queues, a count, and the `data` register that both ports return through. The GQ's LQ
 * bookkeeping decides the index; the array only checks its own count. Kept exactly as the RTL
 * keeps it, stale slots and stale `data` included (abs() reads the slots the bookkeeping names).
 */
export class DataArray {
  readonly n: number;
  /** `mem[i]` [D:20]: never cleared by a clean [D:32-35]; slots at and above `count` are stale. */
  readonly mem: bigint[];
  /** `count` [D:24]. */
  count = 0;
  /** `data` [D:21]: the last value written or read, returned by a dequeue [D:29]. */
  data = 0n;

  constructor(n: number, from?: DataArray) {
    this.n = n;
    this.mem = from === undefined ? new Array<bigint>(n).fill(0n) : from.mem.slice();
    if (from !== undefined) {
      this.count = from.count;
      this.data = from.data;
    }
  }

  /**
   * An enqueue at `idx` [D:38-45,58-71,92-95]: `data` latches the value; a full array refuses it
   * (s_error: acknowledged and dropped [D:40-41,102-104]); else the value goes to `idx` with every
   * later slot shifted up (slot n−1 falls off) and the count goes up, even when idx ≥ n and
   * nothing was stored (no slot i equals idx) (inferred).
   */
  enqueue(idx: number, value: bigint): void {
    this.data = value;
    if (this.count === this.n) return;
    const m = this.mem;
    for (let i = this.n - 1; i >= 1; i--) {
      if (i === idx) m[i] = value;
      else if (i > idx) m[i] = m[i - 1] ?? 0n;
    }
    if (idx === 0) m[0] = value;
    this.count++;
  }

  /**
   * A dequeue at `idx` [D:48-55,73-90,97-100]: an empty array returns 0 (s_error, `data := 0`);
   * else `data := mem[idx]` (unchanged when idx ≥ n: no branch matches, the stale `data` is
   * returned), every later slot shifts down, slot n−1 becomes 0, and the count goes down.
   */
  dequeue(idx: number): bigint {
    if (this.count === 0) {
      this.data = 0n;
      return 0n;
    }
    const m = this.mem;
    if (idx <= this.n - 1) this.data = m[idx] ?? 0n;
    for (let i = 0; i < this.n - 1; i++) if (i >= idx) m[i] = m[i + 1] ?? 0n;
    m[this.n - 1] = 0n;
    this.count--;
    return this.data;
  }

  /** A clean: the count only; slots and `data` keep their values [D:32-35]. */
  clean(): void {
    this.count = 0;
  }
}
