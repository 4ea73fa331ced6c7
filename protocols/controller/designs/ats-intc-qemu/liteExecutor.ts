/**
 * The QEMU device of ATS-INTC ("lite executor", upstream ats-intc-qemu at 1b7901c7, spec/controller.md
 * §7) as it is written, modelled clean-room from hw/ats/riscv_lite_executor.c, hw/ats/util.c
 * and include/hw/ats/riscv_lite_executor.h (cited by file:line beside each behaviour): four queue groups of 8
 * unbounded ready queues and 16 unbounded waiter queues, pages 0–3 online for good, no ERROR,
 * STATUS, pending count or IPC, asserts that stop the emulator, and one write outside its arrays.
 *
 * Readings where the spec's summary and the code differ are marked "Reading:" and listed in
 * docs/controller.md (Where §7 and the code part); the code wins.
 */
import type { Config } from '../../model/config/config.ts';
import { ACK, type Observation, valueObs } from '../../model/result.ts';
import type { ControllerState, Waiter } from '../../model/state.ts';
import type { ControllerDevice } from '../device.ts';
import { ListQueue } from './listQueue.ts';
import { decodeLite, LITE } from './liteExecutorDecode.ts';

const ABORT: Observation = Object.freeze({ kind: 'abort' });
const UNDEFINED: Observation = Object.freeze({ kind: 'undefined' });
const ZERO: Observation = Object.freeze({ kind: 'value', value: 0n });

/**
 * One queue group, allocated at realize for groups 0–3 whatever the configuration says
 * (riscv_lite_executor.c:241-250): a priority scheduler of 8 ready queues (util.c:63-69) and an
 * external-interrupt handler of 16 waiter queues (util.c:97-103).
 */
interface LiteGroup {
  readonly ready: readonly ListQueue[];
  readonly eih: readonly ListQueue[];
}

/**
 * Whether the emulator still runs: an `assert` stops it (`aborted`); a write past the waiter
 * array (`corrupted`) leaves it in a state the code does not define.
 */
export type LiteStatus = 'running' | 'aborted' | 'corrupted';

function freshGroup(): LiteGroup {
  return {
    ready: Array.from({ length: LITE.taskQueues }, () => new ListQueue()),
    eih: Array.from({ length: LITE.lines }, () => new ListQueue()),
  };
}

function copyGroup(g: LiteGroup): LiteGroup {
  return { ready: g.ready.map((q) => q.copy()), eih: g.eih.map((q) => q.copy()) };
}

/**
 * The QEMU device. Its sizes are its own, not the configuration's: with N < 4, P < 8 or D < 16
 * the device still has 4 groups, 8 priorities and 16 lines. What it holds beyond the
 * configuration (a group ≥ N, a priority ≥ P, a line ≥ D: reached only by writes the
 * configuration calls wrong) has no place in the §3 state: `abs()` leaves it out and
 * `hiddenState()` carries it, so the properties see such a task vanish at its write and appear
 * from nowhere at the DEQUEUE that returns it.
 */
export class LiteExecutor implements ControllerDevice {
  private readonly cfg: Config;
  /** Groups 0–3; page p < 4 uses group p (riscv_lite_executor.c:238). */
  private readonly groups: readonly LiteGroup[];
  private status: LiteStatus;

  /** The device at realize; given `from`, an independent copy of it. */
  constructor(cfg: Config, from?: LiteExecutor) {
    this.cfg = cfg;
    this.groups =
      from === undefined ? Array.from({ length: LITE.groups }, freshGroup) : from.groups.map(copyGroup);
    this.status = from === undefined ? 'running' : from.status;
  }

  /** An independent copy of this device (ControllerDevice.copy, for the explorer). */
  copy(): LiteExecutor {
    return new LiteExecutor(this.cfg, this);
  }

  /** Whether the emulator runs, has aborted, or has written outside its arrays (for tests and reports). */
  get outcome(): LiteStatus {
    return this.status;
  }

  /** A 64-bit read: DEQUEUE pops (0 when empty); every other register of an online page reads 0. */
  read(addr: bigint): Observation {
    if (this.status !== 'running') return this.ended();
    const a = decodeLite(this.cfg, addr);
    switch (a.kind) {
      case 'unrouted':
      case 'offline':
        return ZERO;
      case 'badPage':
        return this.abort(); // riscv_lite_executor.c:51
      case 'dequeue':
        return valueObs(this.popReady(a.group)); // riscv_lite_executor.c:68-75
      // Reading: §7's "k ≥ 8 asserts" holds for a write only (:142); a read of 0x008–0x7FF returns 0.
      case 'enqueue': // riscv_lite_executor.c:77-83: no assert on a read, whatever the index
      case 'ipc': // riscv_lite_executor.c:85-100
      case 'eih': // riscv_lite_executor.c:101-108: no array is indexed on a read
        return ZERO;
    }
  }

  /** A 64-bit write: ENQUEUE_k and the waiter area push; IPC and DEQUEUE writes are only logged. */
  write(addr: bigint, data: bigint): Observation {
    if (this.status !== 'running') return this.ended();
    const a = decodeLite(this.cfg, addr);
    switch (a.kind) {
      case 'unrouted':
      case 'offline':
        return ACK;
      case 'badPage':
        return this.abort(); // riscv_lite_executor.c:122
      // Reading: §7 is silent on a write to DEQUEUE; the code only logs it (:134-137): no effect.
      case 'dequeue': // riscv_lite_executor.c:134-137: logged only
      case 'ipc': // riscv_lite_executor.c:152-165: IPC_SEND, IPC_REGISTER logged only: no IPC at all
        return ACK;
      case 'enqueue': {
        // riscv_lite_executor.c:142: assert(enqueue_index < MAX_TASK_QUEUE): ENQUEUE_8 (0x048)
        // up to ENQUEUE_254 (0x7F8) stop QEMU.
        if (a.queue >= LITE.taskQueues) return this.abort();
        // riscv_lite_executor.c:147, util.c:71-75: any value is appended, 0 included.
        this.group(a.group).ready[a.queue]?.push(data);
        return ACK;
      }
      case 'eih': {
        // riscv_lite_executor.c:168-175, util.c:105-109: `&eih->interrupt_queues[intr_num]`
        // with no bound check on an array of 16 (util.c:98): line 16..223 (0x980–0xFF8, ERROR
        // and STATUS included) links an entry through memory past the array.
        if (a.line >= LITE.lines) return this.corrupt();
        this.group(a.group).eih[a.line]?.push(data);
        return ACK;
      }
    }
  }

  /**
   * One suite interrupt: a pulse on line `line`, raised then lowered. QEMU calls the GPIO
   * handler on every qemu_set_irq, raise and lower alike, and the handler ignores `level`
   * (riscv_lite_executor.c:195-215), so one pulse is two calls and each pops: group 0's waiter
   * queue for the line, whatever page registered (:203, "all interrupts go to process 0"), into
   * group 0's priority 0 (:205-210), unless the popped value is 0 (:204: an empty queue and a
   * stored 0 look alike, and both are dropped). Nothing counts an interrupt that finds nobody.
   */
  irq(line: number): Observation {
    if (this.status !== 'running') return this.ended();
    // Reading: lines 0–15 are all wired (num-sources, :262, is the board's); a line ≥ 16 asserts (§7).
    // Reading: each call is one atomic step (QEMU's global lock), though eih_pop (:203) takes no lock.
    for (let call = 0; call < 2; call++) {
      if (line >= LITE.lines) return this.abort(); // riscv_lite_executor.c:202: assert(irq < 16)
      const kernel = this.group(0);
      const handler = kernel.eih[line]?.pop() ?? 0n;
      if (handler !== 0n) kernel.ready[0]?.push(handler);
    }
    return ACK;
  }

  /**
   * A step of software that makes no access (the driver's STATUS write, atsIntcQemu.ts): it
   * completes while the emulator runs, and fails like any access once it has stopped.
   */
  noAccess(): Observation {
    return this.status === 'running' ? ACK : this.ended();
  }

  /**
   * The abstraction (spec §6, §7): `ready[p][k]` is group p's queue k for p < min(N, 4), k < min(P, 8);
   * `irqWait[d]` (d < min(D, 16)) lists group 0's waiters for d, then group 1's, 2's and 3's, each
   * head first: the order an interrupt could reach them (it only ever pops group 0's); no pending
   * counts, no IPC, pages 0–3 online, no error bits.
   */
  abs(): ControllerState {
    const { processes: n, priorities: pr, devices: nd, ipcTypes: nt } = this.cfg;
    // Reading: groups ≥ N, priorities ≥ P and lines ≥ D stay out of abs(); hiddenState() carries them.
    const ready: bigint[][] = [];
    for (let p = 0; p < n; p++) {
      const g = this.groups[p];
      for (let k = 0; k < pr; k++) ready.push(g?.ready[k]?.toArray() ?? []);
    }
    // Reading: irqWait[d] is group 0's FIFO, then groups 1–3's (§7 does not place the never-woken ones).
    const irqWait: Waiter[][] = [];
    for (let d = 0; d < nd; d++) {
      const ws: Waiter[] = [];
      for (let p = 0; p < Math.min(n, LITE.groups); p++) {
        for (const task of this.groups[p]?.eih[d]?.toArray() ?? []) ws.push({ p, task });
      }
      irqWait.push(ws);
    }
    return {
      ready,
      irqWait,
      irqPending: new Array<number>(nd).fill(0),
      ipcWait: Array.from({ length: n * nt }, () => []),
      ipcPending: new Array<number>(n * nt).fill(0),
      online: Array.from({ length: n }, (_, p) => p < LITE.groups),
      error: 0,
    };
  }

  /**
   * State outside abs() (explorer keys): whether the emulator stopped, and every queue abs()
   * cannot show (a group ≥ N, a priority ≥ P, a line ≥ D), as `g.k:ids`.
   */
  hiddenState(): string {
    const { processes: n, priorities: pr, devices: nd } = this.cfg;
    let s = this.status === 'running' ? '' : this.status;
    this.groups.forEach((g, p) => {
      g.ready.forEach((q, k) => {
        if (q.length > 0 && (p >= n || k >= pr)) s += `|r${p}.${k}:${q.toArray().join(',')}`;
      });
      g.eih.forEach((q, d) => {
        if (q.length > 0 && (p >= n || d >= nd)) s += `|w${p}.${d}:${q.toArray().join(',')}`;
      });
    });
    return s;
  }

  /** Group `g` (0–3, as decoded). */
  private group(g: number): LiteGroup {
    const group = this.groups[g];
    if (group === undefined) throw new Error(`LiteExecutor: no queue group ${g}`);
    return group;
  }

  /**
   * `ps_pop` (util.c:77-93): the head of the lowest-numbered non-empty ready queue of the group,
   * a stored 0 included (it is popped and reads as 0); 0 when every queue is empty.
   */
  private popReady(g: number): bigint {
    for (const q of this.group(g).ready) if (q.length > 0) return q.pop();
    return 0n;
  }

  /** A failed `assert`: QEMU stops, and no later access completes. */
  private abort(): Observation {
    this.status = 'aborted';
    return ABORT;
  }

  /** A write outside the device's own arrays: nothing after it is defined. */
  private corrupt(): Observation {
    this.status = 'corrupted';
    return UNDEFINED;
  }

  /** What every access returns once the emulator stopped or its memory was corrupted. */
  private ended(): Observation {
    return this.status === 'aborted' ? ABORT : UNDEFINED;
  }
}
