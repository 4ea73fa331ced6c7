/**
 * The executable syscall runtime (spec/controller.md §4.2) over any controller device: the
 * shared request rings (free-running indices), the callers, service and reply dispatchers, and a
 * tiny kernel (STATUS writes), driving the device one register access at a time through
 * `drive()`. Harts are not bound to coroutines: any coroutine that is running may take the next
 * step (harts interleave freely), and a process goes offline and online in the middle of calls.
 * It takes the model's events, decides from its own state alone whether an event is possible,
 * and `abs()` maps its state plus the device's to the model's state. Given a
 * {@link SyscallRuntimeMutation} it is that mutant instead.
 */

import type { ControllerDevice } from '../../controller/designs/device.ts';
import { type Driver, drive } from '../../controller/designs/drive.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerEvent } from '../../controller/model/events.ts';
import type { Observation } from '../../controller/model/result.ts';
import { type Bus, deviceBus } from '../../wakeup/runtime/bus.ts';
import { syscallBootWrites } from '../model/boot.ts';
import type { AgentEvent, SyscallEvent } from '../model/events.ts';
import {
  type AgentKind,
  agentOfTask,
  type Layout,
  layoutOf,
  REPLY_TYPE,
  SERVICE_TYPE,
} from '../model/layout.ts';
import { type SyscallRejected, syscallRejected } from '../model/result.ts';
import {
  type AgentPhase,
  type AgentState,
  execute,
  FREE_SLOT,
  inRange,
  type Slot,
  type SyscallState,
} from '../model/state.ts';
import type { SyscallRuntimeMutation } from './mutation.ts';
import { SharedRings } from './sharedRings.ts';

/** What one event did: accepted (its access and observation), or rejected. */
export type SyscallRuntimeResult =
  | { readonly kind: 'accepted'; readonly access: ControllerEvent | null; readonly obs: Observation | null }
  | SyscallRejected;

interface MutAgent {
  phase: AgentPhase;
  slot: number;
  req: number;
  /** take-without-cas: the slot read in the first half of a take, else -1. */
  seen: number;
  /** one-request-per-wake: requests taken since the dispatcher was dequeued. */
  served: number;
}

/** The roles that take each agent event. */
const ROLES: Readonly<Record<AgentEvent['type'], readonly AgentKind[]>> = {
  Call: ['caller'],
  Publish: ['caller'],
  Signal: ['caller'],
  Read: ['caller'],
  Take: ['service'],
  Complete: ['service'],
  Reply: ['service'],
  Wake: ['reply'],
  Park: ['service', 'reply'],
  Return: ['service', 'reply'],
};

/** The phase each agent event needs its agent in. */
const NEEDS: Readonly<Record<AgentEvent['type'], AgentPhase>> = {
  Call: 'idle',
  Publish: 'filling',
  Signal: 'submitted',
  Read: 'reading',
  Take: 'running',
  Complete: 'running',
  Reply: 'running',
  Wake: 'running',
  Park: 'running',
  Return: 'returning',
};

const SOFTWARE: SyscallRuntimeResult = Object.freeze({ kind: 'accepted', access: null, obs: null });
const no = syscallRejected;

export class SyscallRuntime {
  readonly cfg: Config;
  readonly device: ControllerDevice;
  /** How an event becomes register accesses on the device (the design's driver). */
  readonly driver: Driver;
  readonly mutation: SyscallRuntimeMutation | undefined;
  private readonly bus: Bus;
  private readonly layout: Layout;
  private readonly rings: SharedRings;
  private readonly agents: MutAgent[];
  private readonly online: boolean[];
  /** Per process: its callers in the order they parked awaiting a reply. */
  private readonly awaiting: number[][];
  /** The last abs() handed out (never modified after), and whether nothing was accepted since. */
  private snapshot: SyscallState | undefined;
  private fresh = false;

  /**
   * A runtime over `device` at reset, after the boot writes; given `from` (see {@link copy}), a
   * copy of `from` over `device` instead, with no boot writes.
   */
  constructor(
    cfg: Config,
    device: ControllerDevice,
    mutation?: SyscallRuntimeMutation,
    from?: SyscallRuntime,
    driver: Driver = from?.driver ?? drive,
  ) {
    this.cfg = cfg;
    this.device = device;
    this.mutation = mutation;
    this.driver = driver;
    this.bus = deviceBus(cfg, device, driver);
    this.layout = layoutOf(cfg);
    if (from !== undefined) {
      this.rings = from.rings.copy(cfg);
      this.agents = from.agents.map((x) => ({
        phase: x.phase,
        slot: x.slot,
        req: x.req,
        seen: x.seen,
        served: x.served,
      }));
      this.online = from.online.slice();
      this.awaiting = from.awaiting.map((q) => q.slice());
      this.snapshot = from.snapshot;
      this.fresh = from.fresh;
      return;
    }
    this.rings = new SharedRings(cfg, mutation);
    this.agents = this.layout.agents.map((x) => ({
      phase: x.kind === 'caller' ? 'idle' : 'waiting',
      slot: -1,
      req: 0,
      seen: -1,
      served: 0,
    }));
    this.online = Array.from({ length: cfg.processes }, (_, p) => p === 0);
    this.awaiting = Array.from({ length: cfg.processes }, () => []);
    for (const w of syscallBootWrites(cfg)) {
      if (w.type === 'StatusWrite') this.online[w.p] = w.data === 1n;
      this.bus.access(w);
    }
  }

  /**
   * An independent copy of this runtime over `device`, a copy of its device in the same state
   * (the explorer's branching; see SoftwareRuntime.copy). The last abs() is shared.
   */
  copy(device: ControllerDevice): SyscallRuntime {
    return new SyscallRuntime(this.cfg, device, this.mutation, this);
  }

  /**
   * The runtime's own state outside {@link abs} that can change what it does later (key material
   * for the explorer, like the device's `hiddenState`): its status bits, each agent's half-done
   * take (`take-without-cas`), and per process the callers awaiting a reply. Left out because
   * nothing reads them: how many requests a service dispatcher took since it was dequeued (read
   * only by `one-request-per-wake`, which gets whether it took one), and the order callers parked
   * in (read only by `reply-to-queue-head`, which gets it; otherwise the set is listed in caller
   * order). The rings' free-running indices are used only modulo R, and abs() shows them modulo 2R.
   */
  hiddenState(): string {
    let s = '';
    for (const on of this.online) s += on ? '1' : '0';
    const counts = this.mutation === 'one-request-per-wake';
    for (const x of this.agents) s += `|${x.seen}${counts && x.served >= 1 ? '+' : ''}`;
    const ordered = this.mutation === 'reply-to-queue-head';
    for (const q of this.awaiting) s += `/${(ordered ? q : q.slice().sort((a, b) => a - b)).join(',')}`;
    return s;
  }

  /** Performs one event, or rejects it. */
  apply(e: SyscallEvent): SyscallRuntimeResult {
    const r = this.dispatch(e);
    if (r.kind === 'accepted') this.fresh = false;
    return r;
  }

  private dispatch(e: SyscallEvent): SyscallRuntimeResult {
    const { cfg } = this;
    if (e.type === 'StatusWrite') {
      if (!inRange(e.p, cfg.processes)) return no('outOfRange');
      if ((e.data !== 0n && e.data !== 1n) || this.online[e.p] === (e.data === 1n))
        return no('statusUnchanged');
      if (e.data === 0n && this.busyIn(e.p)) return no('processBusy');
      this.online[e.p] = e.data === 1n;
      return this.mmio(e);
    }
    if (e.type === 'Fetch') {
      if (!inRange(e.p, cfg.processes)) return no('outOfRange');
      return this.online[e.p] === true ? this.fetch(e.p) : no('offline');
    }
    const x = this.agents[e.a];
    const info = this.layout.agents[e.a];
    if (x === undefined || info === undefined) return no('outOfRange');
    if (!ROLES[e.type].includes(info.kind)) return no('outOfRange');
    if (x.phase !== NEEDS[e.type]) return no('wrongPhase');
    switch (e.type) {
      case 'Call':
        return this.call(e.a, info.p, e.target);
      case 'Publish':
        return this.mutation === 'publish-after-signal'
          ? this.send(e.a, info.p, 'submitted')
          : this.publish(e.a, info.p);
      case 'Signal':
        if (this.mutation === 'publish-after-signal') {
          this.publish(e.a, info.p);
          this.park(e.a, info.p);
          return SOFTWARE;
        }
        return this.send(e.a, info.p, 'park');
      case 'Read':
        return this.read(e.a, info.p);
      case 'Take':
        return this.take(e.a, info.p);
      case 'Complete':
        return this.complete(e.a);
      case 'Reply':
        return this.reply(e.a, info.p);
      case 'Wake':
        return this.wake(info.p);
      case 'Park':
        if (!this.nothingLeft(e.a, info.kind === 'service', info.p)) return no('workLeft');
        x.phase = 'returning';
        return SOFTWARE;
      case 'Return': {
        x.phase = 'waiting';
        if (this.mutation === 'park-without-register') return SOFTWARE;
        const ipcType = info.kind === 'reply' ? REPLY_TYPE : SERVICE_TYPE;
        return this.mmio({ type: 'IpcRegister', p: info.p, ipcType, task: info.task });
      }
    }
  }

  private mmio(e: ControllerEvent): SyscallRuntimeResult {
    const a = this.bus.access(e);
    return { kind: 'accepted', access: a.access, obs: a.obs };
  }

  /** Some coroutine of p is on a hart (the kernel does not take p offline then). */
  private busyIn(p: number): boolean {
    return this.layout.agents.some((x, a) => {
      const ph = this.agents[a]?.phase;
      return x.p === p && ph !== 'idle' && ph !== 'awaiting' && ph !== 'woken' && ph !== 'waiting';
    });
  }

  private call(a: number, p: number, target: number): SyscallRuntimeResult {
    if (!this.layout.targets.includes(target)) return no('outOfRange');
    if (this.online[p] !== true) return no('offline');
    const x = this.agents[a];
    if (x === undefined) return no('outOfRange');
    if (!this.rings.hasRoom(p)) return no('ringFull');
    const req = this.freshRequestId(p);
    x.slot = this.rings.alloc(p, { state: 'FILLING', req, requester: a, target, arg: req, result: 0 });
    x.phase = 'filling';
    x.req = req;
    return SOFTWARE;
  }

  private freshRequestId(p: number): number {
    const mine = this.layout.callers[p] ?? [];
    for (let id = 1; id <= mine.length; id++) {
      if (!mine.some((c) => this.agents[c]?.phase !== 'idle' && this.agents[c]?.req === id)) return id;
    }
    return 0;
  }

  private slotOf(a: number, p: number): Slot | undefined {
    const x = this.agents[a];
    return x === undefined ? undefined : this.rings.slot(p, x.slot);
  }

  private publish(a: number, p: number): SyscallRuntimeResult {
    const x = this.agents[a];
    const slot = this.slotOf(a, p);
    if (x === undefined || slot === undefined) return no('outOfRange');
    this.rings.set(p, x.slot, { ...slot, state: 'SUBMITTED' });
    x.phase = 'submitted';
    return SOFTWARE;
  }

  /** The caller's IPC_SEND; then it parks (or, `publish-after-signal`, it still has to publish). */
  private send(a: number, p: number, then: 'park' | 'submitted'): SyscallRuntimeResult {
    const target = this.slotOf(a, p)?.target ?? 0;
    const r = this.mmio({ type: 'IpcSend', p, ipcType: SERVICE_TYPE, target });
    const x = this.agents[a];
    if (x === undefined) return r;
    if (then === 'submitted') x.phase = 'submitted';
    else this.park(a, p);
    return r;
  }

  /** The caller parks awaiting its reply, unless its slot is already DONE (it reads at once). */
  private park(a: number, p: number): void {
    const x = this.agents[a];
    if (x === undefined) return;
    if (this.slotOf(a, p)?.state === 'DONE') {
      x.phase = 'reading';
      return;
    }
    x.phase = 'awaiting';
    this.awaiting[p]?.push(a);
  }

  private fetch(p: number): SyscallRuntimeResult {
    const r = this.mmio({ type: 'Dequeue', p });
    const t = r.kind === 'accepted' && r.obs?.kind === 'value' ? r.obs.value : 0n;
    const a = agentOfTask(this.cfg, t);
    const info = this.layout.agents[a];
    const x = this.agents[a];
    if (info === undefined || x === undefined || info.p !== p) return r;
    if (info.kind !== 'caller' && x.phase === 'waiting') {
      x.phase = 'running';
      x.served = 0;
    } else if (info.kind === 'caller' && x.phase === 'woken') x.phase = 'reading';
    return r;
  }

  private read(a: number, p: number): SyscallRuntimeResult {
    const x = this.agents[a];
    if (x === undefined) return no('outOfRange');
    this.rings.free(p, x.slot);
    x.phase = 'idle';
    x.slot = -1;
    x.req = 0;
    return SOFTWARE;
  }

  private take(a: number, q: number): SyscallRuntimeResult {
    const x = this.agents[a];
    if (x === undefined || x.slot >= 0) return no('wrongPhase');
    if (this.mutation === 'one-request-per-wake' && x.served >= 1) return no('nothingToTake');
    if (this.mutation === 'take-without-cas' && x.seen >= 0) {
      this.rings.setAt(x.seen, { ...(this.rings.at(x.seen) ?? FREE_SLOT), state: 'TAKEN' }); // no compare: blind write
      this.hold(x, x.seen);
      x.seen = -1;
      return SOFTWARE;
    }
    const code = this.rings.submittedFor(q);
    if (code < 0) return no('nothingToTake');
    if (this.mutation === 'take-without-cas') {
      x.seen = code; // the read half: the write comes with the next Take
      return SOFTWARE;
    }
    this.rings.setAt(code, { ...(this.rings.at(code) ?? FREE_SLOT), state: 'TAKEN' }); // compare-and-set: found SUBMITTED just now
    this.hold(x, code);
    return SOFTWARE;
  }

  private hold(x: MutAgent, code: number): void {
    x.slot = code;
    x.req = 0;
    x.served++;
  }

  private complete(a: number): SyscallRuntimeResult {
    const x = this.agents[a];
    if (x === undefined || x.slot < 0 || x.req !== 0) return no('wrongPhase');
    const slot = this.rings.at(x.slot) ?? FREE_SLOT;
    this.rings.setAt(x.slot, { ...slot, state: 'DONE', result: execute(slot.target, slot.arg) });
    x.req = 1;
    return SOFTWARE;
  }

  private reply(a: number, q: number): SyscallRuntimeResult {
    const x = this.agents[a];
    if (x === undefined || x.slot < 0 || x.req !== 1) return no('wrongPhase');
    const R = this.cfg.ringSlots;
    const p = Math.floor(x.slot / R);
    const r = this.mmio({ type: 'IpcSend', p: q, ipcType: REPLY_TYPE, target: p });
    if (this.mutation === 'kernel-frees-slot') this.rings.free(p, x.slot % R);
    x.slot = -1;
    x.req = 0;
    return r;
  }

  /** The first awaiting caller of p whose request is DONE (`reply-to-queue-head`: the longest-awaiting caller, if any is DONE). */
  private wakeable(p: number): number {
    const queue = this.awaiting[p] ?? [];
    const done = queue.filter((c) => {
      const s = this.slotOf(c, p);
      return s !== undefined && s.state === 'DONE' && s.req === this.agents[c]?.req && s.requester === c;
    });
    if (done.length === 0) return -1;
    if (this.mutation === 'reply-to-queue-head') return queue[0] ?? -1;
    return (this.layout.callers[p] ?? []).find((c) => done.includes(c)) ?? -1;
  }

  private wake(p: number): SyscallRuntimeResult {
    const c = this.wakeable(p);
    const x = this.agents[c];
    const info = this.layout.agents[c];
    if (x === undefined || info === undefined) return no('nothingToWake');
    x.phase = 'woken';
    const queue = this.awaiting[p];
    if (queue !== undefined) queue.splice(queue.indexOf(c), 1);
    return this.mmio({ type: 'Enqueue', p, prio: 0, task: info.task });
  }

  private nothingLeft(a: number, service: boolean, p: number): boolean {
    const x = this.agents[a];
    if (x === undefined) return false;
    if (!service) return this.wakeable(p) < 0;
    if (x.slot >= 0 || x.seen >= 0) return false;
    if (this.mutation === 'one-request-per-wake' && x.served >= 1) return true;
    return this.rings.submittedFor(p) < 0;
  }

  /**
   * The abstraction function: rings (indices modulo 2R), agents and the device's abs(),
   * incremental like the model's step: unchanged rings and agent records are the previous ones.
   */
  abs(): SyscallState {
    if (this.snapshot !== undefined && this.fresh) return this.snapshot;
    const last = this.snapshot;
    const prev = last?.agents;
    let agents: AgentState[] | undefined;
    for (let a = 0; a < this.agents.length; a++) {
      const x = this.agents[a];
      const was = prev?.[a];
      if (
        x === undefined ||
        (was !== undefined && was.phase === x.phase && was.slot === x.slot && was.req === x.req)
      )
        continue;
      agents ??= prev === undefined ? new Array<AgentState>(this.agents.length) : prev.slice();
      agents[a] = { phase: x.phase, slot: x.slot, req: x.req };
    }
    const s: SyscallState = {
      ctrl: this.device.abs(),
      rings: this.rings.abs(last?.rings),
      agents: agents ?? prev ?? [],
    };
    this.snapshot = s;
    this.fresh = true;
    return s;
  }
}
