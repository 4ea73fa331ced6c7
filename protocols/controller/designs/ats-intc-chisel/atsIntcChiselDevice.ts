/**
 * The ATS-INTC RTL (upstream ats-intc-chisel, rocket-chip fork v1.6 f79e16dd, spec/controller.md
 * §7) at transaction level: one completed bus access, or one interrupt pulse, is one step. The
 * module `PQWithExtIntrHandler` (Utils.scala:114-145) behind the register map of ATSINTC.scala,
 * elaborated with the configuration's P, C, B and D: process 0's page only, one PriorityQueue,
 * per line a BQWithGateway, no IPC, ERROR, STATUS or pending counts.
 */
import type { Config } from '../../model/config/config.ts';
import { ACK, type Observation, valueObs } from '../../model/result.ts';
import type { ControllerState } from '../../model/state.ts';
import type { ControllerDevice } from '../device.ts';
import { decodeAtsIntc } from './atsIntcRegisters.ts';
import { BQWithGateway } from './bqWithGateway.ts';
import { PriorityQueue } from './priorityQueue.ts';

const STALL: Observation = Object.freeze({ kind: 'stall' });
const ZERO: Observation = Object.freeze({ kind: 'value', value: 0n });

export class AtsIntcChiselDevice implements ControllerDevice {
  private readonly cfg: Config;
  /** Utils.scala:123: the priority queue every task of the device is in. */
  private readonly queue: PriorityQueue;
  /** Utils.scala:130-136: one blocked queue behind a gateway per interrupt line. */
  private readonly lines: readonly BQWithGateway[];
  /** A registration is waiting for a handshake that never comes: the bus is held for good. */
  private stalled: boolean;

  /** The design at reset; given `from`, an independent copy of it. */
  constructor(cfg: Config, from?: AtsIntcChiselDevice) {
    this.cfg = cfg;
    this.queue = from === undefined ? new PriorityQueue(cfg.priorities, cfg.capacity) : from.queue.copy();
    this.lines =
      from === undefined
        ? Array.from({ length: cfg.devices }, () => new BQWithGateway(cfg.waitDepth))
        : from.lines.map((q) => q.copy());
    this.stalled = from === undefined ? false : from.stalled;
  }

  /** An independent copy of this device (ControllerDevice.copy, for the explorer). */
  copy(): AtsIntcChiselDevice {
    return new AtsIntcChiselDevice(this.cfg, this);
  }

  /** True once a registration has held the bus (for tests and reports). */
  get isStalled(): boolean {
    return this.stalled;
  }

  /** The gateway of line `d` (for tests): opened by a registration, closed by a wake. */
  gatewayOpen(d: number): boolean {
    return this.lines[d]?.gatewayOpen ?? false;
  }

  /**
   * A 64-bit read: DEQUEUE takes the queue's head, `mem(0)` (PriorityQueue.dequeue). Every other
   * address reads 0: the write-only registers (`RegField.w`, ATSINTC.scala:84, :87, :94) and
   * everything the map does not name (the register router answers undefined space with 0).
   */
  read(addr: bigint): Observation {
    if (this.stalled) return STALL;
    const r = decodeAtsIntc(this.cfg, addr);
    // Reading: a write-only register (RegField.w, ATSINTC.scala:84, :87, :94) reads 0, as rocket-chip does.
    return r.kind === 'dequeue' ? valueObs(this.queue.dequeue()) : ZERO;
  }

  /** A 64-bit write: ENQUEUE_k, IRQ_REGISTER_d or the simulated interrupt of line d; anything else is ignored. */
  write(addr: bigint, data: bigint): Observation {
    if (this.stalled) return STALL;
    const r = decodeAtsIntc(this.cfg, addr);
    switch (r.kind) {
      // Reading: a write to the read-only DEQUEUE (RegField.r, ATSINTC.scala:82) completes and does nothing.
      case 'none':
      case 'dequeue': // ATSINTC.scala:82: `RegField.r`, nothing to write
        return ACK;
      case 'enqueue':
        // ATSINTC.scala:84 over Utils.scala:126-128 (k ≥ 1) or the arbiter (:142-143, k = 0):
        // the write completes whether the array took the task or dropped it (PriorityQueue.enqueue).
        // Any value is taken, 0 included: nothing checks a task id.
        this.queue.enqueue(r.prio, data);
        return ACK;
      case 'register': {
        // ATSINTC.scala:94, Utils.scala:133, :98: the write waits for the ShiftQueue's
        // `enq.ready`. Into a full queue it waits for good: only a wake frees a slot, a wake needs
        // an interrupt, and the only interrupt source is the simulated-interrupt register behind
        // this one on the same bus (`concurrency = 1`, ATSINTC.scala:59; :89 overrides :79).
        const q = this.lines[r.line];
        if (q === undefined) return ACK;
        if (!q.ready) return this.stall();
        q.register(data);
        return ACK;
      }
      case 'pulse':
        // Reading: the data is ignored (ATSINTC.scala:87-91): any value pulses, 0 included.
        this.pulse(r.line);
        return ACK;
    }
  }

  /**
   * One suite interrupt on `line`: the write of the simulated-interrupt register of the line
   * (ATSINTC.scala:86-92). In v1.6 that register drives the line (`valid || RegNext(valid)`, a
   * two-cycle pulse), and by Chisel's last-connect rule it overrides the external interrupt
   * wired at :79, so this pulse is the only way an interrupt reaches the design. It is a bus
   * write like any other: a held bus holds it too.
   */
  irq(line: number): Observation {
    if (this.stalled) return STALL;
    this.pulse(line);
    return ACK;
  }

  /**
   * The pulse on line d: the gateway lets at most one waiter out (BQWithGateway.interrupt), and
   * the woken task goes to priority 0 through the arbiter, which serves the lines before
   * ENQUEUE_0 (Utils.scala:137-143). A BQWithGateway's output is a `ValidIO` (:93, :109): no
   * back-pressure, so if the array is full the task is dropped (PriorityQueue.enqueue).
   */
  private pulse(line: number): void {
    // Reading: one wake per pulse: the gateway's valid lasts two cycles (Utils.scala:109); taken once (:22).
    const woken = this.lines[line]?.interrupt();
    if (woken !== undefined) this.queue.enqueue(0, woken);
  }

  /**
   * The abstraction (spec §6, §7), read off the registers as the RTL's bookkeeping defines them:
   * `ready[0][k]` is mem[index_blocks(k) .. index_blocks(k+1) − 1], stale and duplicate values
   * included (what is at or past `length`, or outside every block, is not shown); `irqWait[d]`
   * the line's blocked queue (all process 0); other processes empty and offline; no pending
   * counts, no IPC, no error bits. The gateways are in hiddenState.
   */
  abs(): ControllerState {
    const { processes: n, priorities: pr, devices: nd, ipcTypes: nt } = this.cfg;
    const ready: bigint[][] = Array.from({ length: n * pr }, (_, i) => (i < pr ? this.queue.level(i) : []));
    return {
      ready,
      irqWait: this.lines.map((q) => q.toArray().map((task) => ({ p: 0, task }))),
      irqPending: new Array<number>(nd).fill(0),
      ipcWait: Array.from({ length: n * nt }, () => []),
      ipcPending: new Array<number>(n * nt).fill(0),
      // Reading: §7 says nothing of online; page 0 is the only page, so only process 0 is online.
      online: Array.from({ length: n }, (_, p) => p === 0),
      error: 0,
    };
  }

  /** State outside abs() (explorer keys): the held bus, every register of the queue, every gateway. */
  hiddenState(): string {
    let gates = '';
    for (const q of this.lines) gates += q.gatewayOpen ? '1' : '0';
    return `${this.stalled ? 'S' : 's'}|${this.queue.registers()}|${gates}`;
  }

  /** A registration whose handshake never comes: the bus is held from now on. */
  private stall(): Observation {
    this.stalled = true;
    return STALL;
  }
}
