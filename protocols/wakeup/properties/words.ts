/**
 * The words wakeup property messages are written in: system events as constructor-like calls,
 * tasks with their role ("task 0x1, the handler of line 0"), and harts with what they hold.
 */

import type { ControllerEvent } from '../../controller/model/events.ts';
import { describeOp, hex } from '../../controller/properties/explain.ts';
import { formatSystemEvent, type SystemEvent } from '../model/events.ts';
import { type HartState, type SystemState, taskOf } from '../model/state.ts';

/** A task id with its role when the task table knows it: `task 0x1 (handler of line 0)`. */
export function describeTask(s: SystemState, t: bigint): string {
  const r = taskOf(s, t);
  if (r === undefined || r.life === 'free') return `task ${hex(t)}`;
  const role = r.handlerOf >= 0 ? `handler of line ${r.handlerOf}` : `process ${r.p}, priority ${r.prio}`;
  return `task ${hex(t)} (${role})`;
}

/** A hart as its phase, process and task: `fetch on process 1`, `running 0x3 on process 0`. */
export function describeHart(h: HartState): string {
  switch (h.phase) {
    case 'idle':
      return 'idle';
    case 'fetch':
      return `fetch on process ${h.p}`;
    case 'running':
      return `running ${hex(h.task)} on process ${h.p}`;
    case 'returning':
      return `returning ${hex(h.task)} on process ${h.p}`;
    case 'wedged':
      return h.task === 0n ? `wedged on process ${h.p}` : `wedged holding ${hex(h.task)} on process ${h.p}`;
  }
}

/** The system step as one line: `HartReturn(hart=0)`. */
export function describeEvent(e: SystemEvent): string {
  return formatSystemEvent(e);
}

/** The controller access a step performed, close to the register map: `IRQ_REGISTER_1 of 0x2 on page 0`. */
export function describeAccess(a: ControllerEvent | null): string {
  if (a === null) return 'no access';
  if (a.type === 'Read') return `read at ${hex(a.addr)}`;
  if (a.type === 'Write') return `write of ${hex(a.data)} at ${hex(a.addr)}`;
  if (a.type === 'LocalRead')
    return `read at offset ${hex(BigInt(a.off))} of local page ${a.lq} of process ${a.p}`;
  if (a.type === 'LocalWrite')
    return `write of ${hex(a.data)} at offset ${hex(BigInt(a.off))} of local page ${a.lq} of process ${a.p}`;
  return describeOp(a, a);
}
