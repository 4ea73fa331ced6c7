/**
 * The events a {@link SoftwareRuntime} accepts in its current state, listed in the same order as
 * the model's `enabled` (interrupts, status writes, spawns, then hart by hart), decided from the
 * runtime's own state only. Over a device that follows the spec the two lists are equal.
 */
import { FINISH, HANDLED, type PollOutcome, type SystemEvent, YIELD } from '../model/events.ts';
import type { Executor } from './executor.ts';
import type { SoftwareRuntime } from './softwareRuntime.ts';

/** Appends the HartSwitch events the kernel allows for `x`, process by process. */
function pushSwitches(rt: SoftwareRuntime, x: Executor, out: SystemEvent[]): void {
  for (let p = 0; p < rt.cfg.processes; p++) {
    if (rt.maySwitch(x, p)) out.push({ type: 'HartSwitch', hart: x.hart, p });
  }
}

export function runtimeEnabled(rt: SoftwareRuntime): SystemEvent[] {
  const { cfg, kernel, executors } = rt;
  const out: SystemEvent[] = [];
  for (let line = 0; line < cfg.devices; line++) out.push({ type: 'Irq', line });
  for (let p = 0; p < cfg.processes; p++) {
    const on = kernel.isOnline(p);
    if (on && !executors.some((x) => x.process === p)) out.push({ type: 'StatusWrite', p, data: 0n });
    if (!on) out.push({ type: 'StatusWrite', p, data: 1n });
  }
  if (kernel.nextFreeId() !== 0n) {
    for (let p = 0; p < cfg.processes; p++) {
      if (kernel.liveIn(p) >= cfg.capacity) continue;
      for (let prio = 0; prio < cfg.priorities; prio++) out.push({ type: 'Spawn', p, prio });
    }
  }
  const outcomes: PollOutcome[] = [YIELD, FINISH, HANDLED];
  for (let device = 0; device < cfg.devices; device++) outcomes.push({ kind: 'block', device });
  for (const x of executors) {
    const hart = x.hart;
    switch (x.phase) {
      case 'fetch':
        out.push({ type: 'HartFetch', hart }, { type: 'HartPark', hart });
        pushSwitches(rt, x, out);
        break;
      case 'idle':
        pushSwitches(rt, x, out);
        break;
      case 'running':
        for (const outcome of outcomes)
          if (rt.mayReturn(x, outcome)) out.push({ type: 'HartPoll', hart, outcome });
        break;
      case 'returning':
        out.push({ type: 'HartReturn', hart });
        break;
      case 'wedged':
        break;
    }
  }
  return out;
}
