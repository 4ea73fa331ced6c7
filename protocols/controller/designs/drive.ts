/**
 * The driver (testbench sense): turns one event of the shared vocabulary into the register-level
 * access or interrupt it stands for, and applies it to a device. Operation-level events are
 * encoded by the shared encoder, so a device only ever sees reads, writes and interrupt edges.
 */
import type { Config } from '../model/config/config.ts';
import { encodeOperation, type JudgedOp, toOperation } from '../model/decode.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { Observation } from '../model/result.ts';
import type { ControllerDevice, ControllerImpl } from './device.ts';

/** How an event becomes register accesses on a device (the reference map's {@link drive}, or a design's own). */
export type Driver = (cfg: Config, device: ControllerDevice, e: ControllerEvent) => Observation;

export function drive(cfg: Config, device: ControllerDevice, e: ControllerEvent): Observation {
  const a = encodeOperation(cfg, e);
  switch (a.type) {
    case 'Read':
      return device.read(a.addr);
    case 'Write':
      return device.write(a.addr, a.data);
    case 'Irq':
      return device.irq(a.line);
  }
}

/** `impl`'s driver: its own, or the reference map's. */
export function driverOf(impl: ControllerImpl | undefined): Driver {
  return impl?.drive ?? drive;
}

/** Performs `e` on `device` through `impl`'s driver (the reference map when it has none, or for the model). */
export function driveDesign(
  impl: ControllerImpl | undefined,
  cfg: Config,
  device: ControllerDevice,
  e: ControllerEvent,
): Observation {
  return impl?.drive === undefined ? drive(cfg, device, e) : impl.drive(cfg, device, e);
}

/** What `e` does in abstract terms for `impl` (the reference decoding when it has none). */
export function decodeFor(impl: ControllerImpl | undefined, cfg: Config, e: ControllerEvent): JudgedOp {
  return impl?.decode === undefined ? toOperation(cfg, e) : impl.decode(cfg, e);
}
