/**
 * A device's state outside `abs()` (ControllerDevice.hiddenState, impl/device.ts) as key
 * material: the explorer keys an implementation by its abstraction plus this, so two device
 * states that abstract alike but may behave differently later are never merged.
 */
import type { ControllerDevice } from '../../impl/device.ts';
import type { KeyBuilder } from './keyBuilder.ts';

export function hiddenKey(k: KeyBuilder, d: ControllerDevice): void {
  const h = d.hiddenState?.() ?? '';
  k.int(h.length);
  for (let i = 0; i < h.length; i++) k.int(h.charCodeAt(i));
}
