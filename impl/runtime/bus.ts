/**
 * The runtime's only way to the controller: one MMIO access (or, for the device side of the
 * system, one interrupt) at a time, through the shared driver, on any {@link ControllerDevice}.
 */
import type { Config } from '../../model/config/config.ts';
import type { Observation } from '../../model/controller/result.ts';
import type { ControllerEvent } from '../../model/events/events.ts';
import type { ControllerDevice } from '../device.ts';
import { drive } from '../drive.ts';

/** One controller access: the operation-level event it stands for, and what it observed. */
export interface BusAccess {
  readonly access: ControllerEvent;
  readonly obs: Observation;
}

export interface Bus {
  /** Performs `e` (an access or an interrupt) and returns what it observed. */
  access(e: ControllerEvent): BusAccess;
}

/** A bus onto `device`: every access goes through `drive`, so the device sees register-level reads and writes. */
export function deviceBus(cfg: Config, device: ControllerDevice): Bus {
  return { access: (e) => ({ access: e, obs: drive(cfg, device, e) }) };
}

/** The access did not complete: the device stalled the bus or aborted. */
export function failed(obs: Observation): boolean {
  return obs.kind === 'stall' || obs.kind === 'abort';
}
