/**
 * The ATS-INTC QEMU model ("lite executor", research/ats-intc.md §2.2, §4.1, §5.2;
 * spec/controller.md §7) as a device: per online process 8 unbounded ready FIFOs and 16
 * unbounded waiter FIFOs, interrupts that only ever pop process 0's waiters, IPC writes that
 * are only logged, no ERROR or STATUS register, and `assert`s that abort the whole device.
 */
import type { Config } from '../../model/config/config.ts';
import { ACK, type Observation, valueObs } from '../../model/result.ts';
import type { ControllerState, Waiter } from '../../model/state.ts';
import type { ControllerDevice } from '../device.ts';
import { ListQueue } from './listQueue.ts';
import { decodeLiteExecutor, LITE_LIMITS, liteOnlineCount } from './liteExecutorDecode.ts';

/** What every access returns once an `assert` has fired. */
const ABORT: Observation = Object.freeze({ kind: 'abort' });
/** A read that returns 0 (empty DEQUEUE, write-only or absent registers, offline pages). */
const ZERO: Observation = Object.freeze({ kind: 'value', value: 0n });

/** One online process's hardware group: its priority scheduler and its external-interrupt handler queues. */
interface ProcessGroup {
  /** `ready[k]`: FIFO of task ids at priority k, for k < min(P, 8). */
  readonly ready: ListQueue<bigint>[];
  /** `eih[d]`: FIFO of tasks of this process waiting for device d, for d < min(D, 16). */
  readonly eih: ListQueue<bigint>[];
}

/**
 * The QEMU design. Indices the configuration does not have but QEMU would accept (a priority in
 * P..7, a device in D..15) are ignored like an absent register, so that every stored task is
 * visible in `abs()`; indices at or above QEMU's own limits abort.
 */
export class LiteExecutor implements ControllerDevice {
  private readonly cfg: Config;
  /** Groups of processes 0 … min(N, 4) − 1, indexed by process. */
  private readonly groups: ProcessGroup[];
  /** Ready FIFOs per group: the configuration's P, at most QEMU's 8. */
  private readonly levels: number;
  /** Waiter FIFOs per group: the configuration's D, at most QEMU's 16. */
  private readonly lines: number;
  /** Set by a failed `assert`: the emulator is gone and every later access fails. */
  private aborted = false;

  constructor(cfg: Config) {
    this.cfg = cfg;
    this.levels = Math.min(cfg.priorities, LITE_LIMITS.priorities);
    this.lines = Math.min(cfg.devices, LITE_LIMITS.devices);
    this.groups = Array.from({ length: liteOnlineCount(cfg) }, () => ({
      ready: Array.from({ length: this.levels }, () => new ListQueue<bigint>()),
      eih: Array.from({ length: this.lines }, () => new ListQueue<bigint>()),
    }));
  }

  /** State outside abs(): whether the emulator aborted (explorer keys). */
  hiddenState(): string {
    return this.aborted ? 'A' : '';
  }

  /** True once an `assert` has fired (for tests and reports). */
  get isAborted(): boolean {
    return this.aborted;
  }

  /** A 64-bit read: DEQUEUE pops the highest-priority task (0 when empty); every other register reads 0. */
  read(addr: bigint): Observation {
    if (this.aborted) return ABORT;
    const t = decodeLiteExecutor(this.cfg, addr);
    switch (t.kind) {
      case 'unrouted':
      case 'offline':
        return ZERO;
      case 'badPage':
        return this.abort();
      case 'register':
        return t.reg === 'DEQUEUE' ? valueObs(this.popReady(t.p)) : ZERO;
    }
  }

  /** A 64-bit write: ENQUEUE_k and IRQ_REGISTER_d append; IPC and absent registers are ignored. */
  write(addr: bigint, data: bigint): Observation {
    if (this.aborted) return ABORT;
    const t = decodeLiteExecutor(this.cfg, addr);
    switch (t.kind) {
      case 'unrouted':
      case 'offline':
        return ACK;
      case 'badPage':
        return this.abort();
      case 'register': {
        const g = this.groups[t.p];
        if (g === undefined) return ACK;
        switch (t.reg) {
          case 'ENQUEUE':
            if (t.index >= LITE_LIMITS.priorities) return this.abort();
            g.ready[t.index]?.push(data); // task 0 is stored too: QEMU does not check it
            return ACK;
          case 'EIH':
            if (t.index >= LITE_LIMITS.devices) return this.abort();
            g.eih[t.index]?.push(data);
            return ACK;
          case 'DEQUEUE':
          case 'IPC':
          case 'NONE':
            return ACK;
        }
      }
    }
  }

  /**
   * An interrupt on `line`: pop the head of *process 0's* waiter FIFO for that line and append
   * it to process 0's priority 0; with no waiter there (or a waiter id 0) nothing happens and
   * nothing is remembered. A line ≥ 16 aborts; QEMU ignores the level, so every call is one pop.
   */
  irq(line: number): Observation {
    if (this.aborted) return ABORT;
    if (line >= LITE_LIMITS.devices) return this.abort();
    const kernel = this.groups[0];
    if (kernel === undefined || !Number.isInteger(line) || line < 0) return ACK;
    const task = kernel.eih[line]?.pop();
    if (task !== undefined && task !== 0n) kernel.ready[0]?.push(task);
    return ACK;
  }

  /**
   * The abstraction (spec §6, §7): ready FIFOs of processes 0–3 as far as N allows; `irqWait[d]`
   * lists process 0's FIFO for d, then process 1's, 2's and 3's, each head first — the order in
   * which QEMU would consider them, although it never pops the others; no pending counts, no IPC,
   * processes 0–3 online, error always 0.
   */
  abs(): ControllerState {
    const { processes: n, priorities: pr, devices: nd, ipcTypes: nt } = this.cfg;
    const ready: bigint[][] = [];
    for (let p = 0; p < n; p++) {
      for (let k = 0; k < pr; k++) ready.push(this.groups[p]?.ready[k]?.toArray() ?? []);
    }
    const irqWait: Waiter[][] = [];
    for (let d = 0; d < nd; d++) {
      const ws: Waiter[] = [];
      this.groups.forEach((g, p) => {
        for (const task of g.eih[d]?.toArray() ?? []) ws.push({ p, task });
      });
      irqWait.push(ws);
    }
    return {
      ready,
      irqWait,
      irqPending: new Array<number>(nd).fill(0),
      ipcWait: Array.from({ length: n * nt }, () => []),
      ipcPending: new Array<number>(n * nt).fill(0),
      online: Array.from({ length: n }, (_, p) => p < LITE_LIMITS.onlineProcesses),
      error: 0,
    };
  }

  /** `ps_pop`: the head of the lowest-numbered non-empty ready FIFO of p, or 0. */
  private popReady(p: number): bigint {
    for (const q of this.groups[p]?.ready ?? []) {
      const task = q.pop();
      if (task !== undefined) return task;
    }
    return 0n;
  }

  /** A failed `assert`: the device is gone from now on. */
  private abort(): Observation {
    this.aborted = true;
    return ABORT;
  }
}
