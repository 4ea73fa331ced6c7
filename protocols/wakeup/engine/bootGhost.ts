/**
 * The controller ghost of a wakeup run at start-up: the runtime's boot registrations
 * (protocols/wakeup/model/boot.ts) are accesses the system performs before its first step, so the ghost
 * counts them as accepted writes (computed on the controller model's states; they are not judged,
 * since a device's state between boot writes is not observable through the runtime).
 */
import type { Config } from '../../controller/model/config/config.ts';
import { toOperation } from '../../controller/model/decode.ts';
import type { ControllerEvent } from '../../controller/model/events.ts';
import { initialState } from '../../controller/model/state.ts';
import { step as controllerStep } from '../../controller/model/step.ts';
import type { ControllerStepContext } from '../../controller/properties/context.ts';
import {
  advanceGhost,
  initialGhost,
  type MutableControllerGhost,
} from '../../controller/properties/ghost.ts';
import { bootWrites } from '../model/boot.ts';

/** The controller ghost after start-up: the boot registrations (`writes`, the wakeup system's by default) are accepted writes. */
export function bootedGhost(
  cfg: Config,
  writes: readonly ControllerEvent[] = bootWrites(cfg),
): MutableControllerGhost {
  const g = initialGhost(cfg);
  let before = initialState(cfg);
  writes.forEach((w, i) => {
    const r = controllerStep(cfg, before, w);
    const ctx: ControllerStepContext = {
      cfg,
      index: i - writes.length, // boot steps come before step 0
      event: w,
      op: toOperation(cfg, w),
      before,
      after: r.state,
      obs: r.obs,
      expected: undefined,
      ghost: g,
    };
    advanceGhost(g, ctx);
    before = r.state;
  });
  return g;
}
