/**
 * The syscall system at start-up (a decision: the spec does not say how it boots): every
 * dispatcher registers for its type on its process (IPC_REGISTER, type 0 for services, type 1 for
 * reply dispatchers), then the kernel brings every user process online (STATUS 1), so storms
 * start with processes that can call; they take processes offline and online again. Every ring
 * is empty, every caller idle.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerEvent } from '../../controller/model/events.ts';
import { initialState } from '../../controller/model/state.ts';
import { step as controllerStep } from '../../controller/model/step.ts';
import { layoutOf, REPLY_TYPE, SERVICE_TYPE } from './layout.ts';
import { FREE_SLOT, IDLE_CALLER, type Ring, type SyscallState, WAITING_DISPATCHER } from './state.ts';

/** The MMIO writes the runtime performs at start-up, in order. */
export function syscallBootWrites(cfg: Config): ControllerEvent[] {
  const out: ControllerEvent[] = [];
  for (const x of layoutOf(cfg).agents) {
    if (x.kind === 'caller') continue;
    const ipcType = x.kind === 'service' ? SERVICE_TYPE : REPLY_TYPE;
    out.push({ type: 'IpcRegister', p: x.p, ipcType, task: x.task });
  }
  for (let p = 1; p < cfg.processes; p++) out.push({ type: 'StatusWrite', p, data: 1n });
  return out;
}

/** An empty ring of R slots. */
export function emptyRing(cfg: Config): Ring {
  return { head: 0, tail: 0, slots: new Array(cfg.ringSlots).fill(FREE_SLOT) };
}

/** The system after start-up. */
export function initialSyscall(cfg: Config): SyscallState {
  let ctrl = initialState(cfg);
  for (const w of syscallBootWrites(cfg)) ctrl = controllerStep(cfg, ctrl, w).state;
  const ring = emptyRing(cfg);
  return {
    ctrl,
    rings: Array.from({ length: cfg.processes }, () => ring),
    agents: layoutOf(cfg).agents.map((x) => (x.kind === 'caller' ? IDLE_CALLER : WAITING_DISPATCHER)),
  };
}
