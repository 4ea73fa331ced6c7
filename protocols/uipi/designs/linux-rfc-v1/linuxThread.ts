/**
 * A receiver thread under linux-rfc-v1's kernel (spec/uipi-linux.md "New events and state"): its
 * task state in {user, kernel, runnable, sleeping}, where it is in a kernel path, whether its
 * UINTR xstate is in its CPU's registers, its XSAVE image, its handler frame, and uintr_wait's
 * bookkeeping (`waiting`, membership of the global uintr_wait_list) [P11].
 */
import type { ReceiverPhase } from '../../model/state.ts';
import type { UserThread } from '../reference/userSteps.ts';

/** The scheduler's view: at user level, in the kernel (on its CPU), runnable off-CPU, or asleep (TASK_INTERRUPTIBLE). */
export type LinuxTask = 'user' | 'kernel' | 'runnable' | 'sleeping';

/**
 * Where a thread in the kernel is on its CPU: in no UINTR step (`none`); in the exit to user
 * after switch_uintr_return's 3(a+b) (`exitRestored`) or 3(c) (`exitSnCleared`); switching out
 * after switch_uintr_prepare, XSAVES next (`switchingOut`); in uintr_wait after 5(a) (`waitNv`)
 * or 5(b) (`waitListed`).
 */
export type LinuxPath = 'none' | 'exitRestored' | 'exitSnCleared' | 'switchingOut' | 'waitNv' | 'waitListed';

export interface LinuxThread extends UserThread {
  task: LinuxTask;
  path: LinuxPath;
  /** The CPU it is on, -1 when runnable or asleep off-CPU. */
  cpu: number;
  /**
   * Its UINTR xstate is in its CPU's registers. False from a switch-in until the XRSTORS of
   * switch_fpu_return on its exit to user (TIF_NEED_FPU_LOAD), so a switch-in loads nothing.
   */
  loaded: boolean;
  /** XSAVE image: UIRR, MISC (UINV in 39:32, bit 63 = UIF), PD. */
  saved: { uirr: bigint; misc: bigint; pd: bigint };
  /**
   * In the kernel because of a syscall it made (a kernel entry from user level, or uintr_wait
   * itself), not because an interrupt took it there (a switch-out from user level): only a
   * syscall can go on into uintr_wait without first returning to user mode.
   */
  inSyscall: boolean;
  /** uintr_wait's `waiting` [P11]. */
  waiting: boolean;
  /** Its UPID is on the global uintr_wait_list [P11]. */
  onWaitList: boolean;
}

/** The model's phase for a thread (the abstraction's `phase`). */
export function linuxPhase(t: LinuxThread): ReceiverPhase {
  switch (t.task) {
    case 'user':
      return 'user';
    case 'runnable':
      return 'off';
    case 'sleeping':
      return 'waiting';
    case 'kernel':
      return KERNEL_PHASE[t.path];
  }
}

const KERNEL_PHASE: Readonly<Record<LinuxPath, ReceiverPhase>> = {
  none: 'kernel',
  exitRestored: 'inRestored',
  exitSnCleared: 'inSnClear',
  switchingOut: 'outSn',
  waitNv: 'waitNv',
  waitListed: 'waitListed',
};
