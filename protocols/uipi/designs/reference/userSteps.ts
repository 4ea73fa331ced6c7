/**
 * A thread's user-level steps, the same on every kernel (research §1.5, §1.7): delivery of the
 * highest UIRR vector (its bit cleared, UIF := 0, the handler entered), the handler's body
 * (Skyloft's timer handler re-posts its own PIR bit), UIRET (UIF := 1), STUI, CLUI. M9–M12 and
 * the Skyloft re-post (M23) live here.
 */
import { isSkyloft } from '../../model/config.ts';
import { upidAddr } from './memory.ts';
import type { UintrMachine } from './uintrMachine.ts';
import type { CpuRegs } from './uipiCpu.ts';

const bitOf = (v: number): bigint => 1n << BigInt(v);

/** The user-level steps. */
export type UserStep = 'Deliver' | 'HandlerBody' | 'Uiret' | 'Stui' | 'Clui';

/** What a user-level step reads and writes of a thread: its CPU, the handler frame on its stack. */
export interface UserThread {
  readonly cpu: number;
  /** The vector pushed by delivery on the user stack (-1: not in a handler). */
  frame: number;
  /** The handler's body has run. */
  body: boolean;
}

/** Whether user-level step `type` is possible for `t` at user level on `cpu` (research §1.7 delivery conditions). */
export function userCan(t: UserThread, cpu: CpuRegs, type: UserStep): boolean {
  switch (type) {
    case 'Deliver':
      return cpu.uif && cpu.uirr !== 0n;
    case 'HandlerBody':
      return t.frame >= 0 && !t.body;
    case 'Uiret':
      return t.frame >= 0 && t.body;
    case 'Stui':
      return t.frame < 0;
    case 'Clui':
      return true;
  }
}

/** Performs user-level step `type` of receiver r's thread `t` on `cpu`. */
export function userStep(m: UintrMachine, r: number, t: UserThread, cpu: CpuRegs, type: UserStep): void {
  switch (type) {
    case 'Deliver': {
      let v = 63;
      if (m.is('deliver-lowest')) v = 0;
      const step = m.is('deliver-lowest') ? 1 : -1;
      while (((cpu.uirr >> BigInt(v)) & 1n) === 0n) v += step;
      if (!m.is('deliver-keeps-uirr')) cpu.uirr &= ~bitOf(v);
      if (!m.is('deliver-keeps-uif')) cpu.uif = false;
      t.frame = v;
      t.body = false;
      return;
    }
    case 'HandlerBody':
      t.body = true;
      if (isSkyloft(m.cfg) && t.frame === m.cfg.timer && !m.is('skyloft-no-repost')) {
        // _senduipi(self): with SN = 1 the locked post only sets PIR ("reset UPID.PIR").
        m.mem.write(upidAddr(r) + 8n, m.pirOf(r) | bitOf(m.cfg.timer));
      }
      return;
    case 'Uiret':
      t.frame = -1;
      t.body = false;
      if (!m.is('uiret-keeps-uif-clear')) cpu.uif = true;
      return;
    case 'Stui':
    case 'Clui':
      cpu.uif = type === 'Stui';
      return;
  }
}
