/**
 * linux-rfc-v1's kernel steps (spec/uipi-linux.md "Variant linux-rfc-v1"), literally as the Linux
 * UINTR RFC v1 posted them: one function per atomic step, each citing its source ([P05], [P07],
 * [P11] the posted patches, [M1] Mehta's reply, [G] Intel's tree, [XS] the SDM as quoted, [L]
 * Lutomirski; uipi-linux.md's source key). Inferences are marked as the spec marks them.
 */
import type { ReceiverStep } from '../../model/events.ts';
import { KERNEL_VECTOR, NOTIFICATION_VECTOR } from '../../model/state.ts';
import { upidAddr } from '../reference/memory.ts';
import type { CpuRegs } from '../reference/uipiCpu.ts';
import {
  MISC_UIF,
  miscUinv,
  miscWithUinv,
  SN_BIT,
  upidOn,
  withNdst,
  withNv,
} from '../reference/upidLayout.ts';
import type { LinuxRfcV1Machine } from './linuxRfcV1Machine.ts';
import type { LinuxThread } from './linuxThread.ts';

/**
 * `switch_uintr_prepare(prev)`, run by __switch_to before switch_fpu_prepare [P07 process_64.c
 * hunk]: SN := 1 (locked set_bit) for a receiver that is not waiting — a task blocked in
 * uintr_wait leaves SN = 0 [M1 "leave SN as 0"; G `&& !is_uintr_waiting(prev)`; P07 as posted
 * set it for every receiver, before uintr_wait existed].
 */
function switchUintrPrepare(m: LinuxRfcV1Machine, r: number, t: LinuxThread): void {
  if (!t.waiting) m.upid0(r, (w) => w | SN_BIT);
}

/**
 * XSAVES of the UINTR state component by switch_fpu_prepare, then the thread leaves its CPU:
 * the image keeps UIRR, UIF, UINV and PD, and the live UINV is cleared [P07 commit message and
 * fpu/core.c comment; XS "After saving the user-interrupt state component, XSAVES clears UINV"].
 * A thread whose state was never restored since its switch-in (its exit did not run) has nothing
 * live to save. The CPU's other UINTR registers hold nothing anyone reads until the next XRSTORS
 * or RunOther overwrites them; they are cleared here so that equal states have equal registers.
 */
function xsavesAndLeave(m: LinuxRfcV1Machine, t: LinuxThread, task: 'runnable' | 'sleeping'): void {
  const cpu = m.cpus[t.cpu];
  if (cpu !== undefined) {
    if (t.loaded) t.saved = { uirr: cpu.uirr, misc: cpu.misc | (cpu.uif ? MISC_UIF : 0n), pd: cpu.pd };
    clearLive(cpu);
  }
  // Asleep, the thread is past its syscall's work: woken, it only returns (uintr_wait: -EINTR).
  Object.assign(t, {
    task,
    path: 'none',
    cpu: -1,
    loaded: false,
    inSyscall: task === 'runnable' && t.inSyscall,
  });
}

/** A CPU's UINTR registers after XSAVES (UINV = 0: no notification is recognized) and nothing loaded. */
function clearLive(cpu: CpuRegs): void {
  Object.assign(cpu, { current: -1, uirr: 0n, misc: miscWithUinv(cpu.misc, 0), pd: 0n, uif: false });
}

/** kernelEntry(R): a syscall (or an exception) takes R into the kernel; no UINTR action (P07 adds no entry hook). */
function kernelEntry(t: LinuxThread): void {
  Object.assign(t, { task: 'kernel', path: 'none', inSyscall: true });
}

/**
 * switchOut(R), first step: the kernel schedules R out — from the kernel (preempted or blocking
 * there), or from user level, where an interrupt took it into the kernel first (so it is in no
 * syscall) — and runs switch_uintr_prepare.
 */
function switchOutPrepare(m: LinuxRfcV1Machine, r: number, t: LinuxThread): void {
  switchUintrPrepare(m, r, t);
  Object.assign(t, { task: 'kernel', path: 'switchingOut', inSyscall: t.task === 'kernel' && t.inSyscall });
}

/**
 * switchIn(R, c): the scheduler runs runnable R on CPU c, which runs no thread of the
 * configuration. A receiver outside the configuration running there is switched out first (its
 * XSAVES clears the live UINV). Nothing of R's UINTR state is loaded: with TIF_NEED_FPU_LOAD the
 * XRSTORS waits for R's exit to user mode, and "a switch-in to a task that is in the kernel
 * changes nothing until that task exits" (uipi-linux.md mapping table; P07 adds no switch-in hook).
 */
export function switchIn(m: LinuxRfcV1Machine, r: number, c: number): void {
  const t = m.threads[r];
  const cpu = m.cpus[c];
  if (t === undefined || cpu === undefined) return;
  clearLive(cpu);
  cpu.current = r;
  Object.assign(t, { task: 'kernel', path: 'none', cpu: c, loaded: false });
}

/**
 * kernelExit(R), step 3(a+b): arch_exit_to_user_mode_prepare runs switch_fpu_return (XRSTORS of
 * the image when TIF_NEED_FPU_LOAD) and then, with IRQs off, switch_uintr_return: (a) if the live
 * UINV = 0, UINV := 0xEC; (b) NDST := this CPU [P07 entry-common hunk and uintr_core.c hunk; G
 * entry-common.h]. It runs on every exit to user mode, with or without a switch [T07].
 */
function kernelExitRestore(m: LinuxRfcV1Machine, r: number, t: LinuxThread): void {
  const cpu = m.cpus[t.cpu];
  if (cpu === undefined) return;
  if (!t.loaded) {
    Object.assign(cpu, {
      uirr: t.saved.uirr,
      misc: t.saved.misc & ~MISC_UIF,
      uif: (t.saved.misc & MISC_UIF) !== 0n,
      pd: t.saved.pd,
    });
    t.loaded = true;
  }
  if (miscUinv(cpu.misc) === 0) cpu.misc = miscWithUinv(cpu.misc, NOTIFICATION_VECTOR);
  m.upid0(r, (w) => withNdst(w, t.cpu));
  t.path = 'exitRestored';
}

/** kernelExit(R), step 3(c): clear_bit(UPID_SN) [P07 uintr_core.c hunk]. */
function kernelExitClearSn(m: LinuxRfcV1Machine, r: number, t: LinuxThread): void {
  m.upid0(r, (w) => w & ~SN_BIT);
  t.path = 'exitSnCleared';
}

/**
 * kernelExit(R), step 3(d): `if (READ_ONCE(upid->puir)) apic->send_IPI_self(UINTR_NOTIFICATION_VECTOR)`
 * [P07 uintr_core.c hunk]; ON is neither read nor cleared. R returns to user level, where the
 * self-IPI is ordinary notification processing ("No real interrupt would be generated").
 */
function kernelExitCheckPir(m: LinuxRfcV1Machine, r: number, t: LinuxThread): void {
  if (m.pirOf(r) !== 0n) m.selfIpi(t.cpu);
  Object.assign(t, { task: 'user', path: 'none', inSyscall: false });
}

/** uintr_wait 5(a): `upid->nc.nv = UINTR_KERNEL_VECTOR; waiting = true;` [P11, quoted in T11a]. */
function waitSwitchNv(m: LinuxRfcV1Machine, r: number, t: LinuxThread): void {
  m.upid0(r, (w) => withNv(w, KERNEL_VECTOR));
  Object.assign(t, { task: 'kernel', path: 'waitNv', inSyscall: true, waiting: true });
}

/** uintr_wait 5(b): `spin_lock_irqsave; list_add(&upid_ctx->node, &uintr_wait_list); spin_unlock_irqrestore` [P11]. */
function waitEnlist(t: LinuxThread): void {
  Object.assign(t, { onWaitList: true, path: 'waitListed' });
}

/**
 * uintr_wait 5(c)+5(d): `set_current_state(TASK_INTERRUPTIBLE); schedule();` [P11] — with no
 * re-check of ON, PIR or UIRR anywhere since 5(a) [T11a; M2]. schedule() switches R out with
 * IRQs off: switch_uintr_prepare (SN stays 0 while waiting) and XSAVES, and R sleeps. If the
 * kernel-vector wake already found R (before this step), `waiting` is clear and R sleeps anyway:
 * wake_up_process on a running task did nothing.
 */
function waitSleep(m: LinuxRfcV1Machine, r: number, t: LinuxThread): void {
  switchUintrPrepare(m, r, t);
  xsavesAndLeave(m, t, 'sleeping');
}

/**
 * kernelWake(cpu): 0xEB taken as a kernel interrupt; sysvec_uintr_kernel_notification acks it and
 * calls uintr_wake_up_process(), which under the global lock scans the whole uintr_wait_list and
 * for every UPID with ON = 1 does `set_bit(SN); nv = 0xEC; waiting = false; wake_up_process(task);
 * list_del` [P11, quoted in T11a]. ON is not cleared and PIR is untouched. wake_up_process on a
 * task that is not asleep (TASK_RUNNING) does nothing (standard scheduler semantics).
 */
export function kernelWake(m: LinuxRfcV1Machine): void {
  m.threads.forEach((t, r) => {
    if (!t.onWaitList || !upidOn(m.mem.read(upidAddr(r)))) return;
    m.upid0(r, (w) => withNv(w | SN_BIT, NOTIFICATION_VECTOR));
    t.waiting = false;
    if (t.task === 'sleeping') t.task = 'runnable';
    t.onWaitList = false;
  });
}

/**
 * spuriousAck(cpu): 0xEC (or any vector but 0xEB) taken as a kernel interrupt because the CPU's
 * live UINV is not 0xEC (after XSAVES, a thread switched in but not yet exited, or a task with no
 * UINTR state): sysvec_uintr_spurious_interrupt does `ack_APIC_irq(); inc_irq_stat(uintr_spurious_count);`
 * and nothing else, the UPID untouched [P05 irq.c hunk]. The ack is the acceptance itself.
 */
export function spuriousAck(): void {}

/**
 * runOther(cpu, T): idle CPU c runs T, a receiver thread outside the configuration: its state is
 * restored, so the live UINV is 0xEC and UPIDADDR is T's UPID, which no sender here targets. A
 * notification taken there is processed against T's UPID; R's ON and PIR are untouched [L]
 * (inferred from SDM processing keyed on the current UPIDADDR).
 */
export function runOther(m: LinuxRfcV1Machine, c: number): void {
  const cpu = m.cpus[c];
  if (cpu === undefined) return;
  Object.assign(cpu, { misc: miscWithUinv(cpu.misc, NOTIFICATION_VECTOR), pd: m.otherUpid, uirr: 0n });
}

/** Performs the kernel's receiver step `e` (possible now: linuxCan.ts). */
export function linuxReceiverStep(m: LinuxRfcV1Machine, e: ReceiverStep): void {
  const r = e.receiver;
  const t = m.threads[r];
  if (t === undefined) return;
  switch (e.type) {
    case 'KernelEntry':
      kernelEntry(t);
      return;
    case 'SwitchOutSn':
      switchOutPrepare(m, r, t);
      return;
    case 'SwitchOutSave':
      xsavesAndLeave(m, t, 'runnable');
      return;
    case 'KernelExit':
      kernelExitRestore(m, r, t);
      return;
    case 'SwitchInClearSn':
      kernelExitClearSn(m, r, t);
      return;
    case 'SwitchInCheckPir':
      kernelExitCheckPir(m, r, t);
      return;
    case 'WaitSwitchNv':
      waitSwitchNv(m, r, t);
      return;
    case 'WaitEnlist':
      waitEnlist(t);
      return;
    case 'WaitSleep':
      waitSleep(m, r, t);
      return;
    case 'WaitRecheck':
    case 'WakeRestoreNv':
      return; // not steps of this kernel (linuxCan.ts): no re-check, the wake restores NV itself
    case 'Deliver':
    case 'HandlerBody':
    case 'Uiret':
    case 'Stui':
    case 'Clui':
      return; // the hardware's (userSteps.ts)
  }
}
