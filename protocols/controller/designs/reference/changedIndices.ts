/**
 * Bookkeeping for the abstraction function, not part of the modelled hardware: which entries of
 * one table (ready rings, blocked rings, counters) changed since `abs()` last looked, so that
 * `abs()` rebuilds only those and shares every other entry with the state it returned before.
 * Plain arrays, allocated on first use: a device is created for every run and most of its
 * tables are never touched.
 */
export class ChangedIndices {
  /** How many entries the table has. */
  private readonly entries: number;
  /** `marked[i]` is true while entry i is listed (allocated at the first change). */
  private marked: boolean[] | undefined;
  /** The changed entries, in the order they first changed. */
  private readonly list: number[] = [];

  constructor(entries: number) {
    this.entries = entries;
  }

  /** True when some entry changed since the last {@link clear}. */
  get any(): boolean {
    return this.list.length > 0;
  }

  /** How many entries changed. */
  get size(): number {
    return this.list.length;
  }

  /** The i-th changed entry (0 ≤ i < size). */
  at(i: number): number {
    return this.list[i] ?? 0;
  }

  /** Records that entry `i` changed (idempotent until the next clear). */
  mark(i: number): void {
    this.marked ??= new Array<boolean>(this.entries).fill(false);
    if (this.marked[i] === true) return;
    this.marked[i] = true;
    this.list.push(i);
  }

  /** An independent copy of this log (the explorer's branching, protocols/controller/designs/device.ts `copy`). */
  copy(): ChangedIndices {
    const c = new ChangedIndices(this.entries);
    c.marked = this.marked?.slice();
    for (const i of this.list) c.list.push(i);
    return c;
  }

  /** Forgets every recorded change. */
  clear(): void {
    const marked = this.marked;
    if (marked !== undefined) for (const i of this.list) marked[i] = false;
    this.list.length = 0;
  }
}
