/**
 * Copies of implementation objects for branching (each explored product node owns its copy):
 * through the implementation's own `copy` when it has one (ControllerDevice.copy,
 * SoftwareRuntime.copy, SyscallRuntime.copy: a handful of field assignments per object, monomorphic, no lookup
 * table), else through the generic {@link snapshot}. Both give the same object graph;
 * test/engine/explore/copyImpl.test.ts checks it from every reachable tiny state.
 */
import type { ControllerDevice } from '../../protocols/controller/designs/device.ts';
import type { SyscallRuntime } from '../../protocols/syscall/runtime/syscallRuntime.ts';
import type { SoftwareRuntime } from '../../protocols/wakeup/runtime/softwareRuntime.ts';
import { type SnapshotSharing, snapshot } from './snapshot.ts';

/** An independent copy of `d` in its current state. */
export function copyDevice(d: ControllerDevice, sharing: SnapshotSharing): ControllerDevice {
  return d.copy?.() ?? snapshot(d, sharing);
}

/** An independent copy of the wakeup runtime `rt` and its device. */
export function copyRuntime(rt: SoftwareRuntime, sharing: SnapshotSharing): SoftwareRuntime {
  return rt.copy(copyDevice(rt.device, sharing));
}

/** An independent copy of the syscall runtime `rt` and its device. */
export function copySyscallRuntime(rt: SyscallRuntime, sharing: SnapshotSharing): SyscallRuntime {
  return rt.copy(copyDevice(rt.device, sharing));
}
