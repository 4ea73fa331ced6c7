/**
 * AssemblyScript (compiled by asc into controllerWasm.wasm, not by tsc): the packed controller
 * node's layout of one configuration as wasm globals, set once per instance by the loader
 * (controllerWasmModule.ts) from controllerPackedLayout.ts's `ControllerPackedLayout` and the
 * configuration, so no offset is a constant here; `configure` also hands the controller judge
 * (wasmControllerJudge.ts) its copy and sets the shared state width (wasmMemory.ts).
 */
import { setWidth } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import { controllerJudgeGhost, controllerJudgeIpc, controllerJudgeLayout } from './wasmControllerJudge';

/** The seeded bugs of controllerPackedMutation.ts by code (0: none), as the loader passes them. */
export const MUT_FORGETS_CUSTODY: i32 = 1;
export const MUT_KEEPS_OLD_READY: i32 = 2;
export const MUT_READ_KEEPS_ERROR: i32 = 3;
export const MUT_SEND_COUNTS_BESIDE_HANDLER: i32 = 4;
export const MUT_SEND_KEEPS_HANDLER: i32 = 5;
export const MUT_SEND_WAKES_LOW: i32 = 6;

/** controllerPackedLayout.ts:76-111: the offsets of one configuration's node. */
export let READY: i32 = 0;
export let READY_W: i32 = 0;
export let IRQ_WAIT: i32 = 0;
export let WAIT_W: i32 = 0;
export let IRQ_PENDING: i32 = 0;
export let IPC_WAIT: i32 = 0;
export let IPC_W: i32 = 0;
export let IPC_PENDING: i32 = 0;
export let ONLINE: i32 = 0;
export let ERROR: i32 = 0;
export let ENDED: i32 = 0;
/** The configuration's bounds the successors read (Config). */
export let PROCESSES: i32 = 0;
export let PRIORITIES: i32 = 0;
export let CAPACITY: i32 = 0;
export let WAIT_DEPTH: i32 = 0;
export let PENDING_MAX: i32 = 0;
export let IPC_TYPES: i32 = 0;
/** The controller's ERROR bits (registers.ts ERR) and the seeded bug (0: none). */
export let QUEUE_FULL: i32 = 0;
export let WAIT_FULL: i32 = 0;
export let PENDING_OVERFLOW: i32 = 0;
export let BAD_ACCESS: i32 = 0;
export let MUTATION: i32 = 0;

/**
 * Sets the layout's offsets (ControllerPackedLayout's fields, in its order), the configuration's
 * bounds, the ERROR bits and the seeded bug: one call per instance, before `start`.
 */
export function configure(
  width: i32,
  ready: i32,
  readyW: i32,
  irqWait: i32,
  waitW: i32,
  irqPending: i32,
  ipcWait: i32,
  ipcW: i32,
  ipcPending: i32,
  online: i32,
  error: i32,
  ended: i32,
  outstanding: i32,
  errorSinceRead: i32,
  custody: i32,
  processes: i32,
  priorities: i32,
  capacity: i32,
  devices: i32,
  waitDepth: i32,
  pendingMax: i32,
  taskPool: i32,
  ipcTypes: i32,
  queueFull: i32,
  waitFull: i32,
  pendingOverflow: i32,
  badAccess: i32,
  mutation: i32,
): void {
  setWidth(width);
  READY = ready;
  READY_W = readyW;
  IRQ_WAIT = irqWait;
  WAIT_W = waitW;
  IRQ_PENDING = irqPending;
  IPC_WAIT = ipcWait;
  IPC_W = ipcW;
  IPC_PENDING = ipcPending;
  ONLINE = online;
  ERROR = error;
  ENDED = ended;
  PROCESSES = processes;
  PRIORITIES = priorities;
  CAPACITY = capacity;
  WAIT_DEPTH = waitDepth;
  PENDING_MAX = pendingMax;
  IPC_TYPES = ipcTypes;
  QUEUE_FULL = queueFull;
  WAIT_FULL = waitFull;
  PENDING_OVERFLOW = pendingOverflow;
  BAD_ACCESS = badAccess;
  MUTATION = mutation;
  // controllerPackedSuccessors.ts:125-138: the byte judge's offsets (the controller ghost alone, the IPC tables)
  controllerJudgeLayout(
    ready,
    readyW,
    irqWait,
    waitW,
    irqPending,
    error,
    processes,
    priorities,
    capacity,
    devices,
    waitDepth,
    pendingMax,
    taskPool,
    queueFull,
    waitFull,
    pendingOverflow,
    badAccess,
  );
  controllerJudgeGhost(outstanding, errorSinceRead, custody, -1, -1);
  controllerJudgeIpc(ipcWait, ipcW, ipcPending, processes * ipcTypes);
}
