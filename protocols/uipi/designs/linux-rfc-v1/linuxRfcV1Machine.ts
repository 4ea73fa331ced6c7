/**
 * linux-rfc-v1 at instruction granularity: the UINTR hardware every design shares
 * (reference/uintrMachine.ts: SENDUIPI, IPI arrival, notification processing, delivery, UIRET,
 * STUI, CLUI, unchanged) under the receiver-side kernel of the Linux UINTR RFC v1 as posted
 * (spec/uipi-linux.md; linuxKernel.ts, one function per step with its source): kernel entry and
 * exit without a switch (the exit's 3(a+b) | 3(c) | 3(d) on every return to user, the PIR check
 * without ON), the switch-out that sets SN only when not waiting and whose XSAVES clears the
 * live UINV, the switch-in that restores nothing until the exit, uintr_wait without a re-check
 * (NV switch | enlist | sleep), the kernel-vector wake over the global wait list, the spurious
 * acknowledgement of 0xEC where the live UINV is not 0xEC, and another receiver running on an
 * idle CPU. Per CPU the live UINV and UPIDADDR are its MSRs (misc, pd); per receiver its task
 * state, `waiting` and wait-list membership are its thread record (linuxThread.ts).
 *
 * The plain scenario only: the Skyloft timer is not part of this design (configError).
 */
import { isSkyloft, type UipiConfig } from '../../model/config.ts';
import { KERNEL_VECTOR, NOTIFICATION_VECTOR, type UipiState } from '../../model/state.ts';
import { upidAddr } from '../reference/memory.ts';
import { type KernelEvent, UintrMachine } from '../reference/uintrMachine.ts';
import type { CpuRegs } from '../reference/uipiCpu.ts';
import { absLinux } from './absLinux.ts';
import { linuxCan, linuxTakesInterrupts } from './linuxCan.ts';
import { kernelWake, linuxReceiverStep, runOther, spuriousAck, switchIn } from './linuxKernel.ts';
import type { LinuxThread } from './linuxThread.ts';

/** Why linux-rfc-v1 cannot run `cfg`, or undefined when it can. */
export function linuxRfcV1ConfigError(cfg: UipiConfig): string | undefined {
  return isSkyloft(cfg)
    ? 'linux-rfc-v1 models the plain UIPI scenario: its kernel has no Skyloft timer (timer must be -1)'
    : undefined;
}

export class LinuxRfcV1Machine extends UintrMachine {
  readonly threads: LinuxThread[] = [];
  /** The UPID of the receiver outside the configuration that RunOther runs (no sender targets it). */
  readonly otherUpid: bigint;

  constructor(cfg: UipiConfig) {
    const why = linuxRfcV1ConfigError(cfg);
    if (why !== undefined) throw new Error(why);
    // do_uintr_register_handler: UPID.NV := 0xEC, NDST := this CPU, live UINV := 0xEC [G uintr_core.c]; then STUI.
    super(cfg, undefined, NOTIFICATION_VECTOR, false, 0n);
    this.otherUpid = upidAddr(cfg.receivers);
    for (let r = 0; r < cfg.receivers; r++) {
      this.threads.push({
        task: 'user',
        path: 'none',
        cpu: r,
        loaded: true,
        saved: { uirr: 0n, misc: 0n, pd: upidAddr(r) },
        frame: -1,
        body: false,
        inSyscall: false,
        waiting: false,
        onWaitList: false,
      });
    }
  }

  abs(): UipiState {
    return absLinux(this);
  }

  /** Whether `cpu` runs the receiver outside the configuration (its UPID loaded, no thread of ours current). */
  runsOther(cpu: CpuRegs): boolean {
    return cpu.current < 0 && cpu.pd === this.otherUpid;
  }

  protected takesInterrupts(c: number): boolean {
    return linuxTakesInterrupts(this, c);
  }

  /** A vector that is not the live UINV: 0xEB is the kernel-vector wake, anything else the spurious acknowledgement. */
  protected kernelInterrupt(_c: number, vector: number): void {
    if (vector === KERNEL_VECTOR) kernelWake(this);
    else spuriousAck();
  }

  protected atUser(r: number): { readonly thread: LinuxThread; readonly cpu: CpuRegs } | undefined {
    const t = this.threads[r];
    const cpu = t === undefined || t.task !== 'user' ? undefined : this.cpus[t.cpu];
    return t === undefined || cpu === undefined || cpu.processing ? undefined : { thread: t, cpu };
  }

  protected kernelCan(e: KernelEvent): boolean {
    return linuxCan(this, e);
  }

  protected kernelExec(e: KernelEvent): void {
    switch (e.type) {
      case 'TimerTick':
        return; // never possible here (linuxCan)
      case 'SwitchInRestore':
        switchIn(this, e.receiver, e.cpu);
        return;
      case 'RunOther':
        runOther(this, e.cpu);
        return;
      default:
        linuxReceiverStep(this, e);
        return;
    }
  }
}
