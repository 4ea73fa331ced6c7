/**
 * AssemblyScript (compiled by asc into packedWasm.wasm, not by tsc): the packed layout of one
 * configuration as wasm globals, set once per search by the loader (packedWasmExplore.ts) from
 * packedLayout.ts's `PackedLayout` and the configuration, so no offset is a constant here. The byte
 * codes (phases, lives, record widths) are packedLayout.ts's; the state width, the linear memory's
 * allocator and the states' copy and comparison are engine/explore/wasm/assembly/wasmMemory.ts's,
 * re-exported here for the modules beside this one.
 */
import { setWidth } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import { controllerJudgeLayout } from '../../../../controller/engine/wasm/assembly/wasmControllerJudge';

export { alloc, copyState, sameState, WIDTH } from '../../../../../engine/explore/wasm/assembly/wasmMemory';

/** Hart phases and task lives by their byte code (packedLayout.ts:21-30), and the record widths (:32-33). */
export const PH_IDLE: u8 = 0;
export const PH_FETCH: u8 = 1;
export const PH_RUNNING: u8 = 2;
export const PH_RETURNING: u8 = 3;
export const PH_WEDGED: u8 = 4;
export const LIFE_FREE: u8 = 0;
export const LIFE_READY: u8 = 1;
export const LIFE_RUNNING: u8 = 2;
export const LIFE_BLOCKED: u8 = 3;
export const LIFE_DONE: u8 = 4;
export const HART_W: i32 = 3;
export const TASK_W: i32 = 5;

/** The seeded bugs of packedMutation.ts by code (0: none), as the loader passes them. */
export const MUT_WAKE_COPIES: i32 = 1;
export const MUT_STEALS_OFFLINE: i32 = 2;
export const MUT_FINISH_WANDERS: i32 = 3;
export const MUT_WEDGES: i32 = 4;

/** The layout's offsets (packedLayout.ts:78-92; the bytes per state are wasmMemory.ts's WIDTH). */
export let READY: i32 = 0;
export let READY_W: i32 = 0;
export let IRQ_WAIT: i32 = 0;
export let WAIT_W: i32 = 0;
export let IRQ_PENDING: i32 = 0;
export let ONLINE: i32 = 0;
export let ERROR: i32 = 0;
export let HARTS: i32 = 0;
export let TASKS: i32 = 0;
/** The configuration's bounds the successors read (Config). */
export let PROCESSES: i32 = 0;
export let PRIORITIES: i32 = 0;
export let CAPACITY: i32 = 0;
export let DEVICES: i32 = 0;
export let WAIT_DEPTH: i32 = 0;
export let PENDING_MAX: i32 = 0;
export let TASK_POOL: i32 = 0;
export let NHARTS: i32 = 0;
/** The controller's ERROR bits (registers.ts ERR) and the seeded bug (0: none). */
export let QUEUE_FULL: u8 = 0;
export let WAIT_FULL: u8 = 0;
export let PENDING_OVERFLOW: u8 = 0;
export let MUTATION: i32 = 0;

/**
 * Sets the layout's offsets (PackedLayout's fields, in its order), the configuration's bounds,
 * the ERROR bits and the seeded bug: one call per instance, before `start`.
 */
export function configure(
  width: i32,
  ready: i32,
  readyW: i32,
  irqWait: i32,
  waitW: i32,
  irqPending: i32,
  online: i32,
  error: i32,
  harts: i32,
  tasks: i32,
  processes: i32,
  priorities: i32,
  capacity: i32,
  devices: i32,
  waitDepth: i32,
  pendingMax: i32,
  taskPool: i32,
  nharts: i32,
  queueFull: u8,
  waitFull: u8,
  pendingOverflow: u8,
  mutation: i32,
): void {
  setWidth(width);
  READY = ready;
  READY_W = readyW;
  IRQ_WAIT = irqWait;
  WAIT_W = waitW;
  IRQ_PENDING = irqPending;
  ONLINE = online;
  ERROR = error;
  HARTS = harts;
  TASKS = tasks;
  PROCESSES = processes;
  PRIORITIES = priorities;
  CAPACITY = capacity;
  DEVICES = devices;
  WAIT_DEPTH = waitDepth;
  PENDING_MAX = pendingMax;
  TASK_POOL = taskPool;
  NHARTS = nharts;
  QUEUE_FULL = queueFull;
  WAIT_FULL = waitFull;
  PENDING_OVERFLOW = pendingOverflow;
  MUTATION = mutation;
  // the controller judge's copy (its layout has no IPC tables; no wakeup access is a wrong one: BAD_ACCESS 0)
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
    0,
  );
}
