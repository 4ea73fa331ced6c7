/** A copy of the syscall runtime and its device, for branching (engine/explore). */
import type { SnapshotSharing } from '../../../model/snapshot.ts';
import { copyDevice } from '../../controller/engine/copyDevice.ts';
import type { SyscallRuntime } from '../runtime/syscallRuntime.ts';

/** An independent copy of the syscall runtime `rt` and its device. */
export function copySyscallRuntime(rt: SyscallRuntime, sharing: SnapshotSharing): SyscallRuntime {
  return rt.copy(copyDevice(rt.device, sharing));
}
