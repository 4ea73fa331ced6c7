/**
 * The UIPI system's state (research §1.2–1.4, §4.1), compact and immutable: each receiver's UPID
 * (ON, SN, NV, NDST, PIR as a 64-bit bigint mask) and its thread (where it runs, UIRR, UIF, UINV,
 * the handler it is in), each sender's UITT validity and the notification it is about to send,
 * each CPU's current thread, APIC-pending vectors and notification processing, and the IPIs in
 * flight. Ghost data (what was sent, what is owed) is kept by the checker, never here.
 *
 * Decisions where the spec is silent: UIRR and UIF are one field per thread whether live in the
 * CPU or saved in its xstate (the model does not distinguish the copies; the implementation
 * does); UINV is the value in the thread's IA32_UINTR_MISC while it is loaded, 0 once XSAVES
 * cleared it. Every receiver starts registered, on CPU r, at user level with UIF = 1 (it has run
 * STUI), SN = 0; in the Skyloft scenario SN = 1, UINV is the timer's vector, and PIR[timer] = 1.
 *
 * The kernel's own uintr_wait bookkeeping (research §1.8, spec/uipi-linux.md "New events and
 * state") is shown too: a receiver's `waiting` flag and whether it is on the wait list, and per
 * CPU whether a receiver thread outside the configuration runs there (`other`: its live UINV is
 * the notification vector and its UPIDADDR a UPID nobody here sends to). In the model they follow
 * from the phase ({@link modelWaitFlags}) and `other` stays false; a design with its own kernel
 * (linux-rfc-v1) sets them itself. So the per-CPU live UINV and loaded UPIDADDR are the running
 * receiver's UINV and UPID, the other thread's, or 0 and none.
 */
import { isSkyloft, type UipiConfig } from './config.ts';

/** UINTR_NOTIFICATION_VECTOR (Linux 0xEC): the UINV of every receiver and its UPID's NV while it runs. */
export const NOTIFICATION_VECTOR = 0xec;
/** UINTR_KERNEL_VECTOR (Linux 0xEB): the UPID's NV while its thread is blocked in uintr_wait. */
export const KERNEL_VECTOR = 0xeb;
/** The Skyloft LAPIC timer's vector, programmed as UINV (an ordinary APIC vector, our choice). */
export const TIMER_VECTOR = 0xe0;

/**
 * Where a receiver thread is:
 * - `user`: running at CPL 3 on `cpu`;
 * - `outSn`: switch-out began, SN set, state not yet saved; `off`: runnable, off-CPU;
 * - `inRestored`: switch-in restored UINV and NDST; `inSnClear`: SN cleared, PIR not yet checked;
 * - `waitNv`: in uintr_wait, NV switched to the kernel vector; `waitChecked`: re-checked, not yet asleep;
 * - `waiting`: blocked (asleep) in uintr_wait, off-CPU; `woken`: the kernel-vector handler woke it, NV not yet restored;
 * - `kernel`: in the kernel on its CPU at CPL 0 with interrupts on, no UINTR step pending (after a
 *   kernel entry; in linux-rfc-v1 also after a switch-in, until its exit to user);
 * - `waitListed`: linux-rfc-v1's uintr_wait with its UPID on the wait list, not yet asleep.
 * Appended phases keep the earlier ones' codes (state keys, the statechart's order).
 */
export const RECEIVER_PHASES = [
  'user',
  'outSn',
  'off',
  'inRestored',
  'inSnClear',
  'waitNv',
  'waitChecked',
  'waiting',
  'woken',
  'kernel',
  'waitListed',
] as const;
export type ReceiverPhase = (typeof RECEIVER_PHASES)[number];

/** A user posted-interrupt descriptor (research §1.3). */
export interface Upid {
  readonly on: boolean;
  readonly sn: boolean;
  /** Notification vector (8 bits). */
  readonly nv: number;
  /** Notification destination: an APIC id = CPU index. */
  readonly ndst: number;
  /** Posted-interrupt requests, bit v for user vector v. */
  readonly pir: bigint;
}

/** One receiver thread's user-interrupt state. */
export interface Receiver {
  readonly phase: ReceiverPhase;
  /** The CPU it is on, -1 when off-CPU (`off`, `waiting`, `woken`). */
  readonly cpu: number;
  readonly uirr: bigint;
  readonly uif: boolean;
  /** UINV in its loaded IA32_UINTR_MISC; 0 once XSAVES cleared it. */
  readonly uinv: number;
  /** The user vector whose handler it is in, -1 when in none. */
  readonly hvec: number;
  /** The handler's body has run (UIRET is next). */
  readonly body: boolean;
  /** The kernel's `waiting` flag: set by uintr_wait's NV switch, cleared by the wake (or an aborting re-check). */
  readonly waiting: boolean;
  /** Its UPID is on the kernel's uintr_wait list (the list the kernel-vector handler scans). */
  readonly listed: boolean;
}

/** One sender: which UITT slots are valid (bit i), and the notification IPI it holds (cpu·256 + vector, -1 none). */
export interface Sender {
  readonly valid: number;
  readonly held: number;
}

/** One CPU: the receiver on it (-1 none), its APIC-pending vectors (sorted), and processing between steps a and b. */
export interface Cpu {
  readonly cur: number;
  readonly pending: readonly number[];
  readonly processing: boolean;
  /** A receiver thread outside the configuration runs here (cur = -1): live UINV = the notification vector, its own UPID. */
  readonly other: boolean;
}

export interface UipiState {
  readonly upids: readonly Upid[];
  readonly receivers: readonly Receiver[];
  readonly senders: readonly Sender[];
  readonly cpus: readonly Cpu[];
  /** IPIs in flight as cpu·256 + vector, sorted, without repeats (identical IPIs merge; actions.ts `sendIpi`). */
  readonly inflight: readonly number[];
}

/** The `waiting` and `listed` flags the model's phase implies (the model's wake clears `waiting`: `woken` has neither). */
export function modelWaitFlags(phase: ReceiverPhase): {
  readonly waiting: boolean;
  readonly listed: boolean;
} {
  return WAIT_FLAGS[phase];
}
const WAIT_FLAGS: Readonly<Record<ReceiverPhase, { readonly waiting: boolean; readonly listed: boolean }>> = {
  user: { waiting: false, listed: false },
  outSn: { waiting: false, listed: false },
  off: { waiting: false, listed: false },
  inRestored: { waiting: false, listed: false },
  inSnClear: { waiting: false, listed: false },
  waitNv: { waiting: true, listed: false },
  waitChecked: { waiting: true, listed: false },
  waiting: { waiting: true, listed: true },
  woken: { waiting: false, listed: false },
  kernel: { waiting: false, listed: false },
  waitListed: { waiting: true, listed: true },
};

/** The (receiver, user vector) fd that UITT slot `index` of `sender` is bound to (fixed by configuration). */
export function uittBinding(cfg: UipiConfig, sender: number, index: number): { target: number; uv: number } {
  return { target: (sender + index) % cfg.receivers, uv: (sender * cfg.uittSize + index) % cfg.vectors };
}

/** Bit v of a 64-bit mask. */
export const bit = (v: number): bigint => 1n << BigInt(v);
/** Whether bit v of `mask` is set. */
export const has = (mask: bigint, v: number): boolean => ((mask >> BigInt(v)) & 1n) === 1n;
/**
 * The set bits of a non-negative mask, lowest first. The mask is read 32 bits at a time as a
 * number, so a 256-bit APIC IRR costs 8 BigInt operations instead of 256 shifts (this runs on
 * every step of every storm: the enabled events and the refinement map list IRR's vectors).
 */
export function setBits(mask: bigint): number[] {
  const out: number[] = [];
  for (let base = 0, m = mask; m > 0n; base += 32, m >>= 32n) {
    let w = Number(BigInt.asUintN(32, m));
    while (w !== 0) {
      const low = w & -w;
      out.push(base + 31 - Math.clz32(low));
      w ^= low;
    }
  }
  return out;
}
/** The highest set bit of a non-zero mask (UIRRV), -1 for 0. */
export function highest(mask: bigint): number {
  let v = -1;
  for (let m = mask; m > 0n; m >>= 1n) v++;
  return v;
}
/** An IPI as one number: cpu·256 + vector. */
export const ipi = (cpu: number, vector: number): number => cpu * 256 + vector;

/** A copy of `a` with element i replaced by v. */
export function replaced<T>(a: readonly T[], i: number, v: T): T[] {
  const c = a.slice();
  c[i] = v;
  return c;
}
/** `a` (sorted) with `x` added, kept sorted. */
function sortedAdd(a: readonly number[], x: number): number[] {
  const c = a.slice();
  let i = c.length;
  while (i > 0 && (c[i - 1] ?? 0) > x) i--;
  c.splice(i, 0, x);
  return c;
}
/** `a` without one occurrence of `x`. */
export function removedOnce(a: readonly number[], x: number): number[] {
  const i = a.indexOf(x);
  return i < 0 ? a.slice() : [...a.slice(0, i), ...a.slice(i + 1)];
}
/** `a` (a sorted set) with `x` added when absent (an APIC IRR bit). */
export function setAdd(a: readonly number[], x: number): readonly number[] {
  return a.includes(x) ? a : sortedAdd(a, x);
}

/** Whether `i` indexes one of `n` things. */
export function inRange(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}

/** The start state of configuration `cfg` (see the decisions above). */
export function initialUipi(cfg: UipiConfig): UipiState {
  const sky = isSkyloft(cfg);
  const upids: Upid[] = [];
  const receivers: Receiver[] = [];
  for (let r = 0; r < cfg.receivers; r++) {
    upids.push({ on: false, sn: sky, nv: NOTIFICATION_VECTOR, ndst: r, pir: sky ? bit(cfg.timer) : 0n });
    receivers.push({
      phase: 'user',
      cpu: r,
      uirr: 0n,
      uif: true,
      uinv: sky ? TIMER_VECTOR : NOTIFICATION_VECTOR,
      hvec: -1,
      body: false,
      waiting: false,
      listed: false,
    });
  }
  const all = (1 << cfg.uittSize) - 1;
  return {
    upids,
    receivers,
    senders: Array.from({ length: cfg.senders }, () => ({ valid: all, held: -1 })),
    cpus: Array.from({ length: cfg.cpus }, (_, c) => ({
      cur: c < cfg.receivers ? c : -1,
      pending: [],
      processing: false,
      other: false,
    })),
    inflight: [],
  };
}

/** The UINV a receiver's MISC is re-programmed with on return to user (switch_uintr_return). */
export function programmedUinv(cfg: UipiConfig): number {
  return isSkyloft(cfg) ? TIMER_VECTOR : NOTIFICATION_VECTOR;
}

/** Whether receiver r is waiting in uintr_wait (the kernel's flag: NV switched and not yet woken). */
export function inWait(rc: Receiver): boolean {
  return rc.waiting;
}
