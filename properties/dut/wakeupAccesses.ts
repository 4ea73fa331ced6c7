/**
 * The register accesses of a wakeup storm: the software runtime runs the storm (start-up,
 * events, then the §6 drain) over the reference device, and every read, write and interrupt edge
 * it makes is recorded. They are what a conforming DUT sees for that storm, and they do not
 * depend on its replies, so they can be pipelined.
 */
import type { ControllerDevice } from '../../impl/device.ts';
import type { DutAccess } from '../../impl/dut/requestLine.ts';
import { ReferenceDevice } from '../../impl/reference/referenceDevice.ts';
import { SoftwareRuntime } from '../../impl/runtime/softwareRuntime.ts';
import type { Config } from '../../model/config/config.ts';
import type { Observation } from '../../model/controller/result.ts';
import type { SystemEvent } from '../../model/wakeup/events.ts';

/** A device that records every access made to it and forwards it to `inner`. */
class RecordingDevice implements ControllerDevice {
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

/** The accesses the software runtime makes over the reference device for `storm` (start-up and drain included). */
export function wakeupAccesses(cfg: Config, storm: readonly SystemEvent[]): DutAccess[] {
  const device = new RecordingDevice(new ReferenceDevice(cfg));
  const runtime = new SoftwareRuntime(cfg, device);
  for (const e of storm) runtime.apply(e);
  runtime.drain();
  return device.accesses;
}
