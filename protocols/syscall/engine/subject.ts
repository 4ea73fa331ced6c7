/**
 * The system a syscall run drives: the pure syscall model, or the executable syscall runtime
 * (impl/syscall) over a controller implementation, with a syscall mutant's runtime bug switched
 * on. Both report each step as a {@link SyscallStepOutcome} and their state as the model's.
 */
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { driverOf } from '../../controller/designs/drive.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { initialSyscall } from '../model/boot.ts';
import type { SyscallEvent } from '../model/events.ts';
import type { SyscallState } from '../model/state.ts';
import { step } from '../model/step.ts';
import { isSyscallMutant } from '../mutants/syscallMutants.ts';
import type { SyscallStepOutcome } from '../properties/context.ts';
import { SyscallRuntime } from '../runtime/syscallRuntime.ts';

export interface SyscallSubject {
  state(): SyscallState;
  apply(e: SyscallEvent): SyscallStepOutcome;
}

/** The syscall model, from start-up. */
export function syscallModelSubject(cfg: Config): SyscallSubject {
  let s = initialSyscall(cfg);
  return {
    state: () => s,
    apply(e) {
      const r = step(cfg, s, e);
      if (r.kind === 'accepted') s = r.state;
      return r;
    },
  };
}

/** The syscall runtime over a fresh device of `impl` (with a syscall mutant's runtime bug), from start-up. */
export function syscallRuntimeSubject(cfg: Config, impl: ControllerImpl): SyscallSubject {
  const rt = new SyscallRuntime(
    cfg,
    impl.create(cfg),
    isSyscallMutant(impl) ? impl.syscallMutation : undefined,
    undefined,
    driverOf(impl),
  );
  return { state: () => rt.abs(), apply: (e) => rt.apply(e) };
}
