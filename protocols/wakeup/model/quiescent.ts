/**
 * Quiescence (spec/controller.md §6 `noLostWakeupEventually`): every ready queue is empty and
 * every hart is idle, i.e. holds no task (it runs no executor, or its executor looks for work).
 * A wedged hart is never idle: a system with one can only fail the drain.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { SystemState } from './state.ts';

/** True when no task is ready in the controller and no hart holds a task. */
export function quiescent(_cfg: Config, s: SystemState): boolean {
  for (const q of s.ctrl.ready) if (q.length > 0) return false;
  for (const h of s.harts) if (h.phase !== 'idle' && h.phase !== 'fetch') return false;
  return true;
}
