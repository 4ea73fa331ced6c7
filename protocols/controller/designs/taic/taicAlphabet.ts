/**
 * The explorer's alphabet for TAIC's `well-formed` profile: every mapped reference operation on
 * processes 0..min(N, 4)−1 with plain ids (no preempt or keep bit, never 0), the registrations
 * naming each possible sender, every interrupt line, and STATUS writes and reads.
 */
import type { Config } from '../../model/config/config.ts';
import type { ControllerEvent } from '../../model/events.ts';
import { GQ_NUM, LQ_NUM } from './taicMap.ts';

export function wellFormedAlphabet(cfg: Config): readonly ControllerEvent[] {
  const out: ControllerEvent[] = [];
  const n = Math.min(cfg.processes, GQ_NUM);
  for (let line = 0; line < cfg.devices; line++) out.push({ type: 'Irq', line });
  for (let p = 0; p < n; p++) {
    out.push({ type: 'Dequeue', p }, { type: 'ErrorRead', p }, { type: 'StatusRead', p });
    out.push({ type: 'StatusWrite', p, data: 0n }, { type: 'StatusWrite', p, data: 1n });
    for (let i = 1; i <= cfg.taskPool; i++) {
      const task = BigInt(i) << 2n;
      for (let prio = 0; prio < Math.min(cfg.priorities, LQ_NUM); prio++)
        out.push({ type: 'Enqueue', p, prio, task });
      for (let device = 0; device < cfg.devices; device++) out.push({ type: 'IrqRegister', p, device, task });
      for (let ipcType = 0; ipcType < cfg.ipcTypes; ipcType++)
        for (let sender = 0; sender < n; sender++)
          out.push({ type: 'IpcRegister', p, ipcType, task, sender });
    }
    for (let target = 0; target < n; target++)
      for (let ipcType = 0; ipcType < cfg.ipcTypes; ipcType++)
        out.push({ type: 'IpcSend', p, ipcType, target });
  }
  return out.map((e) => Object.freeze(e));
}
