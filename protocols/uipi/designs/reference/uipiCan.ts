/**
 * When the reference kernel can take a step (the hardware's own conditions are uintrMachine.ts's):
 * a CPU takes a pending vector when idle or running its thread at user level or in the kernel
 * with interrupts on; a thread's kernel steps follow the kernel's view of where it is. No
 * receiver outside the configuration ever runs here (no RunOther) and uintr_wait has no separate
 * enlist step (the wait list is the sleeping threads).
 */
import { isSkyloft } from '../../model/config.ts';
import type { ReceiverStep } from '../../model/events.ts';
import type { KernelEvent } from './uintrMachine.ts';
import type { UipiMachine } from './uipiMachine.ts';

/** Whether `i` indexes one of `n` things. */
function idx(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}

/** Whether CPU `c` takes interrupts: idle, or its thread at user level or in the kernel with interrupts on. */
export function referenceTakesInterrupts(m: UipiMachine, c: number): boolean {
  const cur = m.cpus[c]?.current ?? -1;
  const k = cur < 0 ? undefined : m.threads[cur]?.kstate;
  return cur < 0 || k === 'user' || k === 'kernel';
}

/** Whether the reference kernel's event `e` is possible now. */
export function uipiCan(m: UipiMachine, e: KernelEvent): boolean {
  const { cfg } = m;
  switch (e.type) {
    case 'TimerTick': {
      const cur = idx(e.cpu, cfg.cpus) ? (m.cpus[e.cpu]?.current ?? -1) : -1;
      return isSkyloft(cfg) && cur >= 0 && m.threads[cur]?.kstate === 'user';
    }
    case 'SwitchInRestore':
      return (
        idx(e.receiver, cfg.receivers) &&
        idx(e.cpu, cfg.cpus) &&
        m.threads[e.receiver]?.kstate === 'off' &&
        m.cpus[e.cpu]?.current === -1
      );
    case 'RunOther':
      return false;
    default:
      return idx(e.receiver, cfg.receivers) && canReceiver(m, e);
  }
}

function canReceiver(m: UipiMachine, e: ReceiverStep): boolean {
  const t = m.threads[e.receiver];
  if (t === undefined) return false;
  const cpu = t.cpu >= 0 ? m.cpus[t.cpu] : undefined;
  if (cpu?.processing === true) return false;
  const user = t.kstate === 'user' && cpu !== undefined;
  const kernel = t.kstate === 'kernel' && cpu !== undefined;
  switch (e.type) {
    case 'KernelEntry':
      return user;
    case 'SwitchOutSn':
      return user || kernel;
    case 'KernelExit':
      return kernel;
    case 'WaitSwitchNv':
      return (user || kernel) && t.frame < 0 && !isSkyloft(m.cfg);
    case 'SwitchOutSave':
      return t.kstate === 'outSn';
    case 'SwitchInClearSn':
      return t.kstate === 'inRestored';
    case 'SwitchInCheckPir':
      return t.kstate === 'inSnClear';
    case 'WaitRecheck':
      return t.kstate === 'waitNv';
    case 'WaitSleep':
      return t.kstate === 'waitChecked';
    case 'WakeRestoreNv':
      return t.kstate === 'woken';
    case 'WaitEnlist':
    case 'Deliver':
    case 'HandlerBody':
    case 'Uiret':
    case 'Stui':
    case 'Clui':
      return false; // no enlist step here; the user-level steps are the hardware's (uintrMachine.ts)
  }
}
