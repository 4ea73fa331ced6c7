/**
 * A fixed-depth FIFO of 64-bit task ids, written as hardware keeps one: a ring of `depth` slots
 * with a head pointer and an occupancy count. The slots are a plain array that grows to `depth`
 * as the tail first passes each slot (a device is created per run and most rings stay short),
 * and each slot holds its value modulo 2^64 exactly as a 64-bit register would; once grown,
 * push and pop never allocate.
 *
 * Beside the ring it keeps what the abstraction function needs to be cheap: the last
 * {@link TaskFifo.view} it handed out stays valid (and is returned again, the same array) until
 * a push or pop changes the ring, and the first such change is reported to a
 * {@link ChangedIndices} log, so that `abs()` revisits only the rings that changed.
 */
import { U64_MAX } from '../../model/events.ts';
import type { ChangedIndices } from './changedIndices.ts';

/** The view of an empty ring, shared by every ring. */
export const NO_TASKS: readonly bigint[] = Object.freeze([]);

export class TaskFifo {
  /** How many entries the ring can hold. */
  readonly depth: number;
  /**
   * The ring storage, slot `(head + i) % depth` holding the i-th entry from the head. The tail
   * visits slots 0, 1, 2 … in order, so the array only ever grows at its end (no holes).
   */
  protected readonly slots: bigint[] = [];
  /** Slot of the head entry. */
  protected head = 0;
  /** Entries held, 0..depth. */
  protected count = 0;
  /** The log told about the first change after each view, or undefined; and this ring's entry in it. */
  private readonly changes: ChangedIndices | undefined;
  protected readonly entry: number;
  /** True while the last view still equals the ring's contents. */
  private fresh = true;
  /** Entries popped since the last view was made (they were its first ones). */
  private poppedSinceView = 0;
  /** The last view handed out by {@link view}. */
  private shown: readonly bigint[] = NO_TASKS;

  constructor(depth: number, changes?: ChangedIndices, entry = 0) {
    this.depth = depth;
    this.changes = changes;
    this.entry = entry;
  }

  /**
   * An independent copy of this ring reporting to `changes` (the copied engine's log): same
   * slots, head, count and view bookkeeping; the last view is shared, as it is never modified.
   */
  copy(changes: ChangedIndices | undefined): TaskFifo {
    const c = new TaskFifo(this.depth, changes, this.entry);
    this.copyInto(c);
    return c;
  }

  /** Copies this ring's storage and view bookkeeping into `c` (a fresh ring of the same depth and entry). */
  protected copyInto(c: TaskFifo): void {
    for (const t of this.slots) c.slots.push(t);
    c.head = this.head;
    c.count = this.count;
    c.fresh = this.fresh;
    c.poppedSinceView = this.poppedSinceView;
    c.shown = this.shown;
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
    this.slots[this.tailSlot()] = task >= 0n && task <= U64_MAX ? task : BigInt.asUintN(64, task);
    this.count++;
    this.touch();
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
    this.poppedSinceView++;
    this.touch();
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

  /**
   * The held tasks, head first, as an array nobody may modify: the previous view itself while
   * the ring is unchanged, else a new one that reuses the previous view's surviving entries.
   */
  view(): readonly bigint[] {
    if (this.fresh) return this.shown;
    const before = this.shown;
    const skip = this.takeChanges();
    if (this.count === 0) {
      this.shown = NO_TASKS;
      return NO_TASKS;
    }
    // A FIFO only drops at its head and appends at its tail, so the contents are the previous
    // view minus its first `skip` entries (copied natively), followed by the entries pushed since.
    const out = before.slice(skip);
    for (let i = out.length; i < this.count; i++) out.push(this.at(i));
    this.shown = out;
    return out;
  }

  /** Marks the ring as changed since its last view, telling the log the first time. */
  private touch(): void {
    if (!this.fresh) return;
    this.fresh = false;
    this.changes?.mark(this.entry);
  }

  /**
   * Starts a new view: returns how many entries of the previous view were popped since, and
   * records the ring as seen (a subclass's own view calls this, and only one kind of view is
   * taken of one ring).
   */
  protected takeChanges(): number {
    const popped = this.poppedSinceView;
    this.poppedSinceView = 0;
    this.fresh = true;
    return popped;
  }

  /** True when nothing changed since the last view (a subclass's view returns its previous one). */
  protected get unchanged(): boolean {
    return this.fresh;
  }
}
