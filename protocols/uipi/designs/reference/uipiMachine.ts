/**
 * The UIPI implementation at instruction granularity, with its own bit-level data: UPIDs and
 * UITT entries as 64-bit words in memory at the SDM's bit positions (upidLayout.ts,
 * uittLayout.ts), per-CPU MSRs and APIC IRR, per-thread XSAVE images, the IPIs on the wires, and
 * the kernel's paths (switch_uintr_prepare / _return, uintr_wait, the kernel-vector handler).
 * It never calls the model; absUipi.ts maps it to the model's state (the refinement map). Each
 * step runs the instruction's or kernel step's own micro-operations; a {@link UipiMutation}
 * changes one of them. It is a {@link UipiDevice}: its whole state is in its fields, and its copy
 * is the explorer's generic snapshot (which keeps field order, so a copy keys as its original).
 */
import { snapshot } from '../../../../engine/explore/snapshot.ts';
import { isSkyloft, type UipiConfig } from '../../model/config.ts';
import { ipiEvent, uipiEventTable } from '../../model/enabled.ts';
import type { UipiEvent } from '../../model/events.ts';
import { NOTIFICATION_VECTOR, TIMER_VECTOR, type UipiState, uittBinding } from '../../model/state.ts';
import { absUipi } from './absUipi.ts';
import { Memory, uittEntryAddr, upidAddr } from './memory.ts';
import { accept, notifyDrain } from './notification.ts';
import { receiverStep, switchInRestore } from './receiverSteps.ts';
import { sendIpi, senduipi } from './senduipi.ts';
import { uipiCan } from './uipiCan.ts';
import { type CpuRegs, idleCpu, type SenderRec, type ThreadRec } from './uipiCpu.ts';
import type { UipiDevice } from './uipiImpl.ts';
import type { UipiMutation } from './uipiMutation.ts';
import { uittWithValid, uittWord0 } from './uittLayout.ts';
import { MISC_UIF, miscUinv, miscWithUinv, upidWord0, withNdst } from './upidLayout.ts';

const bitOf = (v: number): bigint => 1n << BigInt(v);

/** One IPI on the wires: destination APIC id and vector. */
export interface Wire {
  readonly dest: number;
  readonly vector: number;
}

/** What a copy shares with its original, per configuration: the configuration itself. */
const SHARING = new WeakMap<UipiConfig, ReadonlySet<object>>();

/** The objects a machine of `cfg` shares with its copies (the configuration, never written). */
export function sharedWith(cfg: UipiConfig): ReadonlySet<object> {
  let s = SHARING.get(cfg);
  if (s === undefined) {
    s = new Set<object>([cfg]);
    SHARING.set(cfg, s);
  }
  return s;
}

export class UipiMachine implements UipiDevice {
  readonly cfg: UipiConfig;
  readonly mutation: UipiMutation | undefined;
  readonly mem = new Memory();
  readonly cpus: CpuRegs[];
  readonly threads: ThreadRec[] = [];
  readonly senders: SenderRec[];
  /** IPIs sent and not yet at their APIC, in sending order. */
  readonly wires: Wire[] = [];
  /** The UINV the kernel programs (the notification vector, or Skyloft's timer vector). */
  readonly uinv: number;

  constructor(cfg: UipiConfig, mutation?: UipiMutation) {
    this.cfg = cfg;
    this.mutation = mutation;
    const sky = isSkyloft(cfg);
    this.uinv = sky ? TIMER_VECTOR : NOTIFICATION_VECTOR;
    this.cpus = Array.from({ length: cfg.cpus }, idleCpu);
    for (let r = 0; r < cfg.receivers; r++) {
      // uintr_register_handler: UPID with NV and NDST, MSRs programmed, then STUI.
      this.mem.write(upidAddr(r), upidWord0(false, sky, NOTIFICATION_VECTOR, r));
      this.mem.write(upidAddr(r) + 8n, sky ? bitOf(cfg.timer) : 0n);
      const cpu = this.cpus[r];
      if (cpu !== undefined)
        Object.assign(cpu, { current: r, misc: miscWithUinv(255n, this.uinv), pd: upidAddr(r), uif: true });
      this.threads.push({
        kstate: 'user',
        cpu: r,
        saved: { uirr: 0n, misc: 0n, pd: upidAddr(r) },
        frame: -1,
        body: false,
      });
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

  /** Whether mutation `m` is switched on. */
  is(m: UipiMutation): boolean {
    return this.mutation === m;
  }

  /** The events this implementation accepts now. */
  enabled(): UipiEvent[] {
    const out: UipiEvent[] = [];
    const seen = new Set<number>();
    for (const w of this.wires) {
      const k = w.dest * 256 + w.vector;
      if (!seen.has(k)) out.push(ipiEvent('IpiArrive', k));
      seen.add(k);
    }
    this.cpus.forEach((c, cpu) => {
      for (let v = 0; v < 256; v++) {
        if (((c.irr >> BigInt(v)) & 1n) === 0n) continue;
        const e = ipiEvent('Accept', cpu * 256 + v);
        if (this.can(e)) out.push(e);
      }
    });
    for (const e of uipiEventTable(this.cfg)) if (this.can(e)) out.push(e);
    return out;
  }

  /** The model state it stands for (absUipi.ts). */
  abs(): UipiState {
    return absUipi(this);
  }

  /** An independent copy in the same state. */
  copy(): UipiMachine {
    return snapshot(this, { objects: sharedWith(this.cfg) });
  }

  /** Whether `e` is possible now (the instruction's, the APIC's or the kernel's own conditions). */
  can(e: UipiEvent): boolean {
    return uipiCan(this, e);
  }

  /** Performs `e`; false (and nothing changes) when it is not possible now. */
  apply(e: UipiEvent): boolean {
    if (!this.can(e)) return false;
    this.exec(e);
    return true;
  }

  /** A locked read-modify-write of UPID word 0 of receiver r. */
  upid0(r: number, f: (w0: bigint) => bigint): void {
    this.mem.write(upidAddr(r), f(this.mem.read(upidAddr(r))));
  }

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
        accept(this, e.cpu, e.vector);
        return;
      case 'NotifyDrain':
        notifyDrain(this, e.cpu);
        return;
      case 'TimerTick': {
        const c = this.cpus[e.cpu];
        if (c !== undefined) c.irr |= bitOf(TIMER_VECTOR);
        return;
      }
      case 'SwitchInRestore':
        switchInRestore(this, e.receiver, e.cpu);
        return;
      case 'RunOther':
        return; // never possible here (uipiCan)
      default:
        receiverStep(this, e);
        return;
    }
  }

  /** An IPI onto the wires; one identical to an IPI still on them merges with it (as in the IRR). */
  send(w: Wire): void {
    if (!this.wires.some((x) => x.dest === w.dest && x.vector === w.vector)) this.wires.push(w);
  }

  /** UINV re-programmed when XSAVES cleared it, and NDST := c. */
  routeTo(r: number, cpu: CpuRegs, c: number): void {
    if (miscUinv(cpu.misc) === 0) cpu.misc = miscWithUinv(cpu.misc, this.uinv);
    this.upid0(r, (w) => withNdst(w, c));
  }

  /** XSAVES of the thread's UINTR state (UINV cleared in the image and the MSR) and it leaves its CPU. */
  saveAndLeave(t: ThreadRec, kstate: ThreadRec['kstate']): void {
    const cpu = this.cpus[t.cpu];
    if (cpu !== undefined) {
      t.saved = { uirr: cpu.uirr, misc: miscWithUinv(cpu.misc, 0) | (cpu.uif ? MISC_UIF : 0n), pd: cpu.pd };
      Object.assign(cpu, { current: -1, uirr: 0n, misc: miscWithUinv(cpu.misc, 0), pd: 0n, uif: false });
    }
    t.cpu = -1;
    t.kstate = kstate;
  }

  /** A self-IPI with the notification vector into the CPU's own APIC. */
  selfIpi(c: number): void {
    const cpu = this.cpus[c];
    if (cpu !== undefined) cpu.irr |= bitOf(NOTIFICATION_VECTOR);
  }

  /** PIR of receiver r. */
  pirOf(r: number): bigint {
    return this.mem.read(upidAddr(r) + 8n);
  }
}
