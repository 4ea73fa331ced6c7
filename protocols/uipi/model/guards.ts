/**
 * The UIPI model's named guards: pure predicates on (configuration, state, event) that `step`
 * and the statechart both use. Index guards first, then the phase and hardware conditions.
 */
import { isSkyloft, type UipiConfig } from './config.ts';
import type {
  Accept,
  IpiArrive,
  NotifyDrain,
  ReceiverStep,
  Register,
  Revoke,
  RunOther,
  Send,
  SendIpi,
  SwitchInRestore,
  TimerTick,
} from './events.ts';
import { inRange, ipi, type Receiver, type UipiState } from './state.ts';

type G<E> = (cfg: UipiConfig, s: UipiState, e: E) => boolean;

/** The sender (and slot, when the event has one) exist. */
export const senderExists: G<SendIpi | Send | Register | Revoke> = (cfg, _s, e) =>
  inRange(e.sender, cfg.senders) && (!('index' in e) || inRange(e.index, cfg.uittSize));
/** SENDUIPI's slot is valid (V = 1); otherwise the instruction takes #GP. */
export const slotValid: G<Send | Revoke> = (_cfg, s, e) =>
  (((s.senders[e.sender]?.valid ?? 0) >> e.index) & 1) === 1;
/** Registration needs the slot free. */
export const slotFree: G<Register> = (cfg, s, e) =>
  !slotValid(cfg, s, { type: 'Revoke', sender: e.sender, index: e.index });
/** The sender holds no notification yet to be sent (one SENDUIPI at a time per sender thread). */
export const senderFree: G<Send> = (_cfg, s, e) => s.senders[e.sender]?.held === -1;
/** The sender holds a notification to send. */
export const senderHolds: G<SendIpi> = (_cfg, s, e) => (s.senders[e.sender]?.held ?? -1) >= 0;

/** The CPU exists. */
export const cpuExists: G<IpiArrive | Accept | NotifyDrain | TimerTick | SwitchInRestore | RunOther> = (
  cfg,
  _s,
  e,
) => inRange(e.cpu, cfg.cpus);
/** An IPI with this vector to this CPU is in flight. */
export const ipiInFlight: G<IpiArrive> = (_cfg, s, e) => s.inflight.includes(ipi(e.cpu, e.vector));
/** The vector is pending in the CPU's APIC. */
export const vectorPending: G<Accept> = (_cfg, s, e) => s.cpus[e.cpu]?.pending.includes(e.vector) === true;
/**
 * The CPU takes interrupts: not processing, and idle or running its thread at user level or in
 * the kernel with interrupts on (`kernel`: a notification is then processed against the running
 * thread's UPID and delivered after the return to user, uipi-linux.md step 4). The kernel's own
 * paths (switch-out, the exit steps, uintr_wait) run with interrupts off.
 */
export const cpuAccepts: G<Accept> = (_cfg, s, e) => {
  const c = s.cpus[e.cpu];
  if (c === undefined || c.processing) return false;
  const phase = c.cur < 0 ? undefined : s.receivers[c.cur]?.phase;
  return c.cur < 0 || phase === 'user' || phase === 'kernel';
};
/** The CPU is between processing steps a and b. */
export const cpuProcessing: G<NotifyDrain> = (_cfg, s, e) => s.cpus[e.cpu]?.processing === true;

/** The receiver exists. */
export const receiverExists: G<ReceiverStep | SwitchInRestore> = (cfg, _s, e) =>
  inRange(e.receiver, cfg.receivers);

/** The receiver's record (after receiverExists). */
function rec(s: UipiState, r: number): Receiver | undefined {
  return s.receivers[r];
}
/** Its CPU is not in the middle of notification processing (microcode holds the CPU). */
function cpuIdle(s: UipiState, rc: Receiver): boolean {
  return rc.cpu < 0 || s.cpus[rc.cpu]?.processing !== true;
}
/** At user level on a CPU that is not processing. */
export const atUser: G<ReceiverStep> = (_cfg, s, e) => {
  const rc = rec(s, e.receiver);
  return rc !== undefined && rc.phase === 'user' && cpuIdle(s, rc);
};
/** Delivery conditions (§1.7): CPL 3, UIF = 1, UIRR ≠ 0. */
export const canDeliver: G<ReceiverStep> = (cfg, s, e) => {
  const rc = rec(s, e.receiver);
  return rc !== undefined && atUser(cfg, s, e) && rc.uif && rc.uirr !== 0n;
};
/** In a handler whose body has not run yet. */
export const inHandlerBefore: G<ReceiverStep> = (cfg, s, e) => {
  const rc = rec(s, e.receiver);
  return rc !== undefined && atUser(cfg, s, e) && rc.hvec >= 0 && !rc.body;
};
/** In a handler whose body has run (UIRET is next). */
export const inHandlerAfter: G<ReceiverStep> = (cfg, s, e) => {
  const rc = rec(s, e.receiver);
  return rc !== undefined && atUser(cfg, s, e) && rc.hvec >= 0 && rc.body;
};
/** In user code outside any handler (where STUI and uintr_wait are issued). */
export const outsideHandler: G<ReceiverStep> = (cfg, s, e) =>
  atUser(cfg, s, e) && (rec(s, e.receiver)?.hvec ?? 0) < 0;
/** At user level or in the kernel (a switch-out starts from either: a preemption enters the kernel first). */
export const atUserOrKernel: G<ReceiverStep> = (cfg, s, e) =>
  atUser(cfg, s, e) || inPhase(cfg, s, e, 'kernel');
/**
 * uintr_wait exists in the plain scenario only (the Skyloft receiver never blocks), outside a
 * handler: a syscall from the kernel, or from user level with the kernel entry taken at once.
 */
export const mayWait: G<ReceiverStep> = (cfg, s, e) =>
  !isSkyloft(cfg) && atUserOrKernel(cfg, s, e) && (rec(s, e.receiver)?.hvec ?? 0) < 0;
/** The receiver is in `phase` (and its CPU, if any, is not processing). */
export function inPhase(cfg: UipiConfig, s: UipiState, e: ReceiverStep, phase: Receiver['phase']): boolean {
  void cfg;
  const rc = rec(s, e.receiver);
  return rc !== undefined && rc.phase === phase && cpuIdle(s, rc);
}
/** A runnable receiver is put on a CPU that runs nobody. */
export const switchInFits: G<SwitchInRestore> = (_cfg, s, e) =>
  rec(s, e.receiver)?.phase === 'off' && s.cpus[e.cpu]?.cur === -1;
/** Skyloft: the CPU's LAPIC timer is unmasked (a receiver runs there at user level). */
export const timerUnmasked: G<TimerTick> = (cfg, s, e) => {
  const cur = s.cpus[e.cpu]?.cur ?? -1;
  return isSkyloft(cfg) && cur >= 0 && s.receivers[cur]?.phase === 'user';
};
