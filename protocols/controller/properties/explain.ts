/**
 * The words property messages are written in: task ids in hex, indices in decimal, and each
 * step named as a hardware engineer would say it ("DEQUEUE on page 1", "interrupt on line 0").
 */

import type { JudgedOp } from '../model/decode.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { Waiter } from '../model/state.ts';

/** A 64-bit value as `0x…`. */
export function hex(v: bigint): string {
  return `0x${v.toString(16)}`;
}

/** A FIFO of task ids, head first: `[0x3, 0x5]`. */
export function fmtTasks(q: readonly bigint[]): string {
  return `[${q.map(hex).join(', ')}]`;
}

/** A FIFO of waiters, head first: `[(p=1, task=0x3)]`. */
export function fmtWaiters(q: readonly Waiter[]): string {
  return `[${q.map((w) => `(p=${w.p}, task=${hex(w.task)})`).join(', ')}]`;
}

/** A net change of instances by task id: `{+0x5, −0x3 ×2}`; `{}` when nothing changed. */
export function fmtDelta(delta: ReadonlyMap<bigint, number>): string {
  const parts: string[] = [];
  for (const [task, n] of delta) {
    if (n === 0) continue;
    const times = Math.abs(n) === 1 ? '' : ` ×${Math.abs(n)}`;
    parts.push(`${n > 0 ? '+' : '−'}${hex(task)}${times}`);
  }
  return `{${parts.join(', ')}}`;
}

/** The step in domain words; a wrong access names the address (register level) or the event. */
export function describeOp(event: ControllerEvent, op: JudgedOp): string {
  switch (op.type) {
    case 'Dequeue':
      return `DEQUEUE on page ${op.p}`;
    case 'Enqueue':
      return `ENQUEUE_${op.prio} of ${hex(op.task)} on page ${op.p}`;
    case 'IrqRegister':
      return `IRQ_REGISTER_${op.device} of ${hex(op.task)} on page ${op.p}`;
    case 'IpcRegister':
      return `IPC_REGISTER_${op.ipcType} of ${hex(op.task)} on page ${op.p}`;
    case 'IpcSend':
      return `IPC_SEND of type ${op.ipcType} to process ${op.target} from page ${op.p}`;
    case 'Irq':
      return `interrupt on line ${op.line}`;
    case 'ErrorRead':
      return `ERROR read on page ${op.p}`;
    case 'StatusRead':
      return `STATUS read on page ${op.p}`;
    case 'StatusWrite':
      return `STATUS write of ${hex(op.data)} on page ${op.p}`;
    case 'DequeueVia':
      return `DEQUEUE through local queue ${op.via} of process ${op.p}`;
    case 'DesignOnly':
      return `${op.what} (${op.access}, no §4 counterpart)`;
    case 'BadAccess': {
      const where =
        event.type === 'Read' || event.type === 'Write' ? `at ${hex(event.addr)}` : `(${event.type})`;
      return `wrong ${op.access} ${where}: ${op.reason}`;
    }
  }
}

/** {@link describeOp} of a step that carries its event and decoded operation. */
export function describeStep(s: { readonly event: ControllerEvent; readonly op: JudgedOp }): string {
  return describeOp(s.event, s.op);
}
