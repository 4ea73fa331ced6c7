/**
 * One hart's executor loop (research/ats-intc.md §6.1): read DEQUEUE of its process; run a task
 * it may run; when the poll returns, stop running the task, then perform its return action
 * (spec §4.2 rule 3: registration happens only after the hart stopped running the task). Each
 * MMIO access is one call; an access that does not complete wedges the hart for good. Given a
 * {@link RuntimeMutation}, the loop has that seeded bug (protocols/wakeup/mutants/wakeupMutants.ts).
 */
import type { IrqRegister } from '../../controller/model/events.ts';
import type { PollOutcome } from '../model/events.ts';
import { type HartPhase, type HartState, IDLE_HART } from '../model/state.ts';
import { type Bus, type BusAccess, failed } from './bus.ts';
import type { Coroutine, ReturnAction } from './coroutine.ts';
import type { Kernel } from './kernel.ts';
import type { RuntimeMutation } from './mutation.ts';

/** What one executor step did: its access (null for a software step) and the task it concerned. */
export interface ExecutorStep {
  readonly access: BusAccess | null;
  readonly task: bigint;
}

const NO_ACTION: ReturnAction = Object.freeze({ kind: 'none' });

export class Executor {
  readonly hart: number;
  private readonly bus: Bus;
  private readonly kernel: Kernel;
  phase: HartPhase = 'fetch';
  /** The process whose executor this hart runs, -1 when idle. */
  process = 0;
  /** The task it runs or still owes a return action to. */
  current: Coroutine | null = null;
  /** The return action owed to `current` while `returning`. */
  private pending: ReturnAction = NO_ACTION;
  /** The seeded bug, or undefined for the reference runtime. */
  private readonly mutation: RuntimeMutation | undefined;
  /** `double-wake`: the first of the two ENQUEUE writes of the current yield was performed. */
  private wokenOnce = false;
  /** The last hart state handed out: returned again while phase, process and task are unchanged. */
  private snapshot: HartState = IDLE_HART;

  constructor(hart: number, bus: Bus, kernel: Kernel, mutation?: RuntimeMutation) {
    this.hart = hart;
    this.bus = bus;
    this.kernel = kernel;
    this.mutation = mutation;
  }

  /**
   * An independent copy of this executor on the copied runtime's `bus` and `kernel` (a copy of
   * `from`): its task is the copied kernel's coroutine standing where its own stands in `from`.
   * Return actions and hart states are never modified, so they are shared.
   */
  copy(bus: Bus, kernel: Kernel, from: Kernel): Executor {
    const x = new Executor(this.hart, bus, kernel, this.mutation);
    x.phase = this.phase;
    x.process = this.process;
    x.current = this.current === null ? null : kernel.counterpart(from, this.current);
    x.pending = this.pending;
    x.wokenOnce = this.wokenOnce;
    x.snapshot = this.snapshot;
    return x;
  }

  /**
   * This executor's state outside {@link state} (key material for the explorer, one short
   * string): the return action owed (kind, process, priority or device, task), the `double-wake`
   * flag, the process and task of an idle hart (which `state()` shows as IDLE_HART), and a task
   * that is not the kernel's coroutine of its id, with its record (never so by construction:
   * `fetch` takes the kernel's own). Everything else the executor holds is either in `state()`
   * (phase, process, task id), fixed for its lifetime (hart, mutation, bus, kernel) or a cache.
   */
  hiddenState(): string {
    const a = this.pending;
    let s =
      a.kind === 'none'
        ? '-'
        : a.kind === 'enqueue'
          ? `e${a.write.p}.${a.write.prio}.${a.write.task}`
          : `r${a.write.p}.${a.write.device}.${a.write.task}`;
    if (this.wokenOnce) s += 'w';
    const c = this.current;
    if (this.phase === 'idle') s += `i${this.process}.${c === null ? 0n : c.id}`;
    if (c !== null && this.kernel.task(c.id) !== c) {
      const r = c.record();
      s += `?${r.life}.${r.p}.${r.prio}.${r.handlerOf}.${r.waitsOn}`;
    }
    return s;
  }

  /** The kernel puts this hart on process p's executor, looking for work. */
  switchTo(p: number): void {
    this.phase = 'fetch';
    this.process = p;
  }

  /** The kernel takes this hart off its process. */
  park(): void {
    this.phase = 'idle';
    this.process = -1;
  }

  /** Reads DEQUEUE; runs the task read if it is a live task of this process not running elsewhere. */
  fetch(): ExecutorStep {
    const a = this.bus.access({ type: 'Dequeue', p: this.process });
    if (failed(a.obs)) {
      this.phase = 'wedged';
      return { access: a, task: 0n };
    }
    const t = a.obs.kind === 'value' ? a.obs.value : 0n;
    const c = this.kernel.task(t);
    // The duplicate guard of the published executor, extended to ids the runtime cannot poll.
    if (c !== undefined && c.process === this.process && (c.life === 'ready' || c.life === 'blocked')) {
      c.start();
      this.current = c;
      this.phase = 'running';
    }
    return { access: a, task: t };
  }

  /** The running task's poll returns with `outcome`: the hart stops running it and owes its return action. */
  poll(outcome: PollOutcome): ExecutorStep {
    const c = this.current;
    if (c === null) throw new Error(`executor ${this.hart}: poll without a task`);
    const action = c.settle(outcome);
    if (action.kind === 'register' && outcome.kind === 'handled') {
      if (this.mutation === 'register-while-running') return this.registerInsidePoll(c, action.write);
      if (this.mutation === 'skip-reregister') return this.leave(c, null);
    }
    this.pending = action;
    if (action.kind === 'none') return this.leave(c, null);
    this.phase = 'returning';
    return { access: null, task: c.id };
  }

  /** `register-while-running`: the handler writes IRQ_REGISTER itself, still running, and owes nothing after. */
  private registerInsidePoll(c: Coroutine, write: IrqRegister): ExecutorStep {
    const a = this.bus.access(write);
    if (failed(a.obs)) {
      this.phase = 'wedged';
      return { access: a, task: c.id };
    }
    return this.leave(c, a);
  }

  /** The hart is done with `c` (no return action owed) and looks for work again. */
  private leave(c: Coroutine, access: BusAccess | null): ExecutorStep {
    this.pending = NO_ACTION;
    this.current = null;
    this.phase = 'fetch';
    return { access, task: c.id };
  }

  /** Performs the return action owed (ENQUEUE or IRQ_REGISTER) and looks for work again. */
  finishReturn(): ExecutorStep {
    const c = this.current;
    const action = this.pending;
    if (c === null || action.kind === 'none') throw new Error(`executor ${this.hart}: no return action owed`);
    if (action.kind === 'enqueue' && this.mutation === 'yield-fast-path') {
      c.start(); // polled again at once: the ENQUEUE and the DEQUEUE in priority order are skipped
      this.pending = NO_ACTION;
      this.phase = 'running';
      return { access: null, task: c.id };
    }
    const a = this.bus.access(action.write);
    if (failed(a.obs)) {
      this.phase = 'wedged';
      return { access: a, task: c.id };
    }
    if (action.kind === 'enqueue' && this.mutation === 'double-wake') {
      this.wokenOnce = !this.wokenOnce;
      if (this.wokenOnce) return { access: a, task: c.id }; // the second wake is still owed
    }
    return this.leave(c, a);
  }

  /** This hart as the model's hart state (the same object while it is unchanged). */
  state(): HartState {
    if (this.phase === 'idle') return IDLE_HART;
    const task = this.current === null ? 0n : this.current.id;
    const s = this.snapshot;
    if (s.phase === this.phase && s.p === this.process && s.task === task) return s;
    const h: HartState = { phase: this.phase, p: this.process, task };
    this.snapshot = h;
    return h;
  }
}
