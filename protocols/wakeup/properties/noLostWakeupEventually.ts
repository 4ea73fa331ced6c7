/**
 * noLostWakeupEventually (spec/controller.md §6 Wakeup, bounded liveness): after the storm, the
 * §6 drain (protocols/wakeup/model/drain.ts: no more interrupts or spawns, every process online, harts in a
 * fixed round-robin) reaches quiescence within `cfg.drainBound` steps, and at quiescence no
 * waiter is left whose interrupt has happened (one not lost to a reported PENDING_OVERFLOW), and
 * every woken task has run since its wake. A waiter of line d is a task in irqWait[d] or a task
 * the runtime believes blocked on d; the interrupts owed a wake are the ghost's `undelivered[d]`.
 */
import type { SystemState } from '../model/state.ts';
import type { WakeupLivenessProperty } from './context.ts';
import { workOutstanding } from './noStuckSystem.ts';
import { describeTask } from './words.ts';

/** The tasks waiting for line d: in its blocked queue, or blocked on it in the task table. */
function waitersOf(s: SystemState, d: number): bigint[] {
  const out = (s.ctrl.irqWait[d] ?? []).map((w) => w.task);
  s.tasks.forEach((r, i) => {
    const t = BigInt(i + 1);
    if (r.life === 'blocked' && r.waitsOn === d && !out.includes(t)) out.push(t);
  });
  return out;
}

export const noLostWakeupEventually: WakeupLivenessProperty = {
  id: 'noLostWakeupEventually',
  protocol: 'wakeup',
  kind: 'liveness',
  on: 'wakeupDrain',
  spec: 'controller.md §6 Wakeup',
  description:
    'After the storm the fair drain reaches quiescence within its bound, leaving no waiter whose interrupt happened and no woken task that has not run.',
  check(ctx) {
    const { cfg, state, drain, ghost } = ctx;
    if (!drain.reachedQuiescence) {
      const work = workOutstanding(state) ?? 'work is outstanding';
      if (drain.steps >= cfg.drainBound)
        return `the drain took its bound of ${cfg.drainBound} steps without reaching quiescence: ${work}`;
      return `the drain stopped after ${drain.steps} steps without reaching quiescence (no hart can step): ${work}`;
    }
    for (let d = 0; d < ghost.undelivered.length; d++) {
      const owed = ghost.undelivered[d] ?? [];
      const first = owed[0];
      if (first === undefined) continue;
      const waiters = waitersOf(state, d);
      if (waiters.length === 0) continue;
      const who = waiters.map((t) => describeTask(state, t)).join(' and ');
      const verb = waiters.length === 1 ? 'still waits' : 'still wait';
      const more = owed.length > 1 ? ` (and ${owed.length - 1} later ones)` : '';
      return `at quiescence ${who} ${verb} for line ${d}, but the interrupt on line ${d} at step ${first}${more} woke nobody (irqPending[${d}] = ${state.ctrl.irqPending[d] ?? 0})`;
    }
    for (const [t, at] of ghost.wokenNotRun) {
      return `at quiescence ${describeTask(state, t)} was woken at step ${at} and has not run since`;
    }
    return null;
  },
};
