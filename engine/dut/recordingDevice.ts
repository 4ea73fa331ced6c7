/**
 * A device that records every access made to it (reads, writes, interrupt edges) and forwards it
 * to another: run a software runtime or a design's driver over it on the predictor's device, and
 * the recorded accesses are what a conforming DUT sees for that run. It also notes the first
 * access the inner device could not complete (a stall, an abort, an undefined effect): the run
 * ends there, and nothing after it is stimulus.
 */
import type { ControllerDevice } from '../../protocols/controller/designs/device.ts';
import { endsRun, type Observation } from '../../protocols/controller/model/result.ts';
import type { DutAccess } from './process/requestLine.ts';

/** Records every access to `inner`, in order, in `accesses`. */
export class RecordingDevice implements ControllerDevice {
  readonly accesses: DutAccess[] = [];
  /** Index in {@link accesses} of the first access whose observation ends the run, if one did. */
  endedAt: number | undefined;
  constructor(private readonly inner: ControllerDevice) {}
  read(addr: bigint): Observation {
    return this.note({ type: 'Read', addr }, this.inner.read(addr));
  }
  write(addr: bigint, data: bigint): Observation {
    return this.note({ type: 'Write', addr, data }, this.inner.write(addr, data));
  }
  irq(line: number): Observation {
    return this.note({ type: 'Irq', line }, this.inner.irq(line));
  }
  abs() {
    return this.inner.abs();
  }
  /** The accesses up to and including the one that ended the run (all of them when none did). */
  stimulus(): DutAccess[] {
    return this.endedAt === undefined ? this.accesses : this.accesses.slice(0, this.endedAt + 1);
  }
  private note(a: DutAccess, obs: Observation): Observation {
    if (this.endedAt === undefined && endsRun(obs)) this.endedAt = this.accesses.length;
    this.accesses.push(a);
    return obs;
  }
}
