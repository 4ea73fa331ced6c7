/**
 * The UIPI implementation at instruction granularity, with its own bit-level data: UPIDs and
 * UITT entries as 64-bit words in memory at the SDM's bit positions (upidLayout.ts,
 * uittLayout.ts), per-CPU MSRs and APIC IRR, per-thread XSAVE images, the IPIs on the wires, and
 * the kernel's paths (switch_uintr_prepare / _return, uintr_wait, the kernel-vector handler).
 * It never calls the model; absUipi.ts maps it to the model's state (the refinement map). Each
 * step runs the instruction's or kernel step's own micro-operations; a {@link UipiMutation}
 * changes one of them.
 */
import { isSkyloft, type UipiConfig } from '../../model/uipi/config.ts';
import { ipiEvent, uipiEventTable } from '../../model/uipi/enabled.ts';
import type { ReceiverStep, UipiEvent } from '../../model/uipi/events.ts';
import { KERNEL_VECTOR, NOTIFICATION_VECTOR, TIMER_VECTOR, uittBinding } from '../../model/uipi/state.ts';
import { Memory, uittEntryAddr, upidAddr } from './memory.ts';
import { type CpuRegs, idleCpu, type SenderRec, type ThreadRec } from './uipiCpu.ts';
import type { UipiMutation } from './uipiMutation.ts';
import { uittUv, uittValid, uittWithValid, uittWord0 } from './uittLayout.ts';
import {
  MISC_UIF,
  miscUinv,
  miscWithUinv,
  ON_BIT,
  SN_BIT,
  upidNdst,
  upidNv,
  upidOn,
  upidSn,
  upidWord0,
  withNdst,
  withNv,
} from './upidLayout.ts';

const bitOf = (v: number): bigint => 1n << BigInt(v);

/** Whether `i` indexes one of `n` things. */
function idx(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}

/** One IPI on the wires: destination APIC id and vector. */
export interface Wire {
  readonly dest: number;
  readonly vector: number;
}

export class UipiMachine {
  readonly cfg: UipiConfig;
  readonly mutation: UipiMutation | undefined;
  readonly mem = new Memory();
  readonly cpus: CpuRegs[];
  readonly threads: ThreadRec[] = [];
  readonly senders: SenderRec[];
  /** IPIs sent and not yet at their APIC, in sending order. */
  readonly wires: Wire[] = [];
  private readonly uinv: number;

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

  private is(m: UipiMutation): boolean {
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
        if (
          c === undefined ||
          !idx(e.vector, 256) ||
          ((c.irr >> BigInt(e.vector)) & 1n) === 0n ||
          c.processing
        )
          return false;
        return c.current < 0 || this.threads[c.current]?.kstate === 'user';
      }
      case 'NotifyDrain':
        return idx(e.cpu, cfg.cpus) && this.cpus[e.cpu]?.processing === true;
      case 'TimerTick': {
        const cur = idx(e.cpu, cfg.cpus) ? (this.cpus[e.cpu]?.current ?? -1) : -1;
        return isSkyloft(cfg) && cur >= 0 && this.threads[cur]?.kstate === 'user';
      }
      case 'SwitchInRestore':
        return (
          idx(e.receiver, cfg.receivers) &&
          idx(e.cpu, cfg.cpus) &&
          this.threads[e.receiver]?.kstate === 'off' &&
          this.cpus[e.cpu]?.current === -1
        );
      default:
        return idx(e.receiver, cfg.receivers) && this.canReceiver(e);
    }
  }

  private canReceiver(e: ReceiverStep): boolean {
    const t = this.threads[e.receiver];
    if (t === undefined) return false;
    const cpu = t.cpu >= 0 ? this.cpus[t.cpu] : undefined;
    if (cpu?.processing === true) return false;
    const user = t.kstate === 'user' && cpu !== undefined;
    switch (e.type) {
      case 'Deliver':
        return user && cpu.uif && cpu.uirr !== 0n;
      case 'HandlerBody':
        return user && t.frame >= 0 && !t.body;
      case 'Uiret':
        return user && t.frame >= 0 && t.body;
      case 'Stui':
        return user && t.frame < 0;
      case 'Clui':
      case 'SwitchOutSn':
        return user;
      case 'WaitSwitchNv':
        return user && t.frame < 0 && !isSkyloft(this.cfg);
      case 'SwitchOutSave':
        return t.kstate === 'outSn';
      case 'SwitchInClearSn':
        return t.kstate === 'inRestored';
      case 'SwitchInCheckPir':
        return t.kstate === 'inSnClear';
      case 'WaitRecheck':
        return t.kstate === 'waitNv';
      case 'WaitSleep':
        return t.kstate === 'waitChecked';
      case 'WakeRestoreNv':
        return t.kstate === 'woken';
    }
  }

  /** A locked read-modify-write of UPID word 0 of receiver r. */
  private upid0(r: number, f: (w0: bigint) => bigint): void {
    this.mem.write(upidAddr(r), f(this.mem.read(upidAddr(r))));
  }

  private exec(e: UipiEvent): void {
    switch (e.type) {
      case 'Send':
        this.senduipi(e.sender, e.index);
        return;
      case 'SendIpi':
        this.sendIpi(e.sender);
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
        this.notifyDrain(e.cpu);
        return;
      case 'TimerTick': {
        const c = this.cpus[e.cpu];
        if (c !== undefined) c.irr |= bitOf(TIMER_VECTOR);
        return;
      }
      case 'SwitchInRestore':
        this.switchInRestore(e.receiver, e.cpu);
        return;
      default:
        this.receiverStep(e);
        return;
    }
  }

  /** SENDUIPI (SDM pseudo-code, research §1.5): read the UITTE, then one locked RMW of the UPID. */
  private senduipi(s: number, i: number): void {
    const sd = this.senders[s];
    if (sd === undefined) return;
    const entry = uittEntryAddr(s, i);
    const uv = uittUv(this.mem.read(entry));
    const upid = this.mem.read(entry + 8n);
    if (!this.is('senduipi-forgets-pir')) this.mem.write(upid + 8n, this.mem.read(upid + 8n) | bitOf(uv));
    if (this.is('senduipi-split')) {
      sd.midSend = upid; // the ON test-and-set is left for a later, separate step
      return;
    }
    const w0 = this.mem.read(upid);
    const notify = (this.is('senduipi-ignores-sn') || !upidSn(w0)) && !upidOn(w0);
    if (notify && !this.is('senduipi-never-sets-on')) this.mem.write(upid, w0 | ON_BIT);
    if (notify) sd.held = { dest: upidNdst(w0), vector: upidNv(w0) };
  }

  /** The notification leaves the sender (after the lock); the split mutation tests ON only now. */
  private sendIpi(s: number): void {
    const sd = this.senders[s];
    if (sd === undefined) return;
    const upid = sd.midSend;
    if (upid !== null) {
      sd.midSend = null;
      const w0 = this.mem.read(upid);
      if (upidSn(w0) || upidOn(w0)) return;
      this.mem.write(upid, w0 | ON_BIT);
      this.send({ dest: upidNdst(w0), vector: upidNv(w0) });
      return;
    }
    if (sd.held !== null) this.send(sd.held);
    sd.held = null;
  }

  /** An IPI onto the wires; one identical to an IPI still on them merges with it (as in the IRR). */
  private send(w: Wire): void {
    if (!this.wires.some((x) => x.dest === w.dest && x.vector === w.vector)) this.wires.push(w);
  }

  /**
   * The CPU acknowledges pending `vector` (research §1.6). The running thread's UINV: EOI and
   * processing step a (locked AND clearing ON of the UPID at PD). The kernel vector: the wake
   * handler over the wait list. Anything else: a spurious interrupt, acked.
   */
  private accept(c: number, vector: number): void {
    const cpu = this.cpus[c];
    if (cpu === undefined) return;
    cpu.irr &= ~bitOf(vector);
    const uinv = miscUinv(cpu.misc);
    if (cpu.current >= 0 && uinv !== 0 && vector === uinv) {
      cpu.processing = true;
      const pir = cpu.pd + 8n;
      if (this.is('drain-before-clear-on')) {
        cpu.uirr |= this.mem.xchg(pir, 0n);
        return;
      }
      if (!this.is('processing-keeps-on')) this.mem.write(cpu.pd, this.mem.read(cpu.pd) & ~ON_BIT);
      if (this.is('pir-read-then-clear')) cpu.temp = this.mem.read(pir);
      return;
    }
    if (vector !== KERNEL_VECTOR) return;
    this.threads.forEach((t, r) => {
      if (t.kstate !== 'waiting' || !upidOn(this.mem.read(upidAddr(r)))) return;
      this.upid0(r, (w) => w | SN_BIT);
      t.kstate = 'woken';
    });
  }

  /** Processing steps b and c: locked xchg of PIR with 0, ORed into UIRR. */
  private notifyDrain(c: number): void {
    const cpu = this.cpus[c];
    if (cpu === undefined) return;
    const pir = cpu.pd + 8n;
    cpu.processing = false;
    if (this.is('drain-before-clear-on')) {
      this.mem.write(cpu.pd, this.mem.read(cpu.pd) & ~ON_BIT);
      return;
    }
    if (this.is('pir-read-then-clear')) {
      this.mem.write(pir, 0n);
      cpu.uirr |= cpu.temp;
      return;
    }
    const temp = this.mem.xchg(pir, 0n);
    cpu.uirr = this.is('uirr-assigned') ? temp : cpu.uirr | temp;
  }

  /** XRSTORS onto `c`, then switch_uintr_return 1–2: UINV re-programmed if 0, NDST := c. */
  private switchInRestore(r: number, c: number): void {
    const t = this.threads[r];
    const cpu = this.cpus[c];
    if (t === undefined || cpu === undefined) return;
    Object.assign(cpu, {
      current: r,
      uirr: t.saved.uirr,
      misc: t.saved.misc & ~MISC_UIF,
      uif: (t.saved.misc & MISC_UIF) !== 0n,
      pd: t.saved.pd,
    });
    t.cpu = c;
    t.kstate = 'inRestored';
    if (this.is('switch-in-sn-before-ndst')) {
      this.upid0(r, (w) => w & ~SN_BIT);
      return;
    }
    this.routeTo(r, cpu, c);
  }

  /** UINV re-programmed when XSAVES cleared it, and NDST := c. */
  private routeTo(r: number, cpu: CpuRegs, c: number): void {
    if (miscUinv(cpu.misc) === 0) cpu.misc = miscWithUinv(cpu.misc, this.uinv);
    this.upid0(r, (w) => withNdst(w, c));
  }

  /** XSAVES of the thread's UINTR state (UINV cleared in the image and the MSR) and it leaves its CPU. */
  private saveAndLeave(t: ThreadRec, kstate: ThreadRec['kstate']): void {
    const cpu = this.cpus[t.cpu];
    if (cpu !== undefined) {
      t.saved = { uirr: cpu.uirr, misc: miscWithUinv(cpu.misc, 0) | (cpu.uif ? MISC_UIF : 0n), pd: cpu.pd };
      Object.assign(cpu, { current: -1, uirr: 0n, misc: miscWithUinv(cpu.misc, 0), pd: 0n, uif: false });
    }
    t.cpu = -1;
    t.kstate = kstate;
  }

  /** A self-IPI with the notification vector into the CPU's own APIC. */
  private selfIpi(c: number): void {
    const cpu = this.cpus[c];
    if (cpu !== undefined) cpu.irr |= bitOf(NOTIFICATION_VECTOR);
  }

  private pirOf(r: number): bigint {
    return this.mem.read(upidAddr(r) + 8n);
  }

  private receiverStep(e: ReceiverStep): void {
    const r = e.receiver;
    const t = this.threads[r];
    if (t === undefined) return;
    const cpu = this.cpus[t.cpu];
    const sky = isSkyloft(this.cfg);
    switch (e.type) {
      case 'Deliver': {
        if (cpu === undefined) return;
        let v = 63;
        if (this.is('deliver-lowest')) v = 0;
        const step = this.is('deliver-lowest') ? 1 : -1;
        while (((cpu.uirr >> BigInt(v)) & 1n) === 0n) v += step;
        if (!this.is('deliver-keeps-uirr')) cpu.uirr &= ~bitOf(v);
        if (!this.is('deliver-keeps-uif')) cpu.uif = false;
        t.frame = v;
        t.body = false;
        return;
      }
      case 'HandlerBody':
        t.body = true;
        if (sky && t.frame === this.cfg.timer && !this.is('skyloft-no-repost')) {
          // _senduipi(self): with SN = 1 the locked post only sets PIR ("reset UPID.PIR").
          this.mem.write(upidAddr(r) + 8n, this.pirOf(r) | bitOf(this.cfg.timer));
        }
        return;
      case 'Uiret':
        t.frame = -1;
        t.body = false;
        if (cpu !== undefined && !this.is('uiret-keeps-uif-clear')) cpu.uif = true;
        return;
      case 'Stui':
      case 'Clui':
        if (cpu !== undefined) cpu.uif = e.type === 'Stui';
        return;
      case 'SwitchOutSn':
        if (!this.is('switch-out-no-sn')) this.upid0(r, (w) => w | SN_BIT);
        t.kstate = 'outSn';
        return;
      case 'SwitchOutSave':
        this.saveAndLeave(t, 'off');
        return;
      case 'SwitchInClearSn':
        t.kstate = 'inSnClear';
        if (this.is('switch-in-sn-before-ndst')) {
          if (cpu !== undefined) this.routeTo(r, cpu, t.cpu);
          return;
        }
        if (this.is('switch-in-pir-check-first')) {
          if (!sky && this.pirOf(r) !== 0n) this.selfIpi(t.cpu);
          return;
        }
        if (!sky) this.upid0(r, (w) => w & ~SN_BIT);
        return;
      case 'SwitchInCheckPir':
        t.kstate = 'user';
        if (sky || this.is('switch-in-no-pir-check')) return;
        if (this.is('switch-in-pir-check-first')) {
          this.upid0(r, (w) => w & ~SN_BIT);
          return;
        }
        if (this.pirOf(r) !== 0n) this.selfIpi(t.cpu);
        return;
      case 'WaitSwitchNv':
        this.upid0(r, (w) => withNv(w, KERNEL_VECTOR));
        t.kstate = 'waitNv';
        return;
      case 'WaitRecheck': {
        const pending =
          upidOn(this.mem.read(upidAddr(r))) || this.pirOf(r) !== 0n || (cpu?.uirr ?? 0n) !== 0n;
        if (!pending || this.is('wait-no-recheck')) {
          t.kstate = 'waitChecked';
          return;
        }
        this.upid0(r, (w) => withNv(w, NOTIFICATION_VECTOR));
        t.kstate = 'user';
        if (this.pirOf(r) !== 0n) this.selfIpi(t.cpu);
        return;
      }
      case 'WaitSleep':
        this.saveAndLeave(t, 'waiting');
        return;
      case 'WakeRestoreNv':
        if (!this.is('wake-keeps-kernel-nv')) this.upid0(r, (w) => withNv(w, NOTIFICATION_VECTOR));
        t.kstate = 'off';
        return;
    }
  }
}
