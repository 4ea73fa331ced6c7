/**
 * The executable software runtime of the wakeup system over any controller device: H executors
 * (one per hart), the coroutines, and a tiny kernel, all driving the device through `drive()`
 * one access at a time. It takes the same events as the model's `step` (protocols/wakeup/model/events.ts)
 * and decides from its own state alone (never from the device's) whether an event is possible;
 * `abs()` maps its state plus the device's `abs()` to the model's system state, on which the
 * properties are evaluated. Over a device that follows the spec, it steps exactly like the model.
 * Given a {@link RuntimeMutation} it is that wakeup mutant instead (protocols/wakeup/mutants/wakeupMutants.ts).
 */

import type { ControllerDevice } from '../../controller/designs/device.ts';
import { type Driver, drive } from '../../controller/designs/drive.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerEvent } from '../../controller/model/events.ts';
import type { Observation } from '../../controller/model/result.ts';
import { type DrainOutcome, drainSubject } from '../model/drain.ts';
import type { PollOutcome, SystemEvent } from '../model/events.ts';
import { type Rejected, rejected } from '../model/result.ts';
import { type HartState, inRange, type SystemState } from '../model/state.ts';
import { type Bus, type BusAccess, deviceBus } from './bus.ts';
import { Executor } from './executor.ts';
import { Kernel } from './kernel.ts';
import type { RuntimeMutation } from './mutation.ts';
import { runtimeEnabled } from './runtimeEnabled.ts';

/** What one event did on the runtime: accepted (its access and observation, the task concerned), or rejected. */
export type RuntimeStepResult =
  | {
      readonly kind: 'accepted';
      /** The controller access or interrupt performed, or null for a software step. */
      readonly access: ControllerEvent | null;
      readonly obs: Observation | null;
      readonly task: bigint;
    }
  | Rejected;

function accepted(a: BusAccess | null, task: bigint): RuntimeStepResult {
  return { kind: 'accepted', access: a?.access ?? null, obs: a?.obs ?? null, task };
}

export class SoftwareRuntime {
  readonly cfg: Config;
  readonly device: ControllerDevice;
  /** How an event becomes register accesses on the device (the design's driver). */
  readonly driver: Driver;
  readonly kernel: Kernel;
  readonly executors: readonly Executor[];
  /** The seeded bug, or undefined for the reference runtime. */
  readonly mutation: RuntimeMutation | undefined;
  private readonly bus: Bus;
  /** The last abs() handed out (never modified after): returned again while nothing changed. */
  private snapshot: SystemState | undefined;

  /**
   * A runtime over `device` (at reset), after start-up: handlers registered, harts on process 0.
   * Given `from` (see {@link copy}), a copy of `from` over `device` instead, with no start-up.
   */
  constructor(
    cfg: Config,
    device: ControllerDevice,
    mutation?: RuntimeMutation,
    from?: SoftwareRuntime,
    driver: Driver = from?.driver ?? drive,
  ) {
    this.cfg = cfg;
    this.device = device;
    this.mutation = mutation;
    this.driver = driver;
    this.bus = deviceBus(cfg, device, driver);
    if (from !== undefined) {
      const kernel = from.kernel.copy(this.bus);
      this.kernel = kernel;
      this.executors = from.executors.map((x) => x.copy(this.bus, kernel, from.kernel));
      this.snapshot = from.snapshot;
      return;
    }
    this.kernel = new Kernel(cfg, this.bus);
    this.executors = Array.from(
      { length: cfg.harts },
      (_, h) => new Executor(h, this.bus, this.kernel, mutation),
    );
    this.kernel.boot();
  }

  /**
   * An independent copy of this runtime over `device`, a copy of its device in the same state
   * (the explorer's branching: it copies the device with `ControllerDevice.copy` when it has
   * one). The abstraction caches are shared: they are never modified once handed out.
   */
  copy(device: ControllerDevice): SoftwareRuntime {
    return new SoftwareRuntime(this.cfg, device, this.mutation, this);
  }

  /**
   * The runtime's own state outside {@link abs} (key material for the explorer, like the
   * device's `hiddenState`): the kernel's status bits and each executor's return action owed and
   * flags (Kernel.hiddenState, Executor.hiddenState). With abs(), the device's abs() and its
   * hiddenState, this determines everything the runtime does later.
   */
  hiddenState(): string {
    let s = this.kernel.hiddenState();
    for (const x of this.executors) s += `|${x.hiddenState()}`;
    return s;
  }

  /** Performs one system event, or rejects it (for the same reason the model's `step` would). */
  apply(e: SystemEvent): RuntimeStepResult {
    const { cfg, kernel } = this;
    switch (e.type) {
      case 'Irq':
        return inRange(e.line, cfg.devices) ? accepted(this.bus.access(e), 0n) : rejected('outOfRange');
      case 'StatusWrite': {
        if (!inRange(e.p, cfg.processes)) return rejected('outOfRange');
        if ((e.data !== 0n && e.data !== 1n) || kernel.isOnline(e.p) === (e.data === 1n)) {
          return rejected('statusUnchanged');
        }
        if (e.data === 0n && this.executors.some((x) => x.process === e.p)) return rejected('hartOnProcess');
        return accepted(kernel.setStatus(e.p, e.data === 1n), 0n);
      }
      case 'Spawn': {
        if (!inRange(e.p, cfg.processes) || !inRange(e.prio, cfg.priorities)) return rejected('outOfRange');
        if (kernel.nextFreeId() === 0n) return rejected('poolExhausted');
        if (kernel.liveIn(e.p) >= cfg.capacity) return rejected('processFull');
        const r = kernel.spawn(e.p, e.prio);
        return accepted(r, r.task);
      }
      default:
        return this.hartStep(e);
    }
  }

  /** One step of one hart's executor, or the kernel moving a hart. */
  private hartStep(e: Exclude<SystemEvent, { type: 'Irq' | 'StatusWrite' | 'Spawn' }>): RuntimeStepResult {
    const x = this.executors[e.hart];
    if (x === undefined || !inRange(e.hart, this.cfg.harts)) return rejected('outOfRange');
    switch (e.type) {
      case 'HartSwitch':
        if (x.phase !== 'idle' && x.phase !== 'fetch') return rejected('wrongPhase');
        if (!this.maySwitch(x, e.p)) return rejected('targetNotRunnable');
        x.switchTo(e.p);
        return accepted(null, 0n);
      case 'HartPark':
        if (x.phase !== 'fetch') return rejected('wrongPhase');
        x.park();
        return accepted(null, 0n);
      case 'HartFetch': {
        if (x.phase !== 'fetch') return rejected('wrongPhase');
        const r = x.fetch();
        return accepted(r.access, r.task);
      }
      case 'HartPoll': {
        if (x.phase !== 'running') return rejected('wrongPhase');
        if (!this.mayReturn(x, e.outcome)) return rejected('outcomeNotAllowed');
        const r = x.poll(e.outcome); // an access only under `register-while-running`
        return accepted(r.access, r.task);
      }
      case 'HartReturn': {
        if (x.phase !== 'returning') return rejected('wrongPhase');
        const r = x.finishReturn();
        return accepted(r.access, r.task);
      }
    }
  }

  /** Whether the kernel puts `x` on process p: an online process other than its own (`run-offline`: any). */
  maySwitch(x: Executor, p: number): boolean {
    if (!inRange(p, this.cfg.processes) || x.process === p) return false;
    return this.mutation === 'run-offline' || this.kernel.isOnline(p);
  }

  /** Whether the task running on `x` can return with `outcome` (handlers only handle; blocks need room). */
  mayReturn(x: Executor, outcome: PollOutcome): boolean {
    const c = x.current;
    if (c === null) return false;
    if (c.isHandler) return outcome.kind === 'handled';
    if (outcome.kind === 'handled') return false;
    if (outcome.kind !== 'block') return true;
    return (
      inRange(outcome.device, this.cfg.devices) && this.kernel.claimsOn(outcome.device) < this.cfg.waitDepth
    );
  }

  /** The events this runtime accepts now, in the model's `enabled` order. */
  enabled(): SystemEvent[] {
    return runtimeEnabled(this);
  }

  /**
   * The abstraction function: the runtime's harts and tasks, and the device's `abs()`, as the
   * model's system state. Incremental like the model's step: an unchanged hart list or task table
   * is the previous one itself, a changed one is copied on write, and when nothing changed the
   * previous state object is returned.
   */
  abs(): SystemState {
    const ctrl = this.device.abs();
    const tasks = this.kernel.records();
    const last = this.snapshot;
    const harts = this.hartStates(last?.harts);
    if (last !== undefined && last.ctrl === ctrl && last.harts === harts && last.tasks === tasks) return last;
    const s: SystemState = { ctrl, harts, tasks };
    this.snapshot = s;
    return s;
  }

  /** The harts' states: `prev` itself when every hart's state is unchanged, else a copy with the changes. */
  private hartStates(prev: readonly HartState[] | undefined): readonly HartState[] {
    const xs = this.executors;
    let out: HartState[] | undefined;
    for (let h = 0; h < xs.length; h++) {
      const x = xs[h];
      if (x === undefined) continue;
      const st = x.state();
      if (prev !== undefined && prev[h] === st) continue;
      out ??= prev === undefined ? new Array<HartState>(xs.length) : prev.slice();
      out[h] = st;
    }
    return out ?? prev ?? [];
  }

  /** The §6 drain (protocols/wakeup/model/drain.ts) run on this runtime: the same round-robin policy as the model's. */
  drain(): DrainOutcome {
    return drainSubject(this.cfg, { state: () => this.abs(), apply: (e) => this.apply(e) });
  }
}
