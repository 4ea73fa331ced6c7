/**
 * The words wakeup property messages are written in: system events as constructor-like calls,
 * tasks with their role ("task 0x1, the handler of line 0"), and harts with what they hold.
 */
import type { ControllerEvent } from '../../model/events/events.ts';
import { formatSystemEvent, type SystemEvent } from '../../model/wakeup/events.ts';
import { type HartState, type SystemState, taskOf } from '../../model/wakeup/state.ts';
import { hex } from '../explain.ts';

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
  switch (a.type) {
    case 'Dequeue':
      return `DEQUEUE on page ${a.p}`;
    case 'Enqueue':
      return `ENQUEUE_${a.prio} of ${hex(a.task)} on page ${a.p}`;
    case 'IrqRegister':
      return `IRQ_REGISTER_${a.device} of ${hex(a.task)} on page ${a.p}`;
    case 'IpcRegister':
      return `IPC_REGISTER_${a.ipcType} of ${hex(a.task)} on page ${a.p}`;
    case 'IpcSend':
      return `IPC_SEND of type ${a.ipcType} to process ${a.target} from page ${a.p}`;
    case 'Irq':
      return `interrupt on line ${a.line}`;
    case 'ErrorRead':
      return `ERROR read on page ${a.p}`;
    case 'StatusRead':
      return `STATUS read on page ${a.p}`;
    case 'StatusWrite':
      return `STATUS write of ${hex(a.data)} on page ${a.p}`;
    case 'Read':
      return `read at ${hex(a.addr)}`;
    case 'Write':
      return `write of ${hex(a.data)} at ${hex(a.addr)}`;
  }
}
