/**
 * Blocking message exchange between threads for the parallel explorer: each thread owns one slot
 * of a shared Int32Array that a sender bumps (and notifies) after posting to one of its ports, so
 * a receiver can sleep in `Atomics.wait` until a message may be there and read it with
 * `receiveMessageOnPort` — no event loop, so the search and its coordinator stay synchronous
 * loops. The wait has a timeout, so a notification that races the check costs a millisecond, not
 * a hang.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';

export class Mailbox {
  private readonly signals: Int32Array;

  /** `signals`: one slot per thread (a SharedArrayBuffer); `own`: this thread's slot. */
  constructor(
    signals: SharedArrayBuffer,
    private readonly own: number,
  ) {
    this.signals = new Int32Array(signals);
  }

  /** Posts `message` on `port` to the thread whose slot is `to`, and wakes it. */
  send(port: MessagePort, to: number, message: unknown, transfer: readonly ArrayBuffer[] = []): void {
    port.postMessage(message, transfer as ArrayBuffer[]);
    Atomics.add(this.signals, to, 1);
    Atomics.notify(this.signals, to);
  }

  /** The next message on `port`, waiting for it. */
  receive(port: MessagePort): unknown {
    for (;;) {
      const seen = Atomics.load(this.signals, this.own);
      const m = receiveMessageOnPort(port);
      if (m !== undefined) return m.message;
      Atomics.wait(this.signals, this.own, seen, 5);
    }
  }
}
