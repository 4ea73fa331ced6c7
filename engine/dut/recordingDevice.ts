/**
 * A device that records every access made to it (reads, writes, interrupt edges) and forwards it
 * to another: run a software runtime over it on the reference device, and the recorded accesses
 * are what a conforming DUT sees for that run.
 */
import type { ControllerDevice } from '../../protocols/controller/designs/device.ts';
import type { Observation } from '../../protocols/controller/model/result.ts';
import type { DutAccess } from './process/requestLine.ts';

/** Records every access to `inner`, in order, in `accesses`. */
export class RecordingDevice implements ControllerDevice {
  readonly accesses: DutAccess[] = [];
  constructor(private readonly inner: ControllerDevice) {}
  read(addr: bigint): Observation {
    this.accesses.push({ type: 'Read', addr });
    return this.inner.read(addr);
  }
  write(addr: bigint, data: bigint): Observation {
    this.accesses.push({ type: 'Write', addr, data });
    return this.inner.write(addr, data);
  }
  irq(line: number): Observation {
    this.accesses.push({ type: 'Irq', line });
    return this.inner.irq(line);
  }
  abs() {
    return this.inner.abs();
  }
}
