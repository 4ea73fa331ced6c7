/**
 * The canonical key of a wakeup system state (protocols/wakeup/model/state.ts): the controller's key, then
 * each hart (phase, process, task) and each task record (life, process, priority, handler line,
 * line waited on), packed as small integers. Equal keys exactly for equal states.
 */

import type { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import { controllerKey } from '../../controller/engine/controllerKey.ts';
import type { HartPhase, SystemState, TaskLife } from '../model/state.ts';

const PHASE: Readonly<Record<HartPhase, number>> = { idle: 0, fetch: 1, running: 2, returning: 3, wedged: 4 };
const LIFE: Readonly<Record<TaskLife, number>> = { free: 0, ready: 1, running: 2, blocked: 3, done: 4 };

/** Appends the key of `s` to `k`. */
export function systemKey(k: KeyBuilder, s: SystemState): void {
  controllerKey(k, s.ctrl);
  for (const h of s.harts)
    k.int(PHASE[h.phase])
      .int(h.p + 1)
      .big(h.task);
  for (const r of s.tasks)
    k.int(LIFE[r.life])
      .int(r.p + 1)
      .int(r.prio)
      .int(r.handlerOf + 1)
      .int(r.waitsOn + 1);
}
