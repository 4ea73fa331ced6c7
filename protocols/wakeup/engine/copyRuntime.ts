/** A copy of the software runtime and its device, for branching (engine/explore). */
import type { SnapshotSharing } from '../../../model/snapshot.ts';
import { copyDevice } from '../../controller/engine/copyDevice.ts';
import type { SoftwareRuntime } from '../runtime/softwareRuntime.ts';

/** An independent copy of the wakeup runtime `rt` and its device. */
export function copyRuntime(rt: SoftwareRuntime, sharing: SnapshotSharing): SoftwareRuntime {
  return rt.copy(copyDevice(rt.device, sharing));
}
