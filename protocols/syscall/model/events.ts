/**
 * The syscall system's event vocabulary (spec/controller.md §4.2, research/uintr-syscall.md
 * §2.4): one discriminated union on `type`. Each runtime rule of §4.2 is a named step: a caller
 * writes its slot (`Call`), publishes it (`Publish`), sends (`Signal`), is woken (`Wake`, by its
 * reply dispatcher, by request id) and reads and frees it (`Read`); a dispatcher takes a slot by
 * compare-and-set (`Take`), executes it (`Complete`), replies (`Reply`), stops running (`Park`)
 * and re-registers as its return action (`Return`). `Fetch` is a hart's DEQUEUE on a process;
 * STATUS writes take processes offline and online. Agents are numbered as in layout.ts.
 */
import type { StatusWrite } from '../../controller/model/events.ts';

export type { StatusWrite };

/** Caller `a` (idle, its process online) allocates the ring's tail slot (FREE → FILLING) and writes a request for `target` into it. */
export interface Call {
  readonly type: 'Call';
  readonly a: number;
  readonly target: number;
}
/** Caller `a` marks its slot SUBMITTED (rule 1: after writing it). */
export interface Publish {
  readonly type: 'Publish';
  readonly a: number;
}
/** Caller `a` writes IPC_SEND (type 0 to the target; rule 1: after publishing) and parks. */
export interface Signal {
  readonly type: 'Signal';
  readonly a: number;
}
/** A hart reads DEQUEUE of online process `p`; the task read starts running (if it may). */
export interface Fetch {
  readonly type: 'Fetch';
  readonly p: number;
}
/** Caller `a`, dequeued, reads its DONE slot's result and frees the slot (rule 4). */
export interface Read {
  readonly type: 'Read';
  readonly a: number;
}
/** Service dispatcher `a` takes the oldest SUBMITTED slot for its process by compare-and-set (rule 2). */
export interface Take {
  readonly type: 'Take';
  readonly a: number;
}
/** Service dispatcher `a` executes its TAKEN slot once, writes the result and marks it DONE. */
export interface Complete {
  readonly type: 'Complete';
  readonly a: number;
}
/** Service dispatcher `a` sends the reply (IPC_SEND type 1 to the requester's process) and lets the slot go. */
export interface Reply {
  readonly type: 'Reply';
  readonly a: number;
}
/** Reply dispatcher `a` wakes (ENQUEUE) the caller of its process whose request is DONE (rule 4). */
export interface Wake {
  readonly type: 'Wake';
  readonly a: number;
}
/** Dispatcher `a` finds no more work and returns: its hart stops running it (rule 3). */
export interface Park {
  readonly type: 'Park';
  readonly a: number;
}
/** Dispatcher `a`'s return action: IPC_REGISTER of its type on its process (rule 3). */
export interface Return {
  readonly type: 'Return';
  readonly a: number;
}

export type SyscallEvent =
  | StatusWrite
  | Call
  | Publish
  | Signal
  | Fetch
  | Read
  | Take
  | Complete
  | Reply
  | Wake
  | Park
  | Return;
export type SyscallEventType = SyscallEvent['type'];

/** The events about one agent (they carry `a`). */
export type AgentEvent = Exclude<SyscallEvent, StatusWrite | Fetch>;

/** Every syscall event type, in a fixed order. */
export const SYSCALL_EVENT_TYPES = [
  'StatusWrite',
  'Call',
  'Publish',
  'Signal',
  'Fetch',
  'Read',
  'Take',
  'Complete',
  'Reply',
  'Wake',
  'Park',
  'Return',
] as const satisfies readonly SyscallEventType[];

/** `e` as one short line: `Call(a=3, target=0)`. */
export function formatSyscallEvent(e: SyscallEvent): string {
  switch (e.type) {
    case 'StatusWrite':
      return `StatusWrite(p=${e.p}, data=0x${e.data.toString(16)})`;
    case 'Call':
      return `Call(a=${e.a}, target=${e.target})`;
    case 'Fetch':
      return `Fetch(p=${e.p})`;
    default:
      return `${e.type}(a=${e.a})`;
  }
}
