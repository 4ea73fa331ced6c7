/**
 * The UIPI model's named actions: one pure function per atomic step of spec/uipi.md, each
 * returning the next state (research §1.5–1.8 give the order inside every kernel path; each step
 * of that order is its own action, so a mutation of one step is a change to one function).
 */
import { isSkyloft, type UipiConfig } from './config.ts';
import type {
  Accept,
  IpiArrive,
  NotifyDrain,
  ReceiverStep,
  Register,
  Revoke,
  Send,
  SendIpi,
  SwitchInRestore,
  TimerTick,
} from './events.ts';
import {
  bit,
  type Cpu,
  highest,
  ipi,
  KERNEL_VECTOR,
  modelWaitFlags,
  NOTIFICATION_VECTOR,
  programmedUinv,
  type Receiver,
  removedOnce,
  replaced,
  setAdd,
  TIMER_VECTOR,
  type UipiState,
  type Upid,
  uittBinding,
} from './state.ts';

type A<E> = (cfg: UipiConfig, s: UipiState, e: E) => UipiState;

const withUpid = (s: UipiState, r: number, f: (u: Upid) => Upid): UipiState => {
  const u = s.upids[r];
  return u === undefined ? s : { ...s, upids: replaced(s.upids, r, f(u)) };
};
const withReceiver = (s: UipiState, r: number, f: (rc: Receiver) => Receiver): UipiState => {
  const rc = s.receivers[r];
  return rc === undefined ? s : { ...s, receivers: replaced(s.receivers, r, f(rc)) };
};
/** `rc` moved to `phase`, with the uintr_wait flags that phase implies in the model. */
const at = (rc: Receiver, phase: Receiver['phase']): Receiver => ({ ...rc, phase, ...modelWaitFlags(phase) });
const withCpu = (s: UipiState, c: number, f: (cpu: Cpu) => Cpu): UipiState => {
  const cpu = s.cpus[c];
  return cpu === undefined ? s : { ...s, cpus: replaced(s.cpus, c, f(cpu)) };
};

/** SENDUIPI (§1.5): one locked RMW: PIR[uv] := 1; if SN = 0 and ON = 0, ON := 1 and the sender will notify NV at NDST. */
export const post: A<Send> = (cfg, s, e) => {
  const { target, uv } = uittBinding(cfg, e.sender, e.index);
  const u = s.upids[target];
  if (u === undefined) return s;
  const notify = !u.sn && !u.on;
  const next = withUpid(s, target, (x) => ({ ...x, pir: x.pir | bit(uv), on: x.on || notify }));
  if (!notify) return next;
  const sd = s.senders[e.sender];
  if (sd === undefined) return next;
  return { ...next, senders: replaced(s.senders, e.sender, { ...sd, held: ipi(u.ndst, u.nv) }) };
};

/**
 * The sender's notification IPI goes in flight (after the lock was released). A decision: IPIs
 * in flight form a set — an IPI identical (same destination, same vector) to one still in flight
 * merges with it, as it would in the destination's IRR; this only removes behaviours with an
 * extra, later notification, and keeps the small preset's state space finite.
 */
export const sendIpi: A<SendIpi> = (_cfg, s, e) => {
  const sd = s.senders[e.sender];
  if (sd === undefined) return s;
  return {
    ...s,
    senders: replaced(s.senders, e.sender, { ...sd, held: -1 }),
    inflight: setAdd(s.inflight, sd.held),
  };
};

/** The IPI reaches the CPU: its APIC IRR bit is set (two IPIs of one vector coalesce there). */
export const arrive: A<IpiArrive> = (_cfg, s, e) =>
  withCpu({ ...s, inflight: removedOnce(s.inflight, ipi(e.cpu, e.vector)) }, e.cpu, (c) => ({
    ...c,
    pending: setAdd(c.pending, e.vector),
  }));

/**
 * The CPU takes a pending vector (§1.6 identification). UINV of the running thread: EOI and
 * processing step a, clear ON of that thread's UPID. The kernel vector: the wake handler (§1.8),
 * which wakes every waiting receiver whose UPID has ON = 1 (SN := 1). Anything else: acked, dropped.
 */
export const accept: A<Accept> = (_cfg, s, e) => {
  const cpu = s.cpus[e.cpu];
  if (cpu === undefined) return s;
  const taken = withCpu(s, e.cpu, (c) => ({ ...c, pending: removedOnce(c.pending, e.vector) }));
  const cur = cpu.cur >= 0 ? s.receivers[cpu.cur] : undefined;
  if (cur !== undefined && cur.uinv !== 0 && cur.uinv === e.vector) {
    const cleared = withUpid(taken, cpu.cur, (u) => ({ ...u, on: false }));
    return withCpu(cleared, e.cpu, (c) => ({ ...c, processing: true }));
  }
  if (e.vector === KERNEL_VECTOR) return wakeWaiters(taken);
  return taken;
};

/** The kernel-vector handler's wake: every waiting receiver with ON = 1 gets SN := 1 and is woken. */
function wakeWaiters(s: UipiState): UipiState {
  let out = s;
  s.receivers.forEach((rc, r) => {
    if (rc.phase !== 'waiting' || s.upids[r]?.on !== true) return;
    out = withUpid(out, r, (u) => ({ ...u, sn: true }));
    out = withReceiver(out, r, (x) => at(x, 'woken'));
  });
  return out;
}

/** Processing steps b and c: PIR swapped out atomically (locked xchg) and ORed into the current thread's UIRR. */
export const drainPir: A<NotifyDrain> = (_cfg, s, e) => {
  const r = s.cpus[e.cpu]?.cur ?? -1;
  const temp = s.upids[r]?.pir ?? 0n;
  const swapped = withUpid(s, r, (u) => ({ ...u, pir: 0n }));
  const ored = withReceiver(swapped, r, (rc) => ({ ...rc, uirr: rc.uirr | temp }));
  return withCpu(ored, e.cpu, (c) => ({ ...c, processing: false }));
};

/** Delivery (§1.7): the highest vector of UIRR; its bit cleared, UIF := 0, the handler entered. */
export const deliver: A<ReceiverStep> = (_cfg, s, e) =>
  withReceiver(s, e.receiver, (rc) => {
    const v = highest(rc.uirr);
    return { ...rc, uirr: rc.uirr & ~bit(v), uif: false, hvec: v, body: false };
  });

/** The handler's body; Skyloft's timer handler re-posts its own PIR bit (SENDUIPI to itself, SN = 1: PIR only). */
export const handlerBody: A<ReceiverStep> = (cfg, s, e) => {
  const rc = s.receivers[e.receiver];
  const done = withReceiver(s, e.receiver, (x) => ({ ...x, body: true }));
  if (!isSkyloft(cfg) || rc?.hvec !== cfg.timer) return done;
  return withUpid(done, e.receiver, (u) => ({ ...u, pir: u.pir | bit(cfg.timer) }));
};

/** UIRET: back from the handler, UIF := 1. */
export const uiret: A<ReceiverStep> = (_cfg, s, e) =>
  withReceiver(s, e.receiver, (rc) => ({ ...rc, hvec: -1, body: false, uif: true }));

/** STUI: UIF := 1. */
export const stui: A<ReceiverStep> = (_cfg, s, e) =>
  withReceiver(s, e.receiver, (rc) => ({ ...rc, uif: true }));
/** CLUI: UIF := 0. */
export const clui: A<ReceiverStep> = (_cfg, s, e) =>
  withReceiver(s, e.receiver, (rc) => ({ ...rc, uif: false }));

/** switch_uintr_prepare: SN := 1 (from now on senders only post). */
export const switchOutSn: A<ReceiverStep> = (_cfg, s, e) =>
  withReceiver(
    withUpid(s, e.receiver, (u) => ({ ...u, sn: true })),
    e.receiver,
    (rc) => at(rc, 'outSn'),
  );

/** XSAVES (UINV := 0 in the saved MISC) and the thread leaves its CPU. */
export const switchOutSave: A<ReceiverStep> = (_cfg, s, e) => leaveCpu(s, e.receiver, 'off');

/** The thread leaves its CPU, saved (UINV cleared), into `phase`. */
function leaveCpu(s: UipiState, r: number, phase: Receiver['phase']): UipiState {
  const c = s.receivers[r]?.cpu ?? -1;
  const off = withReceiver(s, r, (rc) => ({ ...at(rc, phase), cpu: -1, uinv: 0 }));
  return withCpu(off, c, (cpu) => ({ ...cpu, cur: -1 }));
}

/** switch_uintr_return 1–2: XRSTORS on `cpu`, UINV re-programmed, NDST := cpu. */
export const switchInRestore: A<SwitchInRestore> = (cfg, s, e) => {
  const placed = withCpu(s, e.cpu, (c) => ({ ...c, cur: e.receiver }));
  const ndst = withUpid(placed, e.receiver, (u) => ({ ...u, ndst: e.cpu }));
  return withReceiver(ndst, e.receiver, (rc) => ({
    ...at(rc, 'inRestored'),
    cpu: e.cpu,
    uinv: programmedUinv(cfg),
  }));
};

/** A syscall, interrupt or exception takes the thread to the kernel: no UINTR action (the RFC adds no entry hook, [P07]). */
export const kernelEntry: A<ReceiverStep> = (_cfg, s, e) =>
  withReceiver(s, e.receiver, (rc) => at(rc, 'kernel'));

/**
 * The exit to user mode from the kernel without a switch, switch_uintr_return 1–2 (uipi-linux.md
 * 3(a+b)): UINV re-programmed if XSAVES cleared it, NDST := this CPU. Steps 3 and 4 (3(c), 3(d))
 * are switchInClearSn and switchInCheckPir, as after a switch-in.
 */
export const kernelExit: A<ReceiverStep> = (cfg, s, e) => {
  const rc = s.receivers[e.receiver];
  if (rc === undefined) return s;
  const ndst = withUpid(s, e.receiver, (u) => ({ ...u, ndst: rc.cpu }));
  return withReceiver(ndst, e.receiver, (x) => ({
    ...at(x, 'inRestored'),
    uinv: x.uinv === 0 ? programmedUinv(cfg) : x.uinv,
  }));
};

/** switch_uintr_return 3: SN := 0 (Skyloft's suppressed mode keeps SN set). */
export const switchInClearSn: A<ReceiverStep> = (cfg, s, e) => {
  const cleared = isSkyloft(cfg) ? s : withUpid(s, e.receiver, (u) => ({ ...u, sn: false }));
  return withReceiver(cleared, e.receiver, (rc) => at(rc, 'inSnClear'));
};

/**
 * switch_uintr_return 4: if PIR ≠ 0 or ON = 1, a self-IPI with the notification vector (skipped
 * in Skyloft's mode); back to user.
 *
 * Decision (spec/uipi.md says "if PIR ≠ 0"): the check also looks at ON. A send between
 * processing's "clear ON" and its PIR swap sets ON again and aims its IPI at the old NDST; its
 * bit is swapped into UIRR at once. If the thread then migrates before that IPI lands, the IPI is
 * dropped on the old CPU and ON stays 1 with PIR = 0: a PIR-only check sends nothing, and every
 * later send sees ON = 1 and notifies no one, so UL1 fails (found by the kill matrix, seed
 * 20261123, small preset: Send, switch, Accept, Send, NotifyDrain, migrate, Send). Following the
 * spec's intent (UL1), a stale ON is cleared by the same self-IPI.
 */
export const switchInCheckPir: A<ReceiverStep> = (cfg, s, e) => {
  const rc = s.receivers[e.receiver];
  const back = withReceiver(s, e.receiver, (x) => at(x, 'user'));
  const u = s.upids[e.receiver];
  if (rc === undefined || isSkyloft(cfg) || u === undefined || (u.pir === 0n && !u.on)) return back;
  return withCpu(back, rc.cpu, (c) => ({ ...c, pending: setAdd(c.pending, NOTIFICATION_VECTOR) }));
};

/** uintr_wait 1: NV := the kernel vector (SN stays 0: senders still notify). */
export const waitSwitchNv: A<ReceiverStep> = (_cfg, s, e) =>
  withReceiver(
    withUpid(s, e.receiver, (u) => ({ ...u, nv: KERNEL_VECTOR })),
    e.receiver,
    (rc) => at(rc, 'waitNv'),
  );

/**
 * uintr_wait 2: re-check. Anything pending (ON, PIR, or UIRR already filled by a notification)
 * aborts the wait: NV restored and, on the way back to user, a self-IPI when PIR ≠ 0.
 */
export const waitRecheck: A<ReceiverStep> = (_cfg, s, e) => {
  const rc = s.receivers[e.receiver];
  const u = s.upids[e.receiver];
  if (rc === undefined || u === undefined) return s;
  if (!u.on && u.pir === 0n && rc.uirr === 0n)
    return withReceiver(s, e.receiver, (x) => at(x, 'waitChecked'));
  const restored = withUpid(s, e.receiver, (x) => ({ ...x, nv: NOTIFICATION_VECTOR }));
  const back = withReceiver(restored, e.receiver, (x) => at(x, 'user'));
  if (u.pir === 0n) return back;
  return withCpu(back, rc.cpu, (c) => ({ ...c, pending: setAdd(c.pending, NOTIFICATION_VECTOR) }));
};

/** uintr_wait 3: asleep (state saved, off its CPU). */
export const waitSleep: A<ReceiverStep> = (_cfg, s, e) => leaveCpu(s, e.receiver, 'waiting');

/** The wake path's last step: NV := the notification vector; the thread is runnable. */
export const wakeRestoreNv: A<ReceiverStep> = (_cfg, s, e) =>
  withReceiver(
    withUpid(s, e.receiver, (u) => ({ ...u, nv: NOTIFICATION_VECTOR })),
    e.receiver,
    (rc) => at(rc, 'off'),
  );

/** uintr_register_sender: V := 1 on the slot. */
export const register: A<Register> = (_cfg, s, e) => {
  const sd = s.senders[e.sender];
  return sd === undefined
    ? s
    : { ...s, senders: replaced(s.senders, e.sender, { ...sd, valid: sd.valid | (1 << e.index) }) };
};
/** Revocation: V := 0 first (later SENDUIPIs take #GP). */
export const revoke: A<Revoke> = (_cfg, s, e) => {
  const sd = s.senders[e.sender];
  return sd === undefined
    ? s
    : { ...s, senders: replaced(s.senders, e.sender, { ...sd, valid: sd.valid & ~(1 << e.index) }) };
};

/** Skyloft: the LAPIC timer sets its vector pending at the CPU. */
export const timerTick: A<TimerTick> = (_cfg, s, e) =>
  withCpu(s, e.cpu, (c) => ({ ...c, pending: setAdd(c.pending, TIMER_VECTOR) }));
