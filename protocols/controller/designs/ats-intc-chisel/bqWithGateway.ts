/**
 * `BQWithGateway` of the ATS-INTC RTL (upstream ats-intc-chisel/Utils.scala:89-110) at
 * transaction level: one device line's blocked queue, a rocket-chip ShiftQueue of B entries,
 * behind a gateway bit.
 */
export class BQWithGateway {
  /** B, `bq_capacity` (the configuration's; v1.6 elaborates 4, ATSINTC.scala:23). */
  readonly depth: number;
  /** Utils.scala:96: the ShiftQueue's entries, head first. */
  private readonly entries: bigint[];
  /** Utils.scala:95: `gateway`, closed at reset. */
  private gateway: boolean;

  /** The queue at reset; given `from`, an independent copy of it. */
  constructor(depth: number, from?: BQWithGateway) {
    this.depth = depth;
    this.entries = from === undefined ? [] : from.entries.slice();
    this.gateway = from === undefined ? false : from.gateway;
  }

  /** An independent copy (for the explorer's branching). */
  copy(): BQWithGateway {
    return new BQWithGateway(this.depth, this);
  }

  /** The ShiftQueue's `enq.ready`: not full. A registration waits for it (RegField.w on a DecoupledIO). */
  get ready(): boolean {
    return this.entries.length < this.depth;
  }

  /** Whether the gateway is open (for tests and the explorer's hidden state). */
  get gatewayOpen(): boolean {
    return this.gateway;
  }

  /** A registration the queue took (`enq.fire`): appended, and the gateway opens (Utils.scala:98-100). The caller checked `ready`. */
  register(task: bigint): void {
    this.entries.push(task);
    this.gateway = true;
  }

  /**
   * One interrupt pulse. With the gateway closed nothing happens: `inFlight0` is
   * `RegNext(gateway && interrupt)` (Utils.scala:104), so the pulse is lost. With it open the
   * queue's `deq.ready` rises for one cycle (:105-106), the head leaves (`deq.fire`) and the
   * gateway closes (:102), whatever else is still queued. Returns the woken task, or undefined.
   * (The gateway opens only with a push and closes with every pop, so an open gateway always
   * has a waiter behind it.)
   */
  interrupt(): bigint | undefined {
    if (!this.gateway) return undefined;
    const head = this.entries.shift();
    if (head === undefined) return undefined;
    this.gateway = false;
    return head;
  }

  /** The queued waiters, head first, as a fresh array (for the abstraction function). */
  toArray(): bigint[] {
    return this.entries.slice();
  }
}
