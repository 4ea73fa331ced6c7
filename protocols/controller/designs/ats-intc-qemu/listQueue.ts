/**
 * An unbounded FIFO kept as a singly linked list with head and tail pointers, the way the QEMU
 * model keeps its queues (a heap-allocated simple queue): it is never full, and an empty pop
 * returns nothing rather than failing.
 */

/** One heap node of the list. */
interface ListNode<T> {
  readonly value: T;
  next: ListNode<T> | undefined;
}

/** An unbounded FIFO: append at the tail, remove at the head. */
export class ListQueue<T> {
  /** The oldest entry, removed first. */
  private head: ListNode<T> | undefined = undefined;
  /** The newest entry, where the next append links. */
  private tail: ListNode<T> | undefined = undefined;
  /** Entries held. */
  private count = 0;

  /** Entries currently held. */
  get length(): number {
    return this.count;
  }

  /** Appends `value` at the tail; always succeeds (the list is unbounded). */
  push(value: T): void {
    const node: ListNode<T> = { value, next: undefined };
    if (this.tail === undefined) this.head = node;
    else this.tail.next = node;
    this.tail = node;
    this.count++;
  }

  /** Removes and returns the head entry, or undefined when the list is empty. */
  pop(): T | undefined {
    const node = this.head;
    if (node === undefined) return undefined;
    this.head = node.next;
    if (this.head === undefined) this.tail = undefined;
    this.count--;
    return node.value;
  }

  /** The held entries, head first, as a fresh array (for the abstraction function). */
  toArray(): T[] {
    const out: T[] = [];
    for (let n = this.head; n !== undefined; n = n.next) out.push(n.value);
    return out;
  }
}
