/**
 * The finite event alphabet of the controller protocol for exploration: every operation on
 * every page with every task id of the pool (ENQUEUE at each priority, IRQ_REGISTER on each line,
 * IPC_REGISTER of each type), DEQUEUE and STATUS reads and writes per page, every interrupt line,
 * IPC_SEND of each type to each process (from page 0: the sender is not recorded, §4.2 and §8
 * decision 7, so one page stands for all), one ERROR read (global, §8 decision 4) and three wrong
 * accesses (§4.3). Task ids are 1..taskPool, as in storms.
 */
import type { Config } from '../model/config/config.ts';
import { registerAddress } from '../model/decode.ts';
import type { ControllerEvent } from '../model/events.ts';

/** The alphabet for `cfg`, in a fixed order. */
export function controllerAlphabet(cfg: Config): readonly ControllerEvent[] {
  const out: ControllerEvent[] = [];
  const n = cfg.processes;
  for (let line = 0; line < cfg.devices; line++) out.push({ type: 'Irq', line });
  for (let p = 0; p < n; p++) {
    out.push({ type: 'Dequeue', p });
    for (let task = 1n; task <= BigInt(cfg.taskPool); task++) {
      for (let prio = 0; prio < cfg.priorities; prio++) out.push({ type: 'Enqueue', p, prio, task });
      for (let device = 0; device < cfg.devices; device++) out.push({ type: 'IrqRegister', p, device, task });
      for (let ipcType = 0; ipcType < cfg.ipcTypes; ipcType++)
        out.push({ type: 'IpcRegister', p, ipcType, task });
    }
    out.push(
      { type: 'StatusRead', p },
      { type: 'StatusWrite', p, data: 0n },
      { type: 'StatusWrite', p, data: 1n },
    );
  }
  for (let ipcType = 0; ipcType < cfg.ipcTypes; ipcType++)
    for (let target = 0; target < n; target++) out.push({ type: 'IpcSend', p: 0, ipcType, target });
  out.push({ type: 'ErrorRead', p: 0 });
  // Wrong accesses (§4.3), one of each kind a decoder can get wrong: an unmapped register, a
  // priority index ≥ P, a task id 0.
  out.push({ type: 'Read', addr: registerAddress(cfg, 0, 'ERROR') + 0x10n }); // 0xF10: unmapped
  out.push({ type: 'Enqueue', p: 0, prio: cfg.priorities, task: 1n });
  out.push({ type: 'Enqueue', p: 0, prio: 0, task: 0n });
  return out.map((e) => Object.freeze(e));
}
