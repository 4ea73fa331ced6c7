/**
 * A device's state outside `abs()` (ControllerDevice.hiddenState, protocols/controller/designs/device.ts) as key
 * material: the explorer keys an implementation by its abstraction plus this, so two device
 * states that abstract alike but may behave differently later are never merged.
 */
import type { KeyBuilder } from './keyBuilder.ts';

/** What declares its state outside its abstraction: a device, a runtime (SoftwareRuntime.hiddenState). */
export interface HidesState {
  hiddenState?(): string;
}

/** Appends `d`'s hidden state (its length, then its characters) to `k`. */
export function hiddenKey(k: KeyBuilder, d: HidesState): void {
  const h = d.hiddenState?.() ?? '';
  k.int(h.length);
  for (let i = 0; i < h.length; i++) k.int(h.charCodeAt(i));
}
