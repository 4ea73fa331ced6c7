/**
 * Ring rotations some mutants need (head insertion, newest-first wakes) without touching the
 * reference's FIFO classes: the newest entry is moved to the head by cycling the others behind
 * it, keeping their relative order. O(length), on mutant paths only.
 */
import type { TaskFifo } from '../designs/reference/taskFifo.ts';
import type { WaiterFifo } from '../designs/reference/waiterFifo.ts';

/** Makes the tail task of `fifo` its head; the other tasks keep their order behind it. */
export function rotateTailToHead(fifo: TaskFifo): void {
  const n = fifo.length;
  for (let i = 1; i < n; i++) fifo.push(fifo.pop());
}

/** Makes the newest waiter of `fifo` its head, owner included; the others keep their order. */
export function rotateWaiterTailToHead(fifo: WaiterFifo): void {
  const n = fifo.length;
  for (let i = 1; i < n; i++) {
    const p = fifo.headOwner();
    fifo.pushWaiter(p, fifo.pop());
  }
}
