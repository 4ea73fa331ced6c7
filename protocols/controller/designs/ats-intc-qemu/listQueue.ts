/**
 * One queue of the QEMU device: `Queue` over QEMU's singly linked tail queue (QSIMPLEQ), as
 * `util.c` uses it. Modelled clean-room: an array held head first.
 * - util.c:41-45, 71-75, 105-109: a push allocates an entry and links it at the tail
 *   (queue.h:300-304 QSIMPLEQ_INSERT_TAIL); nothing bounds the length (MAX_TASK_PER_QUEUE,
 *   riscv_lite_executor.h:13, is never used), so the queue is never full.
 * - util.c:47-59, 111-124: a pop unlinks the head (queue.h:312-317 QSIMPLEQ_REMOVE_HEAD) and
 *   returns its data; an empty queue pops 0, which the callers cannot tell from a stored 0.
 */
export class ListQueue {
  /** The entries' data, head first. */
  private readonly items: bigint[];

  /** An empty queue; given `from`, an independent copy of it. */
  constructor(from?: ListQueue) {
    this.items = from === undefined ? [] : from.items.slice();
  }

  /** An independent copy of this queue (for the explorer's branching). */
  copy(): ListQueue {
    return new ListQueue(this);
  }

  /** Entries currently held. */
  get length(): number {
    return this.items.length;
  }

  /** Links `data` at the tail; always succeeds. */
  push(data: bigint): void {
    // Reading: no bound; MAX_TASK_PER_QUEUE (riscv_lite_executor.h:13) is defined and never used.
    this.items.push(data);
  }

  /** Unlinks the head and returns its data; 0 when the queue is empty (as util.c returns it). */
  pop(): bigint {
    return this.items.shift() ?? 0n;
  }

  /** The held entries, head first, as a fresh array (for the abstraction function). */
  toArray(): bigint[] {
    return this.items.slice();
  }
}
