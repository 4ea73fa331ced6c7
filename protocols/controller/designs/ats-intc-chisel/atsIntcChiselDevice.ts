/**
 * The ATS-INTC Chisel design (rocket-chip `ATSINTC`, research/ats-intc.md §2.3, §3.2, §4.1;
 * spec/controller.md §7) as a device: process 0's page only, one sorted array of C tasks, per
 * device a B-deep waiter queue behind a gateway, no pending counts, no IPC, no ERROR or STATUS,
 * and back-pressure that stalls the bus when an array or queue is full.
 */
import type { Config } from '../../model/config/config.ts';
import { decodeAddress } from '../../model/decode.ts';
import { ACK, type Observation, valueObs } from '../../model/result.ts';
import type { ControllerState } from '../../model/state.ts';
import type { ControllerDevice } from '../device.ts';
import { GatedWaitQueue } from './gatedWaitQueue.ts';
import { SortedTaskArray } from './sortedTaskArray.ts';

/** What every access returns once the bus is wedged. */
const STALL: Observation = Object.freeze({ kind: 'stall' });
/** A read of an unmapped offset or another page (the register router reads undefined space as 0). */
const ZERO: Observation = Object.freeze({ kind: 'value', value: 0n });

/**
 * The Chisel design. Its register map holds DEQUEUE, ENQUEUE_k (k < P) and IRQ_REGISTER_d
 * (d < D) of page 0; every other address reads 0 and ignores writes. A write whose handshake is
 * not ready (array full, or device queue full) never completes: the device is stalled from then
 * on and every later access, interrupts included, returns `stall` and changes nothing.
 */
export class AtsIntcChiselDevice implements ControllerDevice {
  private readonly cfg: Config;
  /** The shared priority array of process 0. */
  private readonly queue: SortedTaskArray;
  /** One gated waiter queue per device line. */
  private readonly devices: GatedWaitQueue[];
  /** Set by a write that could not complete: the single-concurrency register node is wedged. */
  private stalled = false;

  constructor(cfg: Config) {
    this.cfg = cfg;
    this.queue = new SortedTaskArray(cfg.capacity, cfg.priorities);
    this.devices = Array.from({ length: cfg.devices }, () => new GatedWaitQueue(cfg.waitDepth));
  }

  /** True once a write has stalled the bus (for tests and reports). */
  get isStalled(): boolean {
    return this.stalled;
  }

  /** A 64-bit read: DEQUEUE of page 0 takes the array's head (0 when empty); anything else reads 0. */
  read(addr: bigint): Observation {
    if (this.stalled) return STALL;
    const a = decodeAddress(this.cfg, addr);
    if (!a.ok || a.p !== 0 || a.reg !== 'DEQUEUE') return ZERO;
    return valueObs(this.queue.take());
  }

  /** A 64-bit write: ENQUEUE_k inserts, IRQ_REGISTER_d registers; a full target stalls; the rest is ignored. */
  write(addr: bigint, data: bigint): Observation {
    if (this.stalled) return STALL;
    const a = decodeAddress(this.cfg, addr);
    if (!a.ok || a.p !== 0) return ACK;
    if (a.reg === 'ENQUEUE') {
      if (this.queue.full) return this.stall();
      this.queue.insert(data, a.index); // task 0 is stored too: the hardware does not check it
      return ACK;
    }
    if (a.reg === 'IRQ_REGISTER') {
      const q = this.devices[a.index];
      if (q === undefined) return ACK;
      if (q.full) return this.stall(); // ShiftQueue back-pressure (research §3.2)
      q.register(data);
      return ACK;
    }
    return ACK; // DEQUEUE, IPC, ERROR, STATUS: not in the Chisel register map
  }

  /**
   * An interrupt edge on `line`: when the gateway is open and a waiter is queued, the head goes to
   * priority 0 and the gateway closes; otherwise the pulse is lost. A wake that finds the array
   * full is lost too (its enqueue handshake is not ready, and the pulse is gone when it would be).
   */
  irq(line: number): Observation {
    if (this.stalled) return STALL;
    const q = this.devices[line];
    if (q === undefined || !q.armed || this.queue.full) return ACK;
    this.queue.insert(q.wake(), 0);
    return ACK;
  }

  /**
   * The abstraction (spec §6, §7): process 0's ready queues are the array's priority blocks,
   * `irqWait[d]` the device queues (all process 0); no pending counts, no IPC, only process 0
   * online, error always 0. The gateway is not in the abstraction.
   */
  abs(): ControllerState {
    const { processes: n, priorities: pr, devices: nd, ipcTypes: nt } = this.cfg;
    const ready: bigint[][] = Array.from({ length: n * pr }, (_, i) => (i < pr ? this.queue.level(i) : []));
    return {
      ready,
      irqWait: this.devices.map((q) => q.toArray().map((task) => ({ p: 0, task }))),
      irqPending: new Array<number>(nd).fill(0),
      ipcWait: Array.from({ length: n * nt }, () => []),
      ipcPending: new Array<number>(n * nt).fill(0),
      online: Array.from({ length: n }, (_, p) => p === 0),
      error: 0,
    };
  }

  /** State outside abs(): the stalled bus and every gateway bit (explorer keys). */
  hiddenState(): string {
    let s = this.stalled ? 'S' : 's';
    for (const q of this.devices) s += q.gatewayOpen ? '1' : '0';
    return s;
  }

  /** The gateway of device `d` (for tests): open after a registration, closed after a wake. */
  gatewayOpen(d: number): boolean {
    return this.devices[d]?.gatewayOpen ?? false;
  }

  /** A write whose handshake never comes: the bus is wedged from now on. */
  private stall(): Observation {
    this.stalled = true;
    return STALL;
  }
}
