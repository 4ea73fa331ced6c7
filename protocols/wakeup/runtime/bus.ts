/**
 * The runtime's only way to the controller: one MMIO access (or, for the device side of the
 * system, one interrupt) at a time, through the design's driver (the reference map unless the design brings its own), on any {@link ControllerDevice}.
 */

import type { ControllerDevice } from '../../controller/designs/device.ts';
import type { Driver } from '../../controller/designs/drive.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerEvent } from '../../controller/model/events.ts';
import type { Observation } from '../../controller/model/result.ts';
import { endsRun } from '../../controller/model/result.ts';

/** One controller access: the operation-level event it stands for, and what it observed. */
export interface BusAccess {
  readonly access: ControllerEvent;
  readonly obs: Observation;
}

export interface Bus {
  /** Performs `e` (an access or an interrupt) and returns what it observed. */
  access(e: ControllerEvent): BusAccess;
}

/**
 * A bus onto a device, as an object with fields rather than a closure, so that a runtime can be
 * copied field by field (the explorer's snapshots, model/snapshot.ts).
 */
class DeviceBus implements Bus {
  private readonly cfg: Config;
  private readonly device: ControllerDevice;
  private readonly driver: Driver;

  constructor(cfg: Config, device: ControllerDevice, driver: Driver) {
    this.cfg = cfg;
    this.device = device;
    this.driver = driver;
  }

  access(e: ControllerEvent): BusAccess {
    return { access: e, obs: this.driver(this.cfg, this.device, e) };
  }
}

/** A bus onto `device`: every access goes through the design's driver, so the device sees its own register-level reads and writes. */
export function deviceBus(cfg: Config, device: ControllerDevice, driver: Driver): Bus {
  return new DeviceBus(cfg, device, driver);
}

/** The access did not complete: the device stalled the bus, aborted, or did something undefined. */
export function failed(obs: Observation): boolean {
  return endsRun(obs);
}
