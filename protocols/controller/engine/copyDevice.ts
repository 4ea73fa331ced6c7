/**
 * A copy of a device for branching (each explored product node owns its copy): through the
 * device's own `copy` when it has one (a handful of field assignments, monomorphic), else through
 * the generic snapshot. Both give the same object graph; test/engine/explore/copyImpl.test.ts
 * checks it from every reachable tiny state.
 */
import { type SnapshotSharing, snapshot } from '../../../model/snapshot.ts';
import type { ControllerDevice } from '../designs/device.ts';

/** An independent copy of `d` in its current state. */
export function copyDevice(d: ControllerDevice, sharing: SnapshotSharing): ControllerDevice {
  return d.copy?.() ?? snapshot(d, sharing);
}
