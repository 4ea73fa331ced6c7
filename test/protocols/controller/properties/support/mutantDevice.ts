/**
 * A tiny deliberately broken device for the property tests: the model's step behind a
 * register-level interface, with one bug patched onto the model's result for the operations it
 * concerns. Everything else behaves exactly as the model.
 */
import type { ControllerDevice, ControllerImpl } from '../../../../../protocols/controller/designs/device.ts';
import { FULL_SUPPORT } from '../../../../../protocols/controller/designs/device.ts';
import type { Config } from '../../../../../protocols/controller/model/config/config.ts';
import { type Operation, toOperation } from '../../../../../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../../../../../protocols/controller/model/events.ts';
import type { Observation, StepResult } from '../../../../../protocols/controller/model/result.ts';
import { type ControllerState, initialState } from '../../../../../protocols/controller/model/state.ts';
import { step } from '../../../../../protocols/controller/model/step.ts';

/** The bug: given the state before, the decoded operation and the model's correct result, what the device does instead. */
export type Bug = (cfg: Config, s: ControllerState, op: Operation, correct: StepResult) => StepResult;

class MutantDevice implements ControllerDevice {
  private s: ControllerState;
  constructor(
    private readonly cfg: Config,
    private readonly bug: Bug,
  ) {
    this.s = initialState(cfg);
  }
  private apply(e: ControllerEvent): Observation {
    const r = this.bug(this.cfg, this.s, toOperation(this.cfg, e), step(this.cfg, this.s, e));
    this.s = r.state;
    return r.obs;
  }
  read(addr: bigint): Observation {
    return this.apply({ type: 'Read', addr });
  }
  write(addr: bigint, data: bigint): Observation {
    return this.apply({ type: 'Write', addr, data });
  }
  irq(line: number): Observation {
    return this.apply({ type: 'Irq', line });
  }
  abs(): ControllerState {
    return this.s;
  }
}

/** A registered-looking implementation whose devices carry `bug`. */
export function mutantImpl(name: string, expected: string, bug: Bug): ControllerImpl {
  return {
    name,
    description: `test mutant: ${name}`,
    expectedViolations: [expected],
    supports: FULL_SUPPORT,
    create: (cfg) => new MutantDevice(cfg, bug),
  };
}
