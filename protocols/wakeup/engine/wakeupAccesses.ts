/**
 * The register accesses of a wakeup storm: the software runtime runs the storm (start-up,
 * events, then the §6 drain) over the reference device, and every read, write and interrupt edge
 * it makes is recorded. They are what a conforming DUT sees for that storm, and they do not
 * depend on its replies, so they can be pipelined.
 */
import type { DutAccess } from '../../../engine/dut/process/requestLine.ts';
import { RecordingDevice } from '../../../engine/dut/recordingDevice.ts';
import { ReferenceDevice } from '../../controller/designs/reference/referenceDevice.ts';
import type { Config } from '../../controller/model/config/config.ts';
import type { SystemEvent } from '../model/events.ts';
import { SoftwareRuntime } from '../runtime/softwareRuntime.ts';

/** The accesses the software runtime makes over the reference device for `storm` (start-up and drain included). */
export function wakeupAccesses(cfg: Config, storm: readonly SystemEvent[]): DutAccess[] {
  const device = new RecordingDevice(new ReferenceDevice(cfg));
  const runtime = new SoftwareRuntime(cfg, device);
  for (const e of storm) runtime.apply(e);
  runtime.drain();
  return device.accesses;
}
