/**
 * When the implementation can take a step: SENDUIPI needs a valid UITT entry and a sender not in
 * the middle of one; an IPI must be on the wires; a CPU accepts a pending vector when idle or
 * running its thread at user level or in the kernel with interrupts on, not during processing; a
 * thread's steps follow the kernel's view of where it is and the CPU's registers (UIF, UIRR)
 * while it runs. No receiver outside the configuration ever runs here (no RunOther) and
 * uintr_wait has no separate enlist step (the wait list is the sleeping threads).
 */
import { isSkyloft } from '../../model/config.ts';
import type { ReceiverStep, UipiEvent } from '../../model/events.ts';
import { uittEntryAddr } from './memory.ts';
import type { UipiMachine } from './uipiMachine.ts';
import { uittValid } from './uittLayout.ts';

/** Whether `i` indexes one of `n` things. */
function idx(i: number, n: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < n;
}

/** Whether `e` is possible now (the instruction's, the APIC's or the kernel's own conditions). */
export function uipiCan(m: UipiMachine, e: UipiEvent): boolean {
  const { cfg } = m;
  switch (e.type) {
    case 'Send': {
      if (!idx(e.sender, cfg.senders) || !idx(e.index, cfg.uittSize)) return false;
      const sd = m.senders[e.sender];
      return (
        sd?.held === null && sd.midSend === null && uittValid(m.mem.read(uittEntryAddr(e.sender, e.index)))
      );
    }
    case 'SendIpi': {
      const sd = idx(e.sender, cfg.senders) ? m.senders[e.sender] : undefined;
      return sd !== undefined && (sd.held !== null || sd.midSend !== null);
    }
    case 'Register':
    case 'Revoke': {
      if (!idx(e.sender, cfg.senders) || !idx(e.index, cfg.uittSize)) return false;
      return uittValid(m.mem.read(uittEntryAddr(e.sender, e.index))) === (e.type === 'Revoke');
    }
    case 'IpiArrive':
      return m.wires.some((w) => w.dest === e.cpu && w.vector === e.vector);
    case 'Accept': {
      const c = idx(e.cpu, cfg.cpus) ? m.cpus[e.cpu] : undefined;
      if (c === undefined || !idx(e.vector, 256) || ((c.irr >> BigInt(e.vector)) & 1n) === 0n || c.processing)
        return false;
      const k = c.current < 0 ? undefined : m.threads[c.current]?.kstate;
      return c.current < 0 || k === 'user' || k === 'kernel';
    }
    case 'NotifyDrain':
      return idx(e.cpu, cfg.cpus) && m.cpus[e.cpu]?.processing === true;
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
    case 'Deliver':
      return user && cpu.uif && cpu.uirr !== 0n;
    case 'HandlerBody':
      return user && t.frame >= 0 && !t.body;
    case 'Uiret':
      return user && t.frame >= 0 && t.body;
    case 'Stui':
      return user && t.frame < 0;
    case 'Clui':
    case 'KernelEntry':
      return user;
    case 'SwitchOutSn':
      return user || kernel;
    case 'KernelExit':
      return kernel;
    case 'WaitSwitchNv':
      return (user || kernel) && t.frame < 0 && !isSkyloft(m.cfg);
    case 'WaitEnlist':
      return false;
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
  }
}
