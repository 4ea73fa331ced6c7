/**
 * A fixed-depth FIFO of 64-bit task ids, written as hardware keeps one: a preallocated ring
 * with a head pointer and an occupancy count. Push and pop never allocate.
 */
export class TaskFifo {
  /** How many entries the ring can hold. */
  readonly depth: number;
  /** The ring storage, slot `(head + i) % depth` holding the i-th entry from the head. */
  protected readonly slots: BigUint64Array;
  /** Slot of the head entry. */
  protected head = 0;
  /** Entries held, 0..depth. */
  protected count = 0;

  constructor(depth: number) {
    this.depth = depth;
    this.slots = new BigUint64Array(depth);
  }

  /** Entries currently held. */
  get length(): number {
    return this.count;
  }

  /** True when another push would overflow the ring. */
  get full(): boolean {
    return this.count >= this.depth;
  }

  /** The slot the next push writes (the tail). */
  protected tailSlot(): number {
    const t = this.head + this.count;
    return t >= this.depth ? t - this.depth : t;
  }

  /** Appends `task` at the tail; the caller has checked that the ring is not full. */
  push(task: bigint): void {
    if (this.count >= this.depth) throw new Error(`TaskFifo overflow (depth ${this.depth})`);
    this.slots[this.tailSlot()] = task;
    this.count++;
  }

  /** Removes and returns the head task; 0 when the ring is empty. */
  pop(): bigint {
    if (this.count === 0) return 0n;
    const task = this.slots[this.head] ?? 0n;
    this.advance();
    return task;
  }

  /** Moves the head past the current head entry (the caller has read it). */
  protected advance(): void {
    this.head = this.head + 1 >= this.depth ? 0 : this.head + 1;
    this.count--;
  }

  /** The i-th task from the head (0 is the head), for the abstraction function. */
  at(i: number): bigint {
    const s = this.head + i;
    return this.slots[s >= this.depth ? s - this.depth : s] ?? 0n;
  }

  /** The held tasks, head first, as a fresh array. */
  toArray(): bigint[] {
    const out: bigint[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.at(i));
    return out;
  }
}
