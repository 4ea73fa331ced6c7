/**
 * The controller access a packed successor performed, as the byte judge (packedControllerJudge.ts)
 * reads it: a code and its arguments, and the state it was taken from. The wakeup engine's
 * successor function (packedSuccessors.ts) and the controller's (controllerPackedSuccessors.ts)
 * both describe their accesses so.
 */

/** No controller access (a software step), or one the byte judge does not read. */
export const ACC_NONE = 0;
/** Irq(line accA). */
export const ACC_IRQ = 1;
/** StatusWrite(p accA, data accB). */
export const ACC_STATUS = 2;
/** Enqueue(p accA, prio accB, task accTask). */
export const ACC_ENQUEUE = 3;
/** IrqRegister(p accA, device accB, task accTask). */
export const ACC_REGISTER = 4;
/** Dequeue(p accA), which read accTask. */
export const ACC_DEQUEUE = 5;
/** A read with no effect of its own (StatusRead of p accA), which returned a value. */
export const ACC_READ = 6;
/** A wrong access (§4.3): it must set BAD_ACCESS and change nothing else (a wrong read returned 0). */
export const ACC_BAD = 7;
/** A read of ERROR (of p accA), which returned accTask. */
export const ACC_ERROR_READ = 8;
/** IpcRegister(p accA, type accB, task accTask). */
export const ACC_IPC_REGISTER = 9;
/** IpcSend(target accA, type accB). */
export const ACC_IPC_SEND = 10;

/** One access and the packed state it was taken from. */
export interface PackedAccess {
  /** The state the access was taken from (read-only). */
  readonly cur: Uint8Array;
  /** Changes whenever {@link cur} holds another state: a judge may keep what it read of it meanwhile. */
  readonly generation: number;
  readonly acc: number;
  readonly accA: number;
  readonly accB: number;
  readonly accTask: number;
}
