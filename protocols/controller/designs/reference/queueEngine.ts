/**
 * The storage and sequencing half of the reference controller (spec/controller.md §3–§5): fixed
 * rings and counters per process, per device and per (process, IPC type), the occupancy counters
 * that bound them, and the global error register. The bus decoder ({@link ReferenceDevice})
 * calls one method per decoded access; each method applies the §4 check order itself.
 *
 * A mutant (impl/mutants) is this engine with one {@link ControllerMutation} switched on; each
 * switch is one comparison of the `mutation` field at the place the bug lives, and with no
 * mutation every method behaves exactly as the reference.
 *
 * `abs()` is incremental ({@link IncrementalAbs}): it rebuilds only what changed since the
 * previous call and shares everything else with the state that call returned.
 */
import type { Config } from '../../model/config/config.ts';
import { ERR } from '../../model/registers.ts';
import { ACK, type Observation, valueObs } from '../../model/result.ts';
import type { ControllerState } from '../../model/state.ts';
import { type ControllerMutation, readyRingDepth } from '../../mutants/mutation.ts';
import { rotateTailToHead, rotateWaiterTailToHead } from '../../mutants/rotateTailToHead.ts';
import { type EngineTables, IncrementalAbs } from './incrementalAbs.ts';
import { TaskFifo } from './taskFifo.ts';
import { WaiterFifo } from './waiterFifo.ts';

/** Read data 0: a wrong read, an empty DEQUEUE, an offline STATUS. */
export const ZERO: Observation = Object.freeze(valueObs(0n));
/** Read data 1: an online STATUS. */
const ONE: Observation = Object.freeze(valueObs(1n));
/** One constant observation per value of the 4-bit ERROR register. */
const ERROR_VALUES: readonly Observation[] = Array.from({ length: 16 }, (_, v) =>
  Object.freeze(valueObs(BigInt(v))),
);

/** The reference controller's state and its operations, each one atomic step of §4. */
export class QueueEngine {
  private readonly cfg: Config;
  /** `ready[p*P + k]`: ring of depth C, allocated on first use (occupancy keeps p's sum ≤ C). */
  private readonly ready: (TaskFifo | undefined)[];
  /** `occupancy[p]`: ready + waiting tasks of p (§3), the only capacity check (§5). */
  private readonly occupancy: Int32Array;
  /** `irqWait[d]`: ring of depth B of (process, task). */
  private readonly irqWait: readonly WaiterFifo[];
  /** `irqPending[d]`: 0..Q. */
  private readonly irqPending: Int32Array;
  /** `ipcWait[p*T + t]`: ring of depth B, allocated on first use. */
  private readonly ipcWait: (TaskFifo | undefined)[];
  /** `ipcPending[p*T + t]`: 0..Q. */
  private readonly ipcPending: Int32Array;
  /** `online[p]`: the status-table bit, 0 or 1; only the kernel (process 0) at reset. */
  private readonly online: Uint8Array;
  /** The global error register (§5 bits). */
  private error = 0;
  /** The seeded bug, or undefined for the reference design. */
  private readonly mutation: ControllerMutation | undefined;
  /** Depth of each ready ring: C, unless the mutation lets a queue grow past it. */
  private readonly readyDepth: number;
  /** `empty-returns-stale` only: the last value DEQUEUE returned (a stale output register). */
  private stale = 0n;
  /** What changed since the last `abs()`, and the state it returned (abstraction bookkeeping only). */
  private readonly changes: IncrementalAbs;
  /** The tables above, gathered once for `abs()`. */
  private readonly tables: EngineTables;

  /** An engine at reset, or (given `from`, the explorer's branching) an independent copy of `from`. */
  constructor(cfg: Config, mutation?: ControllerMutation, from?: QueueEngine) {
    this.cfg = cfg;
    this.mutation = mutation;
    this.readyDepth = readyRingDepth(cfg, mutation);
    if (from !== undefined) {
      const ch = new IncrementalAbs(cfg, from.changes);
      this.changes = ch;
      this.ready = from.ready.map((f) => f?.copy(ch.ready));
      this.occupancy = from.occupancy.slice();
      this.irqWait = from.irqWait.map((f) => f.copy(ch.irqWait));
      this.irqPending = from.irqPending.slice();
      this.ipcWait = from.ipcWait.map((f) => f?.copy(ch.ipcWait));
      this.ipcPending = from.ipcPending.slice();
      this.online = from.online.slice();
      this.error = from.error;
      this.stale = from.stale;
    } else {
      this.changes = new IncrementalAbs(cfg);
      const n = cfg.processes;
      this.ready = new Array<TaskFifo | undefined>(n * cfg.priorities).fill(undefined);
      this.occupancy = new Int32Array(n);
      const irqWait: WaiterFifo[] = [];
      for (let d = 0; d < cfg.devices; d++)
        irqWait.push(new WaiterFifo(cfg.waitDepth, this.changes.irqWait, d));
      this.irqWait = irqWait;
      this.irqPending = new Int32Array(cfg.devices);
      this.ipcWait = new Array<TaskFifo | undefined>(n * cfg.ipcTypes).fill(undefined);
      this.ipcPending = new Int32Array(n * cfg.ipcTypes);
      this.online = new Uint8Array(n);
      this.online[0] = 1;
    }
    this.tables = {
      ready: this.ready,
      irqWait: this.irqWait,
      irqPending: this.irqPending,
      ipcWait: this.ipcWait,
      ipcPending: this.ipcPending,
      online: this.online,
    };
  }

  /** An independent copy of this engine in its current state (see ReferenceDevice.copy). */
  copy(): QueueEngine {
    return new QueueEngine(this.cfg, this.mutation, this);
  }

  /** §4.3: a wrong access changes nothing but BAD_ACCESS; returns `obs` (0 for a read). */
  badAccess(obs: Observation): Observation {
    this.error |= ERR.BAD_ACCESS;
    return obs;
  }

  /** DEQUEUE: remove and return the head of the lowest-numbered non-empty priority of p, or 0. */
  dequeue(p: number): Observation {
    if (this.mutation !== undefined) return this.mutantDequeue(p, this.mutation);
    const from = p * this.cfg.priorities;
    for (let k = 0; k < this.cfg.priorities; k++) {
      const fifo = this.ready[from + k];
      if (fifo !== undefined && fifo.length > 0) {
        this.occupancy[p] = (this.occupancy[p] ?? 0) - 1;
        return valueObs(fifo.pop());
      }
    }
    return ZERO;
  }

  /** ERROR: return every bit set since the previous read, and clear them (any page). */
  readError(): Observation {
    const bits = this.error;
    if (this.mutation !== 'error-not-cleared') this.error = 0;
    return ERROR_VALUES[bits] ?? valueObs(BigInt(bits));
  }

  /** STATUS read: `online[p]` as 0 or 1. */
  readStatus(p: number): Observation {
    return this.online[p] === 1 ? ONE : ZERO;
  }

  /** STATUS write: bit 0 of the data becomes `online[p]`, other bits are ignored. */
  writeStatus(p: number, data: bigint): Observation {
    const bit = Number(data & 1n);
    if (this.online[p] !== bit) this.changes.online.mark(p);
    this.online[p] = bit;
    return ACK;
  }

  /** ENQUEUE_k: task 0 is wrong; a full process refuses; else append to `ready[p][k]`. */
  enqueue(p: number, k: number, task: bigint): Observation {
    if (task === 0n && this.mutation !== 'zero-task-accepted') return this.badAccess(ACK);
    if (this.refusedFull(p)) return ACK;
    const fifo = this.readyFifo(p, k);
    fifo.push(task);
    if (this.mutation === 'lifo-within-priority') rotateTailToHead(fifo);
    this.occupancy[p] = (this.occupancy[p] ?? 0) + 1;
    return ACK;
  }

  /** IRQ_REGISTER_d (§4.1): consume a pending interrupt at once, else wait in `irqWait[d]`. */
  irqRegister(p: number, d: number, task: bigint): Observation {
    const m = this.mutation;
    if (task === 0n && m !== 'zero-task-accepted') return this.badAccess(ACK);
    if (this.refusedFull(p)) return ACK;
    const pending = this.irqPending[d] ?? 0;
    if (pending > 0 && m === 'pending-drained-not-consumed' && this.irqWait[d]?.full === false) {
      this.setIrqPending(d, pending - 1); // the count is drained, yet the registrant waits
      this.irqWait[d]?.pushWaiter(p, task);
    } else if (pending > 0 && m !== 'register-ignores-pending') {
      if (m !== 'pending-not-decremented') this.setIrqPending(d, pending - 1);
      this.irqWakeFifo(p).push(task);
    } else {
      const fifo = this.irqWait[d];
      if (fifo === undefined || fifo.full) return this.refuseWaitFull();
      fifo.pushWaiter(p, task);
    }
    this.occupancy[p] = (this.occupancy[p] ?? 0) + 1;
    return ACK;
  }

  /** IPC_REGISTER_t (§4.2): consume a pending send at once, else wait in `ipcWait[p][t]`. */
  ipcRegister(p: number, t: number, task: bigint): Observation {
    const m = this.mutation;
    if (task === 0n && m !== 'zero-task-accepted') return this.badAccess(ACK);
    if (this.refusedFull(p)) return ACK;
    const i = p * this.cfg.ipcTypes + t;
    const pending = this.ipcPending[i] ?? 0;
    if (pending > 0 && m !== 'ipc-register-ignores-pending') {
      this.setIpcPending(i, pending - 1);
      this.readyFifo(p, this.wakePriority()).push(task);
    } else {
      const fifo = this.ipcWait[i] ?? this.allocIpcWait(i);
      if (fifo.full) return this.refuseWaitFull();
      fifo.push(task);
    }
    this.occupancy[p] = (this.occupancy[p] ?? 0) + 1;
    return ACK;
  }

  /** An interrupt edge on a wired line d (§4.1): wake the head waiter, else count, else report. */
  interrupt(d: number): Observation {
    const fifo = this.irqWait[d];
    const m = this.mutation;
    if (fifo !== undefined && fifo.length > 0) {
      if (m === 'waiters-out-of-order') rotateWaiterTailToHead(fifo);
      do {
        const p = fifo.headOwner();
        this.irqWakeFifo(p).push(fifo.pop());
      } while (m === 'interrupt-wakes-all' && fifo.length > 0);
    } else if ((this.irqPending[d] ?? 0) < this.cfg.pendingMax) {
      if (m === 'pending-latch' && (this.irqPending[d] ?? 0) > 0) return ACK;
      this.setIrqPending(d, (this.irqPending[d] ?? 0) + 1);
    } else if (m !== 'pending-saturates-silently' && m !== 'pending-latch') {
      this.error |= ERR.PENDING_OVERFLOW;
    }
    return ACK;
  }

  /** IPC_SEND (§4.2) from page p of type t to process q: wake q's head handler of t, else count, else report. */
  send(p: number, t: number, q: number): Observation {
    if (t >= this.cfg.ipcTypes || q >= this.cfg.processes) return this.badAccess(ACK);
    const m = this.mutation;
    const to = m === 'send-uses-sender-page' ? p : q;
    const i = to * this.cfg.ipcTypes + t;
    const fifo = this.ipcWait[i];
    if (fifo !== undefined && fifo.length > 0) {
      this.readyFifo(to, this.wakePriority()).push(fifo.pop());
    } else if (m === 'ipc-send-dropped') {
      // TAIC's one-shot slot: a send that finds no handler is dropped, neither counted nor reported.
    } else if ((this.ipcPending[i] ?? 0) < this.cfg.pendingMax) {
      this.setIpcPending(i, (this.ipcPending[i] ?? 0) + 1);
    } else {
      this.error |= ERR.PENDING_OVERFLOW;
    }
    return ACK;
  }

  /** The occupancy counter of p (tests compare it with the model's `occupancy`). */
  occupancyOf(p: number): number {
    return this.occupancy[p] ?? 0;
  }

  /**
   * State outside abs(): the occupancy counters (a function of the queues unless a mutant leaks
   * them) and the stale output register `empty-returns-stale` answers with.
   */
  hiddenState(): string {
    return `${this.occupancy.join(',')}/${this.stale.toString(16)}`;
  }

  /**
   * The abstraction function: this storage as the model's §3 state. The result is never
   * modified afterwards; what did not change since the previous call is shared with its result.
   */
  abs(): ControllerState {
    return this.changes.state(this.tables, this.error);
  }

  /** Sets `irqPending[d]` and logs the change. */
  private setIrqPending(d: number, n: number): void {
    this.irqPending[d] = n;
    this.changes.irqPending.mark(d);
  }

  /** Sets `ipcPending[i]` and logs the change. */
  private setIpcPending(i: number, n: number): void {
    this.ipcPending[i] = n;
    this.changes.ipcPending.mark(i);
  }

  /** §5: true (and QUEUE_FULL set) when p already holds C tasks. */
  private refusedFull(p: number): boolean {
    const occ = this.occupancy[p] ?? 0;
    const m = this.mutation;
    if (m === 'offline-drops' && this.online[p] === 0) return true;
    if (occ < this.cfg.capacity || (m === 'capacity-off-by-one' && occ === this.cfg.capacity)) return false;
    if (m !== 'full-drops-silently') this.error |= ERR.QUEUE_FULL;
    return true;
  }

  /** §5: a registration that would wait in a full blocked queue. */
  private refuseWaitFull(): Observation {
    this.error |= ERR.WAIT_FULL;
    return ACK;
  }

  /** The ring of `ready[p][k]`, allocated with depth C the first time it is needed. */
  private readyFifo(p: number, k: number): TaskFifo {
    const i = p * this.cfg.priorities + k;
    const fifo = this.ready[i];
    if (fifo !== undefined) return fifo;
    const made = new TaskFifo(this.readyDepth, this.changes.ready, i);
    this.ready[i] = made;
    return made;
  }

  /** The priority a woken task enters: 0, or 1 under `wake-wrong-priority` (when P > 1). */
  private wakePriority(): number {
    return this.mutation === 'wake-wrong-priority' ? Math.min(1, this.cfg.priorities - 1) : 0;
  }

  /** The ready ring a device wake of p's waiter goes to: `ready[p][0]`, unless mutated. */
  private irqWakeFifo(p: number): TaskFifo {
    const m = this.mutation;
    if (m === undefined) return this.readyFifo(p, 0);
    return this.readyFifo(m === 'wake-wrong-process' ? 0 : p, this.wakePriority());
  }

  /**
   * DEQUEUE with a mutation on: `dequeue-wrong-process` reads process (p+1) mod N,
   * `dequeue-lower-priority` scans from the highest-numbered priority, `occupancy-leak` forgets
   * the occupancy decrement, `empty-returns-stale` answers an empty DEQUEUE with the last value.
   */
  private mutantDequeue(p: number, m: ControllerMutation): Observation {
    const P = this.cfg.priorities;
    const q = m === 'dequeue-wrong-process' ? (p + 1) % this.cfg.processes : p;
    for (let j = 0; j < P; j++) {
      const k = m === 'dequeue-lower-priority' ? P - 1 - j : j;
      const fifo = this.ready[q * P + k];
      if (fifo !== undefined && fifo.length > 0) {
        if (m !== 'occupancy-leak') this.occupancy[q] = (this.occupancy[q] ?? 0) - 1;
        const task = fifo.pop();
        this.stale = task;
        return valueObs(task);
      }
    }
    return m === 'empty-returns-stale' ? valueObs(this.stale) : ZERO;
  }

  /** The ring of `ipcWait[i]`, allocated with depth B the first time a handler waits there. */
  private allocIpcWait(i: number): TaskFifo {
    const made = new TaskFifo(this.cfg.waitDepth, this.changes.ipcWait, i);
    this.ipcWait[i] = made;
    return made;
  }
}
