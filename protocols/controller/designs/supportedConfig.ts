/**
 * The configuration a design is checked on: the requested one restricted to what the design
 * declares it supports (device.ts `DesignSupport`), its blocked-queue depth B included where the
 * design fixes it. The controller storms, the wakeup and syscall
 * storms, the runtime and the §6 drain of a variant all use only the processes, priorities and
 * lines it serves. Storms keep their STATUS writes: a design without the register ignores
 * them, and every process it lets the system use is online in it from reset (QEMU: 0–3; Chisel:
 * 0), so they only steer the runtime's kernel (which harts may run which process).
 */

import { ConfigError } from '../../../model/configFile.ts';
import type { Config } from '../model/config/config.ts';
import { type ControllerImpl, type DesignSupport, FULL_SUPPORT } from './device.ts';

/** What `impl` supports (undefined, the model, supports everything). */
export function wakeupSupport(impl: ControllerImpl | undefined): DesignSupport {
  return impl === undefined ? FULL_SUPPORT : impl.supports;
}

/** Throws a one-line ConfigError when `impl` cannot express `cfg` at all (ControllerImpl.configError). */
export function assertExpressible(cfg: Config, impl: ControllerImpl | undefined): void {
  const why = impl?.configError?.(cfg) ?? null;
  if (why !== null) throw new ConfigError(`${impl?.name ?? 'model'} cannot run this configuration: ${why}`);
}

/** `cfg` restricted to what `impl` supports (the same object when nothing is restricted); refused when it cannot express it. */
export function supportedConfig(cfg: Config, impl: ControllerImpl | undefined): Config {
  assertExpressible(cfg, impl);
  const s = wakeupSupport(impl);
  const processes = Math.min(cfg.processes, s.processes);
  const priorities = Math.min(cfg.priorities, s.priorities);
  const devices = Math.min(cfg.devices, s.devices);
  const waitDepth = Math.min(cfg.waitDepth, s.waitDepth ?? cfg.waitDepth);
  if (
    processes === cfg.processes &&
    priorities === cfg.priorities &&
    devices === cfg.devices &&
    waitDepth === cfg.waitDepth
  )
    return cfg;
  return { ...cfg, processes, priorities, devices, waitDepth };
}
