/**
 * The UINTR hardware a UIPI design's kernel runs on (research §1.5–1.7), shared unchanged by the
 * reference and linux-rfc-v1: UPIDs and UITT entries as 64-bit words in memory at the SDM's bit
 * positions (upidLayout.ts, uittLayout.ts), per-CPU MSRs (UIRR, MISC with UINV, PD = UPIDADDR),
 * UIF, the local APIC's IRR, the IPIs on the wires, SENDUIPI (senduipi.ts), IPI arrival,
 * notification identification and processing steps a and b+c (notification.ts), and a thread's
 * user-level steps (delivery, the handler's body, UIRET, STUI, CLUI: userSteps.ts).
 *
 * A design is a subclass that adds its kernel: which CPUs take interrupts now
 * ({@link takesInterrupts}), what a vector other than the live UINV does when taken (a kernel
 * interrupt, {@link kernelInterrupt}), which thread is at user level ({@link atUser}), its own
 * events and steps ({@link kernelCan}, {@link kernelExec}), and its abstraction to the model's
 * state. The reference's seeded bugs (uipiMutation.ts) switch micro-operations of both layers;
 * other designs run without one. A machine's whole state is in its fields (the explorer
 * fingerprints them) and its copy is the explorer's generic snapshot (which keeps field order, so
 * a copy keys as its original).
 */
import { snapshot } from '../../../../model/snapshot.ts';
import type { UipiConfig } from '../../model/config.ts';
import { ipiEvent, uipiEventTable } from '../../model/enabled.ts';
import type { UipiEvent } from '../../model/events.ts';
import { NOTIFICATION_VECTOR, setBits, type UipiState, uittBinding } from '../../model/state.ts';
import { Memory, uittEntryAddr, upidAddr } from './memory.ts';
import { beginProcessing, notifyDrain } from './notification.ts';
import { sendIpi, senduipi } from './senduipi.ts';
import { type CpuRegs, idleCpu, type SenderRec } from './uipiCpu.ts';
import type { UipiDevice } from './uipiImpl.ts';
import type { UipiMutation } from './uipiMutation.ts';
import { uittValid, uittWithValid, uittWord0 } from './uittLayout.ts';
import { miscUinv, miscWithUinv, upidWord0 } from './upidLayout.ts';
import { type UserStep, type UserThread, userCan, userStep } from './userSteps.ts';

const bitOf = (v: number): bigint => 1n << BigInt(v);

/** One IPI on the wires: destination APIC id and vector. */
export interface Wire {
  readonly dest: number;
  readonly vector: number;
}

/** The events the hardware layer judges and performs itself; a design's kernel gets the rest. */
type HardwareEvent = Extract<
  UipiEvent,
  { type: 'Send' | 'SendIpi' | 'Register' | 'Revoke' | 'IpiArrive' | 'Accept' | 'NotifyDrain' | UserStep }
>;
/** The events a design's kernel judges and performs (its threads' kernel steps, switch-in, ticks, RunOther). */
export type KernelEvent = Exclude<UipiEvent, HardwareEvent>;

/** What a copy shares with its original, per configuration: the configuration itself. */
const SHARING = new WeakMap<UipiConfig, ReadonlySet<object>>();

/** The objects a machine of `cfg` shares with its copies (the configuration, never written). */
function sharedWith(cfg: UipiConfig): ReadonlySet<object> {
  let s = SHARING.get(cfg);
  if (s === undefined) {
    s = new Set<object>([cfg]);
    SHARING.set(cfg, s);
  }
  return s;
}

/** Whether `i` indexes one of `n` things. */
function idx(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}

/** Whether `t` is a user-level step of a thread (the hardware's, whatever the kernel). */
function isUserStep(t: UipiEvent['type']): t is UserStep {
  return t === 'Deliver' || t === 'HandlerBody' || t === 'Uiret' || t === 'Stui' || t === 'Clui';
}

export abstract class UintrMachine implements UipiDevice {
  readonly cfg: UipiConfig;
  /** The seeded bug switched on (the reference's mutants), or none. */
  readonly mutation: UipiMutation | undefined;
  readonly mem = new Memory();
  readonly cpus: CpuRegs[];
  readonly senders: SenderRec[];
  /** IPIs sent and not yet at their APIC, in sending order. */
  readonly wires: Wire[] = [];

  /**
   * uintr_register_handler for every receiver r, running on CPU r at user level: its UPID (NV =
   * the notification vector, NDST = r, SN = `sn`, PIR = `pir`), CPU r's MSRs programmed with UINV
   * `uinv` and PD = the UPID, UIF = 1 (it ran STUI); every UITT slot bound and valid (state.ts
   * uittBinding).
   */
  protected constructor(
    cfg: UipiConfig,
    mutation: UipiMutation | undefined,
    uinv: number,
    sn: boolean,
    pir: bigint,
  ) {
    this.cfg = cfg;
    this.mutation = mutation;
    this.cpus = Array.from({ length: cfg.cpus }, idleCpu);
    for (let r = 0; r < cfg.receivers; r++) {
      this.mem.write(upidAddr(r), upidWord0(false, sn, NOTIFICATION_VECTOR, r));
      this.mem.write(upidAddr(r) + 8n, pir);
      const cpu = this.cpus[r];
      if (cpu !== undefined)
        Object.assign(cpu, { current: r, misc: miscWithUinv(255n, uinv), pd: upidAddr(r), uif: true });
    }
    this.senders = Array.from({ length: cfg.senders }, (_, s) => {
      for (let i = 0; i < cfg.uittSize; i++) {
        const { target, uv } = uittBinding(cfg, s, i);
        this.mem.write(uittEntryAddr(s, i), uittWord0(true, uv));
        this.mem.write(uittEntryAddr(s, i) + 8n, upidAddr(target));
      }
      return { held: null, midSend: null };
    });
  }

  /** The model state this machine stands for (the design's refinement map). */
  abstract abs(): UipiState;
  /** Whether CPU `c` takes a pending interrupt now (beyond not being in the middle of processing). */
  protected abstract takesInterrupts(c: number): boolean;
  /** CPU `c` took `vector`, which is not its live UINV: a kernel interrupt (acked already). */
  protected abstract kernelInterrupt(c: number, vector: number): void;
  /** Receiver r's thread when it runs at user level on a CPU (whose registers are its), else undefined. */
  protected abstract atUser(r: number): { readonly thread: UserThread; readonly cpu: CpuRegs } | undefined;
  /** Whether the kernel's event `e` is possible now. */
  protected abstract kernelCan(e: KernelEvent): boolean;
  /** Performs the kernel's event `e` (possible now). */
  protected abstract kernelExec(e: KernelEvent): void;

  /** Whether mutation `m` is switched on. */
  is(m: UipiMutation): boolean {
    return this.mutation === m;
  }

  /** The events this machine accepts now: IPI arrivals, acceptances, then the event table's order. */
  enabled(): UipiEvent[] {
    const out: UipiEvent[] = [];
    const seen = new Set<number>();
    for (const w of this.wires) {
      const k = w.dest * 256 + w.vector;
      if (!seen.has(k)) out.push(ipiEvent('IpiArrive', k));
      seen.add(k);
    }
    this.cpus.forEach((c, cpu) => {
      for (const v of setBits(c.irr)) {
        const e = ipiEvent('Accept', cpu * 256 + v);
        if (this.can(e)) out.push(e);
      }
    });
    for (const e of uipiEventTable(this.cfg)) if (this.can(e)) out.push(e);
    return out;
  }

  /** An independent copy in the same state. */
  copy(): this {
    return snapshot(this, { objects: sharedWith(this.cfg) });
  }

  /** Performs `e`; false (and nothing changes) when it is not possible now. */
  apply(e: UipiEvent): boolean {
    if (!this.can(e)) return false;
    this.exec(e);
    return true;
  }

  /** Whether `e` is possible now (the instruction's, the APIC's or the kernel's own conditions). */
  can(e: UipiEvent): boolean {
    const { cfg } = this;
    switch (e.type) {
      case 'Send': {
        if (!idx(e.sender, cfg.senders) || !idx(e.index, cfg.uittSize)) return false;
        const sd = this.senders[e.sender];
        return (
          sd?.held === null &&
          sd.midSend === null &&
          uittValid(this.mem.read(uittEntryAddr(e.sender, e.index)))
        );
      }
      case 'SendIpi': {
        const sd = idx(e.sender, cfg.senders) ? this.senders[e.sender] : undefined;
        return sd !== undefined && (sd.held !== null || sd.midSend !== null);
      }
      case 'Register':
      case 'Revoke': {
        if (!idx(e.sender, cfg.senders) || !idx(e.index, cfg.uittSize)) return false;
        return uittValid(this.mem.read(uittEntryAddr(e.sender, e.index))) === (e.type === 'Revoke');
      }
      case 'IpiArrive':
        return this.wires.some((w) => w.dest === e.cpu && w.vector === e.vector);
      case 'Accept': {
        const c = idx(e.cpu, cfg.cpus) ? this.cpus[e.cpu] : undefined;
        if (c === undefined || !idx(e.vector, 256) || ((c.irr >> BigInt(e.vector)) & 1n) === 0n) return false;
        return !c.processing && this.takesInterrupts(e.cpu);
      }
      case 'NotifyDrain':
        return idx(e.cpu, cfg.cpus) && this.cpus[e.cpu]?.processing === true;
      case 'Deliver':
      case 'HandlerBody':
      case 'Uiret':
      case 'Stui':
      case 'Clui': {
        const u = idx(e.receiver, cfg.receivers) ? this.atUser(e.receiver) : undefined;
        return u !== undefined && userCan(u.thread, u.cpu, e.type);
      }
      default:
        return this.kernelCan(e);
    }
  }

  /** Performs `e`, which is possible now. */
  private exec(e: UipiEvent): void {
    switch (e.type) {
      case 'Send':
        senduipi(this, e.sender, e.index);
        return;
      case 'SendIpi':
        sendIpi(this, e.sender);
        return;
      case 'Register':
      case 'Revoke': {
        const a = uittEntryAddr(e.sender, e.index);
        this.mem.write(a, uittWithValid(this.mem.read(a), e.type === 'Register'));
        return;
      }
      case 'IpiArrive': {
        const i = this.wires.findIndex((w) => w.dest === e.cpu && w.vector === e.vector);
        this.wires.splice(i, 1);
        const c = this.cpus[e.cpu];
        if (c !== undefined) c.irr |= bitOf(e.vector);
        return;
      }
      case 'Accept':
        this.accept(e.cpu, e.vector);
        return;
      case 'NotifyDrain':
        notifyDrain(this, e.cpu);
        return;
      default:
        if (isUserStep(e.type) && 'receiver' in e) {
          const u = this.atUser(e.receiver);
          if (u !== undefined) userStep(this, e.receiver, u.thread, u.cpu, e.type);
          return;
        }
        this.kernelExec(e);
    }
  }

  /**
   * CPU `c` takes pending `vector` (research §1.6 identification): the APIC's IRR bit is cleared;
   * the live UINV (nonzero: a thread's user state is loaded) makes it a user-interrupt
   * notification, processed against the UPID at PD (step a); any other vector is a kernel
   * interrupt, the design's.
   */
  private accept(c: number, vector: number): void {
    const cpu = this.cpus[c];
    if (cpu === undefined) return;
    cpu.irr &= ~bitOf(vector);
    const uinv = miscUinv(cpu.misc);
    if (uinv !== 0 && vector === uinv) beginProcessing(this, cpu);
    else this.kernelInterrupt(c, vector);
  }

  /** A locked read-modify-write of UPID word 0 of receiver r. */
  upid0(r: number, f: (w0: bigint) => bigint): void {
    this.mem.write(upidAddr(r), f(this.mem.read(upidAddr(r))));
  }

  /** PIR of receiver r. */
  pirOf(r: number): bigint {
    return this.mem.read(upidAddr(r) + 8n);
  }

  /** An IPI onto the wires; one identical to an IPI still on them merges with it (as in the IRR). */
  send(w: Wire): void {
    if (!this.wires.some((x) => x.dest === w.dest && x.vector === w.vector)) this.wires.push(w);
  }

  /** A self-IPI with the notification vector into CPU `c`'s own APIC. */
  selfIpi(c: number): void {
    const cpu = this.cpus[c];
    if (cpu !== undefined) cpu.irr |= bitOf(NOTIFICATION_VECTOR);
  }
}
