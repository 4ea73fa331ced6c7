/**
 * The register accesses of a syscall storm: the syscall runtime runs the storm (start-up, the
 * events, then the §6 drain) over the reference device, and every read and write it makes is
 * recorded. They are what a conforming DUT sees for that storm (a DEQUEUE's answer decides which
 * coroutine runs next, so they are the accesses of a run on a device that answers as the
 * reference does; the DUT's first different answer is where replay stops), and they can be
 * pipelined.
 */
import type { DutAccess } from '../../../engine/dut/process/requestLine.ts';
import { RecordingDevice } from '../../../engine/dut/recordingDevice.ts';
import { ReferenceDevice } from '../../controller/designs/reference/referenceDevice.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { drainSyscallSubject } from '../model/drain.ts';
import type { SyscallEvent } from '../model/events.ts';
import { SyscallRuntime } from '../runtime/syscallRuntime.ts';

/** The accesses the syscall runtime makes over the reference device for `storm` (start-up and drain included). */
export function syscallAccesses(cfg: Config, storm: readonly SyscallEvent[]): DutAccess[] {
  const device = new RecordingDevice(new ReferenceDevice(cfg));
  const runtime = new SyscallRuntime(cfg, device);
  for (const e of storm) runtime.apply(e);
  drainSyscallSubject(cfg, {
    state: () => runtime.abs(),
    apply: (e) => runtime.apply(e).kind === 'accepted',
  });
  return device.accesses;
}
