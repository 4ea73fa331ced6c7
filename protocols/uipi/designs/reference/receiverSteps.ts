/**
 * The reference kernel's steps of a receiver thread (research §1.8): kernel entry,
 * switch_uintr_prepare and XSAVES, XRSTORS and switch_uintr_return (after a switch-in or on a
 * kernel exit), uintr_wait with its re-check, the kernel-vector handler's wake and the wake's NV
 * restore. M13–M19 live here; the user-level steps are the hardware's (userSteps.ts).
 */
import { isSkyloft } from '../../model/config.ts';
import type { ReceiverStep } from '../../model/events.ts';
import { KERNEL_VECTOR, NOTIFICATION_VECTOR } from '../../model/state.ts';
import { upidAddr } from './memory.ts';
import type { CpuRegs } from './uipiCpu.ts';
import type { UipiMachine } from './uipiMachine.ts';
import { MISC_UIF, SN_BIT, upidOn, withNv } from './upidLayout.ts';

/**
 * switch_uintr_return 1–2 on `c` (after a switch-in's XRSTORS, or on a kernel exit without one):
 * UINV re-programmed if 0, NDST := c. The M16 mutation clears SN here instead and routes one
 * step later (at SwitchInClearSn), on both paths: it is one function in the kernel.
 */
function exitRestore(m: UipiMachine, r: number, cpu: CpuRegs, c: number): void {
  const t = m.threads[r];
  if (t === undefined) return;
  t.kstate = 'inRestored';
  if (m.is('switch-in-sn-before-ndst')) {
    m.upid0(r, (w) => w & ~SN_BIT);
    return;
  }
  m.routeTo(r, cpu, c);
}

/** XRSTORS onto `c`, then switch_uintr_return 1–2: UINV re-programmed if 0, NDST := c. */
export function switchInRestore(m: UipiMachine, r: number, c: number): void {
  const t = m.threads[r];
  const cpu = m.cpus[c];
  if (t === undefined || cpu === undefined) return;
  Object.assign(cpu, {
    current: r,
    uirr: t.saved.uirr,
    misc: t.saved.misc & ~MISC_UIF,
    uif: (t.saved.misc & MISC_UIF) !== 0n,
    pd: t.saved.pd,
  });
  t.cpu = c;
  exitRestore(m, r, cpu, c);
}

/** The kernel-vector handler: every receiver asleep in uintr_wait whose UPID has ON = 1 gets SN := 1 and is woken. */
export function wakeWaiters(m: UipiMachine): void {
  m.threads.forEach((t, r) => {
    if (t.kstate !== 'waiting' || !upidOn(m.mem.read(upidAddr(r)))) return;
    m.upid0(r, (w) => w | SN_BIT);
    t.kstate = 'woken';
  });
}

/** Performs the reference kernel's receiver step `e` (possible now). */
export function receiverStep(m: UipiMachine, e: ReceiverStep): void {
  const r = e.receiver;
  const t = m.threads[r];
  if (t === undefined) return;
  const cpu = m.cpus[t.cpu];
  const sky = isSkyloft(m.cfg);
  switch (e.type) {
    case 'SwitchOutSn':
      if (!m.is('switch-out-no-sn')) m.upid0(r, (w) => w | SN_BIT);
      t.kstate = 'outSn';
      return;
    case 'SwitchOutSave':
      m.saveAndLeave(t, 'off');
      return;
    case 'SwitchInClearSn':
      t.kstate = 'inSnClear';
      if (m.is('switch-in-sn-before-ndst')) {
        if (cpu !== undefined) m.routeTo(r, cpu, t.cpu);
        return;
      }
      if (m.is('switch-in-pir-check-first')) {
        if (!sky && m.pirOf(r) !== 0n) m.selfIpi(t.cpu);
        return;
      }
      if (!sky) m.upid0(r, (w) => w & ~SN_BIT);
      return;
    case 'SwitchInCheckPir':
      t.kstate = 'user';
      if (sky || m.is('switch-in-no-pir-check')) return;
      if (m.is('switch-in-pir-check-first')) {
        m.upid0(r, (w) => w & ~SN_BIT);
        return;
      }
      // PIR ≠ 0 or a stale ON (protocols/uipi/model/actions.ts switchInCheckPir says why ON too).
      if (m.pirOf(r) !== 0n || upidOn(m.mem.read(upidAddr(r)))) m.selfIpi(t.cpu);
      return;
    case 'WaitSwitchNv':
      m.upid0(r, (w) => withNv(w, KERNEL_VECTOR));
      t.kstate = 'waitNv';
      return;
    case 'WaitRecheck': {
      const pending = upidOn(m.mem.read(upidAddr(r))) || m.pirOf(r) !== 0n || (cpu?.uirr ?? 0n) !== 0n;
      if (!pending || m.is('wait-no-recheck')) {
        t.kstate = 'waitChecked';
        return;
      }
      m.upid0(r, (w) => withNv(w, NOTIFICATION_VECTOR));
      t.kstate = 'user';
      if (m.pirOf(r) !== 0n) m.selfIpi(t.cpu);
      return;
    }
    case 'WaitSleep':
      m.saveAndLeave(t, 'waiting');
      return;
    case 'WakeRestoreNv':
      if (!m.is('wake-keeps-kernel-nv')) m.upid0(r, (w) => withNv(w, NOTIFICATION_VECTOR));
      t.kstate = 'off';
      return;
    case 'KernelEntry':
      t.kstate = 'kernel';
      return;
    case 'KernelExit':
      if (cpu !== undefined) exitRestore(m, r, cpu, t.cpu);
      return;
    case 'WaitEnlist':
      return; // never possible here (uipiCan)
    case 'Deliver':
    case 'HandlerBody':
    case 'Uiret':
    case 'Stui':
    case 'Clui':
      return; // the hardware's (userSteps.ts)
  }
}
