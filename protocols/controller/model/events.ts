/**
 * The shared event vocabulary (spec/controller.md §4): one discriminated union on `type`, used by
 * the model, every implementation, the properties, storms and traces alike. A trace step's
 * `mbt::actionTaken` is an event's `type`, and `mbt::nondetPicks` are its other fields.
 *
 * Two levels describe the same steps:
 * - register level: {@link Read} and {@link Write} of a 64-bit MMIO address, and {@link Irq};
 * - operation level: what an access decodes to ({@link Enqueue}, {@link Dequeue}, …). An
 *   operation event means exactly the access {@link encodeOperation} turns it into, wrong values
 *   included (an `Enqueue` at priority ≥ P is the same BAD_ACCESS as the write it encodes to).
 */

/** An MMIO read of one 64-bit register. */
export interface Read {
  readonly type: 'Read';
  readonly addr: bigint;
}
/** An MMIO write of one 64-bit register. */
export interface Write {
  readonly type: 'Write';
  readonly addr: bigint;
  readonly data: bigint;
}
/** An edge on external interrupt line `line` (< D). */
export interface Irq {
  readonly type: 'Irq';
  readonly line: number;
}
/** Read DEQUEUE on page `p`. */
export interface Dequeue {
  readonly type: 'Dequeue';
  readonly p: number;
}
/** Write `task` to ENQUEUE_prio on page `p`. */
export interface Enqueue {
  readonly type: 'Enqueue';
  readonly p: number;
  readonly prio: number;
  readonly task: bigint;
}
/** Write IPC_SEND on page `p` with data `(ipcType << 32) | target`. */
export interface IpcSend {
  readonly type: 'IpcSend';
  readonly p: number;
  readonly ipcType: number;
  readonly target: number;
}
/**
 * Write handler `task` to IPC_REGISTER_ipcType on page `p`. `sender` is the process the handler
 * accepts sends from, for a design whose receive capability names one (TAIC, taic.md *Storm
 * restriction*); the reference records no sender (§4.2, §8 decision 7) and ignores it.
 */
export interface IpcRegister {
  readonly type: 'IpcRegister';
  readonly p: number;
  readonly ipcType: number;
  readonly task: bigint;
  readonly sender?: number;
}
/** Write `task` to IRQ_REGISTER_device on page `p`. */
export interface IrqRegister {
  readonly type: 'IrqRegister';
  readonly p: number;
  readonly device: number;
  readonly task: bigint;
}
/** Read ERROR (global, read-to-clear) through page `p`. */
export interface ErrorRead {
  readonly type: 'ErrorRead';
  readonly p: number;
}
/** Read STATUS of page `p`. */
export interface StatusRead {
  readonly type: 'StatusRead';
  readonly p: number;
}
/** Write STATUS of page `p`: bit 0 of `data` becomes `online[p]`. */
export interface StatusWrite {
  readonly type: 'StatusWrite';
  readonly p: number;
  readonly data: bigint;
}

/**
 * A read of offset `off` of process p's local page `lq` in a design's own register map (TAIC's
 * local-queue pages, taic.md *TAIC-only events*): the design's driver finds the page from the
 * process, which is how a design-only access is made through a process. The reference map has no
 * local pages: to it (and to the model) this is an unmapped access of page p.
 */
export interface LocalRead {
  readonly type: 'LocalRead';
  readonly p: number;
  readonly lq: number;
  readonly off: number;
}
/** A write of `data` to offset `off` of process p's local page `lq` in a design's own map (see {@link LocalRead}). */
export interface LocalWrite {
  readonly type: 'LocalWrite';
  readonly p: number;
  readonly lq: number;
  readonly off: number;
  readonly data: bigint;
}

export type AccessEvent = Read | Write;
/** An access a design's own map has and the reference map does not (see {@link LocalRead}). */
export type LocalAccess = LocalRead | LocalWrite;
export type OperationEvent =
  | Dequeue
  | Enqueue
  | IpcSend
  | IpcRegister
  | IrqRegister
  | ErrorRead
  | StatusRead
  | StatusWrite;
/** Every step the controller can take: an access (at either level) or an interrupt. */
export type ControllerEvent = AccessEvent | Irq | OperationEvent | LocalAccess;
export type ControllerEventType = ControllerEvent['type'];

/** Every controller event type, in a fixed order (storm weights, coverage, diagrams). */
export const CONTROLLER_EVENT_TYPES = [
  'Read',
  'Write',
  'Irq',
  'Dequeue',
  'Enqueue',
  'IpcSend',
  'IpcRegister',
  'IrqRegister',
  'ErrorRead',
  'StatusRead',
  'StatusWrite',
  'LocalRead',
  'LocalWrite',
] as const satisfies readonly ControllerEventType[];

/** The largest unsigned 64-bit value: data, addresses and task ids are in 0..U64_MAX. */
export const U64_MAX = (1n << 64n) - 1n;
