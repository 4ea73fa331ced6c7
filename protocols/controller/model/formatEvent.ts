/**
 * The one readable form of a controller event, close to a constructor call:
 * `Enqueue(p=0, prio=1, task=0x3)`. Task ids, addresses and data are hex; indices decimal.
 */
import type { ControllerEvent } from './events.ts';

const hex = (v: bigint): string => `0x${v.toString(16)}`;

/** `e` as one short line, for replays, counterexamples and logs. */
export function formatEvent(e: ControllerEvent): string {
  switch (e.type) {
    case 'Read':
      return `Read(addr=${hex(e.addr)})`;
    case 'Write':
      return `Write(addr=${hex(e.addr)}, data=${hex(e.data)})`;
    case 'Irq':
      return `Irq(line=${e.line})`;
    case 'Dequeue':
    case 'ErrorRead':
    case 'StatusRead':
      return `${e.type}(p=${e.p})`;
    case 'StatusWrite':
      return `StatusWrite(p=${e.p}, data=${hex(e.data)})`;
    case 'Enqueue':
      return `Enqueue(p=${e.p}, prio=${e.prio}, task=${hex(e.task)})`;
    case 'IpcSend':
      return `IpcSend(p=${e.p}, ipcType=${e.ipcType}, target=${e.target})`;
    case 'IpcRegister':
      return e.sender === undefined
        ? `IpcRegister(p=${e.p}, ipcType=${e.ipcType}, task=${hex(e.task)})`
        : `IpcRegister(p=${e.p}, ipcType=${e.ipcType}, task=${hex(e.task)}, sender=${e.sender})`;
    case 'LocalRead':
      return `LocalRead(p=${e.p}, lq=${e.lq}, off=${hex(BigInt(e.off))})`;
    case 'LocalWrite':
      return `LocalWrite(p=${e.p}, lq=${e.lq}, off=${hex(BigInt(e.off))}, data=${hex(e.data)})`;
    case 'IrqRegister':
      return `IrqRegister(p=${e.p}, device=${e.device}, task=${hex(e.task)})`;
  }
}
