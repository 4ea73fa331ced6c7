/**
 * A controller device for tests that is the controller model itself, at register level (so the
 * runtime drives it through `drive()` exactly as it drives a hardware design). With
 * `dropUnwaited` it behaves like the published ATS-INTC QEMU model on interrupts (spec §7):
 * an interrupt that finds nobody waiting on its line is dropped, not counted.
 */
import type { ControllerDevice } from '../../../protocols/controller/designs/device.ts';
import type { Config } from '../../../protocols/controller/model/config/config.ts';
import { ACK, type Observation } from '../../../protocols/controller/model/result.ts';
import { type ControllerState, initialState } from '../../../protocols/controller/model/state.ts';
import { step } from '../../../protocols/controller/model/step.ts';

export class ModelDevice implements ControllerDevice {
  private readonly cfg: Config;
  private readonly dropUnwaited: boolean;
  private state: ControllerState;
  /** Interrupts dropped so far (only with `dropUnwaited`). */
  dropped = 0;

  constructor(cfg: Config, opts: { readonly dropUnwaited?: boolean } = {}) {
    this.cfg = cfg;
    this.dropUnwaited = opts.dropUnwaited ?? false;
    this.state = initialState(cfg);
  }

  read(addr: bigint): Observation {
    return this.run({ type: 'Read', addr });
  }

  write(addr: bigint, data: bigint): Observation {
    return this.run({ type: 'Write', addr, data });
  }

  irq(line: number): Observation {
    if (this.dropUnwaited && (this.state.irqWait[line]?.length ?? 0) === 0) {
      this.dropped++;
      return ACK;
    }
    return this.run({ type: 'Irq', line });
  }

  abs(): ControllerState {
    return this.state;
  }

  private run(e: Parameters<typeof step>[2]): Observation {
    const r = step(this.cfg, this.state, e);
    this.state = r.state;
    return r.obs;
  }
}
