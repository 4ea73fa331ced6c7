/**
 * When linux-rfc-v1's kernel can take a step (the hardware's own conditions are uintrMachine.ts's):
 * which CPUs take interrupts (IRQs are on at user level, in the kernel outside its IRQs-off paths
 * and inside uintr_wait before schedule(); off in the exit to user mode and the switch-out), and
 * which kernel step each thread can take from where it is. No Skyloft timer, no uintr_wait
 * re-check and no separate NV restore exist in this kernel.
 *
 * A decision the findings rest on: a kernel entry from user level here is a syscall (or an
 * exception), taken at an instruction boundary, so not while the CPU has an interrupt pending
 * (user level runs with interrupts on: it is taken at that boundary first) or a user interrupt is
 * deliverable (UIF = 1 and UIRR ≠ 0: delivery comes first, research §1.7); uintr_wait is a
 * syscall too, from user level or from inside a syscall the thread entered (possibly preempted
 * and switched back in since: a preemptible kernel); a thread an interrupt took into the kernel
 * returns to user mode first. An asynchronous entry (an interrupt, and the preemption it may
 * cause) is the switch-out from user level. The model and the reference let delivery wait behind any step, an
 * over-approximation that costs a correct design nothing; here it could make a finding of a
 * syscall the hardware would not have let run.
 */
import type { ReceiverStep } from '../../model/events.ts';
import type { KernelEvent } from '../reference/uintrMachine.ts';
import type { LinuxRfcV1Machine } from './linuxRfcV1Machine.ts';

/** Whether `i` indexes one of `n` things. */
function idx(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}

/**
 * Whether CPU `c` takes interrupts: it runs no thread of the configuration (idle, or another
 * receiver), or its thread is at user level, or in the kernel with IRQs on — outside any UINTR
 * path, or in uintr_wait after 5(a) or 5(b) (the list lock is taken and released within 5(b)).
 */
export function linuxTakesInterrupts(m: LinuxRfcV1Machine, c: number): boolean {
  const cur = m.cpus[c]?.current ?? -1;
  const t = cur < 0 ? undefined : m.threads[cur];
  if (t === undefined) return true;
  return (
    t.task === 'user' ||
    (t.task === 'kernel' && (t.path === 'none' || t.path === 'waitNv' || t.path === 'waitListed'))
  );
}

/** Whether the kernel's event `e` is possible now. */
export function linuxCan(m: LinuxRfcV1Machine, e: KernelEvent): boolean {
  const { cfg } = m;
  switch (e.type) {
    case 'TimerTick':
      return false;
    case 'SwitchInRestore': {
      const cpu = idx(e.cpu, cfg.cpus) ? m.cpus[e.cpu] : undefined;
      return (
        idx(e.receiver, cfg.receivers) &&
        m.threads[e.receiver]?.task === 'runnable' &&
        cpu !== undefined &&
        cpu.current === -1 &&
        !cpu.processing
      );
    }
    case 'RunOther': {
      const cpu = idx(e.cpu, cfg.cpus) ? m.cpus[e.cpu] : undefined;
      return cpu !== undefined && cpu.current === -1 && !cpu.processing && !m.runsOther(cpu);
    }
    default:
      return idx(e.receiver, cfg.receivers) && canReceiver(m, e);
  }
}

function canReceiver(m: LinuxRfcV1Machine, e: ReceiverStep): boolean {
  const t = m.threads[e.receiver];
  if (t === undefined) return false;
  const cpu = t.cpu >= 0 ? m.cpus[t.cpu] : undefined;
  if (cpu === undefined || cpu.processing) return false; // off-CPU threads take no step; microcode holds the CPU
  const user = t.task === 'user';
  const kernel = t.task === 'kernel' && t.path === 'none';
  const syscall = user && cpu.irr === 0n && !(cpu.uif && cpu.uirr !== 0n);
  switch (e.type) {
    case 'KernelEntry':
      return syscall;
    case 'SwitchOutSn':
      return user || kernel;
    case 'SwitchOutSave':
      return t.task === 'kernel' && t.path === 'switchingOut';
    case 'KernelExit':
      return kernel;
    case 'SwitchInClearSn':
      return t.task === 'kernel' && t.path === 'exitRestored';
    case 'SwitchInCheckPir':
      return t.task === 'kernel' && t.path === 'exitSnCleared';
    case 'WaitSwitchNv':
      return (syscall || (kernel && t.inSyscall)) && t.frame < 0;
    case 'WaitEnlist':
      return t.task === 'kernel' && t.path === 'waitNv';
    case 'WaitSleep':
      return t.task === 'kernel' && t.path === 'waitListed';
    case 'WaitRecheck':
    case 'WakeRestoreNv':
    case 'Deliver':
    case 'HandlerBody':
    case 'Uiret':
    case 'Stui':
    case 'Clui':
      return false; // not this kernel's steps; the user-level steps are the hardware's (uintrMachine.ts)
  }
}
