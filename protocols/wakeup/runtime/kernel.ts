/**
 * The runtime's tiny kernel: its task table (one coroutine per task id, or none), its view of the
 * process status table, and the three things it does on the controller: register the interrupt
 * handlers at start-up, spawn a task, and write a process's STATUS. It admits a spawn only while
 * the process's live tasks are below C, and a block only while the device's claims are below B,
 * so no write of the runtime is ever refused by a controller that follows the spec.
 */
import type { Config } from '../../controller/model/config/config.ts';
import { bootWrites } from '../model/boot.ts';
import type { TaskRecord } from '../model/state.ts';
import { FREE_TASK } from '../model/state.ts';
import type { Bus, BusAccess } from './bus.ts';
import { Coroutine } from './coroutine.ts';

export class Kernel {
  private readonly cfg: Config;
  private readonly bus: Bus;
  /** `tasks[id - 1]`: the coroutine with that id (live or done), or undefined if it never existed. */
  private readonly tasks: (Coroutine | undefined)[];
  /** The kernel's own copy of the status bits it wrote (at reset only process 0 is online). */
  private readonly online: boolean[];
  /** The last task table handed out by `records()` (never modified after: copied on write). */
  private snapshot: readonly TaskRecord[] | undefined;

  /** A kernel at reset driving `bus`; given `from` (see {@link copy}), a copy of `from` instead. */
  constructor(cfg: Config, bus: Bus, from?: Kernel) {
    this.cfg = cfg;
    this.bus = bus;
    if (from !== undefined) {
      this.tasks = from.tasks.map((c) => c?.copy());
      this.online = from.online.slice();
      this.snapshot = from.snapshot;
      return;
    }
    this.tasks = new Array<Coroutine | undefined>(cfg.taskPool).fill(undefined);
    this.online = Array.from({ length: cfg.processes }, (_, p) => p === 0);
  }

  /** An independent copy of this kernel driving `bus` (the copied runtime's): coroutines copied, last table shared. */
  copy(bus: Bus): Kernel {
    return new Kernel(this.cfg, bus, this);
  }

  /**
   * The coroutine of this kernel (a copy of `from`) that stands where `c` stands in `from`'s task
   * table, so that a copied executor runs the copied kernel's coroutine; a copy of `c` when `from`
   * does not hold it.
   */
  counterpart(from: Kernel, c: Coroutine): Coroutine {
    const i = from.tasks.indexOf(c);
    return (i < 0 ? undefined : this.tasks[i]) ?? c.copy();
  }

  /**
   * The kernel's state outside the task table `records()` shows: its copy of the status bits,
   * one character per process ('1' online). The coroutines' fields are all in their records.
   */
  hiddenState(): string {
    let s = '';
    for (const on of this.online) s += on ? '1' : '0';
    return s;
  }

  /** Start-up (protocols/wakeup/model/boot.ts): create each device's handler and register it on its device. */
  boot(): void {
    for (const w of bootWrites(this.cfg)) {
      this.tasks[Number(w.task) - 1] = new Coroutine(w.task, w.p, 0, w.device, 'blocked');
      this.bus.access(w);
    }
  }

  /** The coroutine with id `t`, if any (live or done). */
  task(t: bigint): Coroutine | undefined {
    return t >= 1n && t <= BigInt(this.tasks.length) ? this.tasks[Number(t) - 1] : undefined;
  }

  /** Whether the kernel has process p online. */
  isOnline(p: number): boolean {
    return this.online[p] === true;
  }

  /** The lowest id with no live task, or 0n when every id is in use. */
  nextFreeId(): bigint {
    for (let i = 0; i < this.tasks.length; i++) {
      const c = this.tasks[i];
      if (c === undefined || c.life === 'done') return BigInt(i + 1);
    }
    return 0n;
  }

  /** Live (ready, running or blocked) tasks of process p: counted against C. */
  liveIn(p: number): number {
    let n = 0;
    for (const c of this.tasks) if (c !== undefined && c.process === p && c.life !== 'done') n++;
    return n;
  }

  /** Claims on device d's blocked queue: its handler, plus every task blocked on d. Counted against B. */
  claimsOn(d: number): number {
    let n = 0;
    for (const c of this.tasks)
      if (c !== undefined && (c.handlerOf === d || (c.life === 'blocked' && c.waitsOn === d))) n++;
    return n;
  }

  /** Creates a ready task of p at `prio` with the lowest free id and enqueues it (one write). */
  spawn(p: number, prio: number): BusAccess & { readonly task: bigint } {
    const id = this.nextFreeId();
    this.tasks[Number(id) - 1] = new Coroutine(id, p, prio, -1, 'ready');
    const a = this.bus.access({ type: 'Enqueue', p, prio, task: id });
    return { access: a.access, obs: a.obs, task: id };
  }

  /** Writes STATUS of p (one write) and records the bit. */
  setStatus(p: number, on: boolean): BusAccess {
    this.online[p] = on;
    return this.bus.access({ type: 'StatusWrite', p, data: on ? 1n : 0n });
  }

  /**
   * The task table as the model's records: the previous table itself when no record changed,
   * otherwise a copy of it with the changed records replaced (unchanged records are shared).
   */
  records(): readonly TaskRecord[] {
    const prev = this.snapshot;
    let out: TaskRecord[] | undefined;
    for (let i = 0; i < this.tasks.length; i++) {
      const c = this.tasks[i];
      const r = c === undefined ? FREE_TASK : c.record();
      if (prev !== undefined && prev[i] === r) continue;
      out ??= prev === undefined ? new Array<TaskRecord>(this.tasks.length) : prev.slice();
      out[i] = r;
    }
    if (out === undefined && prev !== undefined) return prev;
    const table = out ?? [];
    this.snapshot = table;
    return table;
  }
}
