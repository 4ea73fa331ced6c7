/**
 * A device's blocked queue (spec/controller.md §3 `irqWait[d]`): a ring of depth B whose
 * entries are (process, task) pairs, so a wake goes to the process that registered (§8.2).
 */
import type { Waiter } from '../../model/controller/state.ts';
import { TaskFifo } from './taskFifo.ts';

/** A {@link TaskFifo} whose every slot also records the registering process. */
export class WaiterFifo extends TaskFifo {
  /** `owners[slot]`: the process of the task in the same slot. */
  private readonly owners: Int32Array;

  constructor(depth: number) {
    super(depth);
    this.owners = new Int32Array(depth);
  }

  /** Appends the waiter (p, task); the caller has checked that the ring is not full. */
  pushWaiter(p: number, task: bigint): void {
    this.owners[this.tailSlot()] = p;
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

  private ownerAt(i: number): number {
    const s = this.head + i;
    return this.owners[s >= this.depth ? s - this.depth : s] ?? 0;
  }
}
