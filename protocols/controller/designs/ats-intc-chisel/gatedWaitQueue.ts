/**
 * One device's blocked queue in the ATS-INTC Chisel design (`BQWithGateway`, research/ats-intc.md
 * §2.3, §4.1): a shift queue of B task ids behind a gateway. A registration pushes a task and
 * opens the gateway; a wake pops the head and closes it, whatever else is still queued.
 */
export class GatedWaitQueue {
  /** B: entries the shift queue holds. */
  readonly depth: number;
  /** `entries[i]`: the i-th waiter from the head; the head is always slot 0. */
  private readonly entries: BigUint64Array;
  /** Waiters held, 0..B. */
  private count = 0;
  /** Whether an interrupt may pop a waiter; closed at reset. */
  private open = false;

  constructor(depth: number) {
    this.depth = depth;
    this.entries = new BigUint64Array(depth);
  }

  /** Waiters currently held. */
  get length(): number {
    return this.count;
  }

  /** True when the push handshake would not be ready (back-pressure on the register write). */
  get full(): boolean {
    return this.count >= this.depth;
  }

  /** True when the gateway is open (a registration happened since the last wake). */
  get gatewayOpen(): boolean {
    return this.open;
  }

  /** True when an interrupt now would wake a waiter: the gateway is open and a waiter is queued. */
  get armed(): boolean {
    return this.open && this.count > 0;
  }

  /** Appends `task` and opens the gateway; the caller checked `full`. */
  register(task: bigint): void {
    if (this.full) throw new Error(`GatedWaitQueue overflow (depth ${this.depth})`);
    this.entries[this.count] = task;
    this.count++;
    this.open = true;
  }

  /** Pops the head waiter and closes the gateway; the caller checked `armed`. */
  wake(): bigint {
    if (!this.armed) throw new Error('GatedWaitQueue woken while not armed');
    const head = this.entries[0] ?? 0n;
    this.entries.copyWithin(0, 1, this.count);
    this.count--;
    this.entries[this.count] = 0n;
    this.open = false;
    return head;
  }

  /** The queued waiters, head first, as a fresh array (for the abstraction function). */
  toArray(): bigint[] {
    return Array.from(this.entries.subarray(0, this.count));
  }
}
