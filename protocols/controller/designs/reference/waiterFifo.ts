/**
 * A device's blocked queue (spec/controller.md §3 `irqWait[d]`): a ring of depth B whose
 * entries are (process, task) pairs, so a wake goes to the process that registered (§8.2).
 */
import type { Waiter } from '../../model/state.ts';
import type { ChangedIndices } from './changedIndices.ts';
import { TaskFifo } from './taskFifo.ts';

/** The view of an empty blocked queue, shared by every ring. */
export const NO_WAITERS: readonly Waiter[] = Object.freeze([]);

/** A {@link TaskFifo} whose every slot also records the registering process. */
export class WaiterFifo extends TaskFifo {
  /** `owners[slot]`: the process of the task in the same slot (grows with `slots`). */
  private readonly owners: number[] = [];
  /** The last view handed out by {@link waiters}. */
  private shownWaiters: readonly Waiter[] = NO_WAITERS;

  constructor(depth: number, changes?: ChangedIndices, entry = 0) {
    super(depth, changes, entry);
  }

  /** An independent copy of this blocked queue reporting to `changes` (see {@link TaskFifo.copy}). */
  override copy(changes: ChangedIndices | undefined): WaiterFifo {
    const c = new WaiterFifo(this.depth, changes, this.entry);
    this.copyInto(c);
    for (const p of this.owners) c.owners.push(p);
    c.shownWaiters = this.shownWaiters;
    return c;
  }

  /** Appends the waiter (p, task); the caller has checked that the ring is not full. */
  pushWaiter(p: number, task: bigint): void {
    this.owners[this.tailSlot()] = p | 0; // a 32-bit owner field
    this.push(task);
  }

  /** The process of the head waiter (meaningful only when the ring is non-empty). */
  headOwner(): number {
    return this.owners[this.head] ?? 0;
  }

  /** The held waiters, head first, as fresh model records. */
  toWaiters(): Waiter[] {
    const out: Waiter[] = [];
    for (let i = 0; i < this.count; i++) out.push({ p: this.ownerAt(i), task: this.at(i) });
    return out;
  }

  /**
   * The held waiters, head first, as an array nobody may modify: the previous one while the ring
   * is unchanged, else a new one reusing the records of the waiters still held.
   */
  waiters(): readonly Waiter[] {
    if (this.unchanged) return this.shownWaiters;
    const before = this.shownWaiters;
    const skip = this.takeChanges();
    if (this.count === 0) {
      this.shownWaiters = NO_WAITERS;
      return NO_WAITERS;
    }
    // As TaskFifo.view: the surviving records (copied natively), then records for the new waiters.
    const out = before.slice(skip);
    for (let i = out.length; i < this.count; i++) out.push({ p: this.ownerAt(i), task: this.at(i) });
    this.shownWaiters = out;
    return out;
  }

  private ownerAt(i: number): number {
    const s = this.head + i;
    return this.owners[s >= this.depth ? s - this.depth : s] ?? 0;
  }
}
