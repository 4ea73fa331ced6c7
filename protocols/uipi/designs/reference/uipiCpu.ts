/**
 * The implementation's per-CPU and per-thread records: a CPU's user-interrupt MSRs (UIRR, MISC
 * with UINV, PD = UPIDADDR), UIF, its local APIC's IRR (256 bits) and the processing temporary;
 * a thread's XSAVE image of the UINTR component, its user stack's handler frame and the
 * kernel's view of where it is; a sender's UITT address and the notification it will send.
 */
import type { ReceiverPhase } from '../../model/state.ts';

export interface CpuRegs {
  /** The thread whose user state is loaded (-1: none). */
  current: number;
  uirr: bigint;
  /** IA32_UINTR_MISC (UINV in bits 39:32). */
  misc: bigint;
  /** IA32_UINTR_PD: the loaded UPID's address (0 when none). */
  pd: bigint;
  uif: boolean;
  /** Local APIC IRR: bit v for pending vector v. */
  irr: bigint;
  /** Between processing steps a and b. */
  processing: boolean;
  /** The processing temporary (only the non-atomic PIR mutation keeps a value here across steps). */
  temp: bigint;
}

export interface ThreadRec {
  /** The kernel's view of the thread (the model's phase names). */
  kstate: ReceiverPhase;
  cpu: number;
  /** XSAVE image: UIRR, MISC (bit 63 = UIF), PD. */
  saved: { uirr: bigint; misc: bigint; pd: bigint };
  /** The vector pushed by delivery on the user stack (-1: not in a handler). */
  frame: number;
  /** The handler's body has run. */
  body: boolean;
}

export interface SenderRec {
  /** The notification it will send after its lock: APIC id and vector, or null. */
  held: { readonly dest: number; readonly vector: number } | null;
  /** The split-SENDUIPI mutation: a posted UPID whose ON test-and-set is still to come. */
  midSend: bigint | null;
}

/** A fresh CPU with nothing loaded. */
export function idleCpu(): CpuRegs {
  return { current: -1, uirr: 0n, misc: 0n, pd: 0n, uif: false, irr: 0n, processing: false, temp: 0n };
}
