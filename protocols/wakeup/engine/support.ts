/**
 * What part of the system a controller implementation supports (spec/controller.md §7: a variant
 * is checked "with storms restricted to the accesses the variant supports", on its own
 * abstraction, not by refinement against the reference). The restriction is a configuration: the
 * wakeup storms, the runtime and the §6 drain of a variant all use only the processes, priorities
 * and lines it serves. Storms keep their STATUS writes: a design without the register ignores
 * them, and every process it lets the system use is online in it from reset (QEMU: 0–3; Chisel:
 * 0), so they only steer the runtime's kernel (which harts may run which process).
 */
import type { ControllerImpl } from '../../controller/designs/device.ts';
import type { Config } from '../../controller/model/config/config.ts';

export interface WakeupSupport {
  /** Process pages the design serves (their processes are usable by the system). */
  readonly processes: number;
  /** Priorities and lines beyond which the design aborts, or Infinity. */
  readonly priorities: number;
  readonly devices: number;
  /** The design is held to refinement against the reference model (the reference and its mutants). */
  readonly refines: boolean;
}

/** The reference design, its mutants and the model: everything, refinement included. */
export const FULL_SUPPORT: WakeupSupport = Object.freeze({
  processes: Number.POSITIVE_INFINITY,
  priorities: Number.POSITIVE_INFINITY,
  devices: Number.POSITIVE_INFINITY,
  refines: true,
});

/** The published designs of §7, by implementation name. */
const PUBLISHED: Readonly<Record<string, WakeupSupport>> = {
  // Processes 0–3 are online from reset; pages ≥ 4 drop writes; P ≥ 8 and lines ≥ 16 abort QEMU.
  'ats-intc-qemu': { processes: 4, priorities: 8, devices: 16, refines: false },
  // Process 0's page only.
  'ats-intc-chisel': {
    processes: 1,
    priorities: Number.POSITIVE_INFINITY,
    devices: Number.POSITIVE_INFINITY,
    refines: false,
  },
};

/** What `impl` supports (undefined, the model, supports everything). */
export function wakeupSupport(impl: ControllerImpl | undefined): WakeupSupport {
  return (impl === undefined ? undefined : PUBLISHED[impl.name]) ?? FULL_SUPPORT;
}

/** `cfg` restricted to what `impl` supports (the same object when nothing is restricted). */
export function supportedConfig(cfg: Config, impl: ControllerImpl | undefined): Config {
  const s = wakeupSupport(impl);
  const processes = Math.min(cfg.processes, s.processes);
  const priorities = Math.min(cfg.priorities, s.priorities);
  const devices = Math.min(cfg.devices, s.devices);
  if (processes === cfg.processes && priorities === cfg.priorities && devices === cfg.devices) return cfg;
  return { ...cfg, processes, priorities, devices };
}
