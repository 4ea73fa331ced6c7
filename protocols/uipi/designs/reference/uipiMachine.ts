/**
 * The reference UIPI implementation at instruction granularity: the shared UINTR hardware
 * (uintrMachine.ts: UPIDs and UITT entries as 64-bit words at the SDM's bit positions, per-CPU
 * MSRs and APIC IRR, the wires, SENDUIPI, notification processing, the user-level steps) under
 * the reference kernel: per-thread XSAVE images and the kernel's paths (switch_uintr_prepare /
 * _return on a switch and on every kernel exit, with the repaired PIR-or-ON check; uintr_wait
 * with its re-check; the kernel-vector handler and its NV restore). It never calls the model;
 * absUipi.ts maps it to the model's state (the refinement map). Each step runs the instruction's
 * or kernel step's own micro-operations; a {@link UipiMutation} changes one of them.
 */
import { isSkyloft, type UipiConfig } from '../../model/config.ts';
import { KERNEL_VECTOR, NOTIFICATION_VECTOR, TIMER_VECTOR, type UipiState } from '../../model/state.ts';
import { absUipi } from './absUipi.ts';
import { upidAddr } from './memory.ts';
import { receiverStep, switchInRestore, wakeWaiters } from './receiverSteps.ts';
import { type KernelEvent, UintrMachine } from './uintrMachine.ts';
import { referenceTakesInterrupts, uipiCan } from './uipiCan.ts';
import type { CpuRegs, ThreadRec } from './uipiCpu.ts';
import type { UipiMutation } from './uipiMutation.ts';
import { MISC_UIF, miscUinv, miscWithUinv, withNdst } from './upidLayout.ts';

const bitOf = (v: number): bigint => 1n << BigInt(v);

export class UipiMachine extends UintrMachine {
  readonly threads: ThreadRec[] = [];
  /** The UINV the kernel programs (the notification vector, or Skyloft's timer vector). */
  readonly uinv: number;

  constructor(cfg: UipiConfig, mutation?: UipiMutation) {
    const sky = isSkyloft(cfg);
    const uinv = sky ? TIMER_VECTOR : NOTIFICATION_VECTOR;
    // uintr_register_handler (Skyloft: SN stays set, the timer's PIR bit armed), then STUI.
    super(cfg, mutation, uinv, sky, sky ? bitOf(cfg.timer) : 0n);
    this.uinv = uinv;
    for (let r = 0; r < cfg.receivers; r++) {
      this.threads.push({
        kstate: 'user',
        cpu: r,
        saved: { uirr: 0n, misc: 0n, pd: upidAddr(r) },
        frame: -1,
        body: false,
      });
    }
  }

  /** The model state it stands for (absUipi.ts). */
  abs(): UipiState {
    return absUipi(this);
  }

  protected takesInterrupts(c: number): boolean {
    return referenceTakesInterrupts(this, c);
  }

  /** The kernel vector runs the wake handler over the sleeping waiters; any other vector is acked and dropped. */
  protected kernelInterrupt(_c: number, vector: number): void {
    if (vector === KERNEL_VECTOR) wakeWaiters(this);
  }

  protected atUser(r: number): { readonly thread: ThreadRec; readonly cpu: CpuRegs } | undefined {
    const t = this.threads[r];
    const cpu = t === undefined || t.kstate !== 'user' ? undefined : this.cpus[t.cpu];
    return t === undefined || cpu === undefined || cpu.processing ? undefined : { thread: t, cpu };
  }

  protected kernelCan(e: KernelEvent): boolean {
    return uipiCan(this, e);
  }

  protected kernelExec(e: KernelEvent): void {
    switch (e.type) {
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
}
