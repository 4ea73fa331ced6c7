/**
 * The system a wakeup run drives, behind one interface: the pure system model (model/wakeup
 * `step`), or the executable software runtime (impl/runtime) over a controller implementation,
 * with the runtime bug of a wakeup mutant switched on. Both report each step as a
 * {@link StepOutcome} and their state as the model's system state (the runtime through `abs()`).
 */
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { driverOf } from '../../controller/designs/drive.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { initialSystem } from '../model/boot.ts';
import { enabled } from '../model/enabled.ts';
import type { SystemEvent } from '../model/events.ts';
import type { SystemState } from '../model/state.ts';
import { step } from '../model/step.ts';
import { isWakeupMutant } from '../mutants/wakeupMutants.ts';
import type { StepOutcome } from '../properties/context.ts';
import { SoftwareRuntime } from '../runtime/softwareRuntime.ts';

export interface WakeupSubject {
  /** The system's (abstract) state now. */
  state(): SystemState;
  /** Performs `e`, or rejects it and changes nothing. */
  apply(e: SystemEvent): StepOutcome;
  /** The events the system enables now. */
  enabled(): readonly SystemEvent[];
}

/** The system model, from start-up. */
export function modelSubject(cfg: Config): WakeupSubject {
  let s = initialSystem(cfg);
  return {
    state: () => s,
    apply(e) {
      const r = step(cfg, s, e);
      if (r.kind === 'accepted') s = r.state;
      return r; // an Accepted is a StepOutcome (with more fields); a Rejected is one
    },
    enabled: () => enabled(cfg, s),
  };
}

/** The software runtime over a fresh device of `impl` (with a wakeup mutant's runtime bug), from start-up. */
export function runtimeSubject(cfg: Config, impl: ControllerImpl): WakeupSubject {
  const rt = new SoftwareRuntime(
    cfg,
    impl.create(cfg),
    isWakeupMutant(impl) ? impl.runtimeMutation : undefined,
    undefined,
    driverOf(impl),
  );
  let abs: SystemState | undefined;
  return {
    state() {
      abs ??= rt.abs();
      return abs;
    },
    apply(e) {
      const r = rt.apply(e);
      if (r.kind === 'accepted') abs = undefined;
      return r;
    },
    enabled: () => rt.enabled(),
  };
}
