/**
 * AssemblyScript: the judged engine's step judge over bytes, a port of packedStepJudge.ts for the
 * default property selection (every wakeup step property selected, so no bit is masked off: the
 * loader hands any other selection to the JavaScript engine). From the state at `cur` (with its
 * ghost) and its successor at `next` (wasmSuccessors.ts, whose ACC … fields describe the step) it
 * advances the successor's ghost and finds the properties failing on the step: the controller
 * access through the memo (wasmJudgeMemo.ts) and, on a miss, the controller judge
 * (wasmControllerJudge.ts; where that one answers -1, or always when the loader asks for it,
 * PackedControllerJudge in JavaScript, the imported `controllerJudge`, which writes the ghost after
 * into `next` when the step passes), then the wakeup step properties read from the bytes here, as
 * packedStepJudge.ts's bits.
 */
import { controllerJudgeBytes } from '../../../../controller/engine/wasm/assembly/wasmControllerJudge';
import { GHOST_START, WOKEN, WOKEN_W } from './wasmGhost';
import { firstDuplicate, hartOffline, stuck } from './wasmInvariants';
import { accessSlot, memoRecall, memoRemember } from './wasmJudgeMemo';
import {
  HART_W,
  HARTS,
  NHARTS,
  ONLINE,
  PH_RETURNING,
  PH_RUNNING,
  PRIORITIES,
  READY,
  READY_W,
  TASK_POOL,
  TASK_W,
  TASKS,
  WIDTH,
} from './wasmLayout';
import {
  ACC,
  ACC_A,
  ACC_B,
  ACC_DEQUEUE,
  ACC_NONE,
  ACC_REGISTER,
  ACC_TASK,
  GENERATION,
  HART,
  IS_FETCH,
  IS_RETURN,
} from './wasmSuccessors';

/**
 * PackedControllerJudge.judge (packedControllerJudge.ts:332) on the step from `cur` to `next` by
 * the access (acc, a, b, t) of the state of `generation` (`index`: the step's index, for the
 * fallback's messages), run by the loader; answers 0 (passed: the ghost after written into `next`),
 * -1 (passed by judgeAccessObjects' fallback: not remembered, packedStepJudge.ts:107-109) or the
 * failing properties' bits (their indices among CONTROLLER_STEP_PROPERTIES).
 */
declare function controllerJudge(
  cur: usize,
  next: usize,
  acc: i32,
  a: i32,
  b: i32,
  t: i32,
  generation: i32,
  index: i32,
): i32;

/** packedStepJudge.ts:50-54: the wakeup properties' bits, in registry order. */
const IN_ONE_PLACE: i32 = 1;
const PRIORITY_INVERSION: i32 = 2;
const ONLINE_RUN: i32 = 4;
const STUCK: i32 = 8;
const REGISTER_RUNNING: i32 = 16;

/** packedStepJudge.ts:64 (`ctrlFails`): the controller properties failing on the last step judged, as bits (0: none). */
export let CTRL_BITS: i32 = 0;
/** Controller judge calls (memo misses), those made in JavaScript, and steps taken from the memo (packedStepJudge.ts:70). */
export let ctrlCalls: i32 = 0;
export let jsCalls: i32 = 0;
export let remembered: i32 = 0;
/** Judge every memo miss in JavaScript (the first form of this port, kept for the benchmark and the tests). */
let JS_CONTROLLER_JUDGE = false;

/** Sets whether every memo miss is judged in JavaScript (see {@link JS_CONTROLLER_JUDGE}). */
export function judgeInJavaScript(js: bool): void {
  JS_CONTROLLER_JUDGE = js;
}

function b8(s: usize, i: i32): i32 {
  return <i32>load<u8>(s + <usize>i);
}

/**
 * packedStepJudge.ts:99-118 (`stepFailures`): judges the step from `cur` to its successor `next`
 * (its ghost still `cur`'s, advanced here in place when the access is correct): the wakeup
 * properties failing on it as bits (0: none), the controller ones in CTRL_BITS.
 */
export function stepFailures(cur: usize, next: usize, index: i32): i32 {
  CTRL_BITS = 0;
  if (ACC !== ACC_NONE) {
    if (memoRecall(cur, next, accessSlot(ACC, ACC_A, ACC_B, ACC_TASK))) remembered++;
    else {
      ctrlCalls++;
      const bits = JS_CONTROLLER_JUDGE
        ? -1
        : controllerJudgeBytes(cur, next, ACC, ACC_A, ACC_B, ACC_TASK, GENERATION, true);
      if (bits === 0) memoRemember(next);
      else if (bits > 0) CTRL_BITS = bits;
      else {
        // the ghost as the step left it (the byte judge may have written part of it)
        for (let i = GHOST_START; i < WIDTH; i += 4) store<u32>(next + <usize>i, load<u32>(cur + <usize>i));
        jsCalls++;
        const r = controllerJudge(cur, next, ACC, ACC_A, ACC_B, ACC_TASK, GENERATION, index);
        if (r === 0) memoRemember(next);
        else if (r > 0) CTRL_BITS = r;
      }
    }
  }
  wokenRan(cur, next);
  return wakeupFailures(cur, next);
}

/** packedStepJudge.ts:121-128: the wakeup step properties failing on the step (bits), its ghost already advanced. */
function wakeupFailures(cur: usize, next: usize): i32 {
  let bits = 0;
  if (priorityInversion(cur, next)) bits |= PRIORITY_INVERSION;
  if (IS_FETCH && ACC === ACC_DEQUEUE && b8(cur, ONLINE + ACC_A) !== 1) bits |= ONLINE_RUN;
  if (ACC === ACC_REGISTER && registersRunning(cur, next)) bits |= REGISTER_RUNNING;
  return bits;
}

/** packedStepJudge.ts:145-151 (`stateFailures`): the state invariants failing in `next` (bits). */
export function stateFailures(next: usize): i32 {
  let bits = 0;
  if (firstDuplicate(next) !== 0) bits |= IN_ONE_PLACE;
  if (hartOffline(next, PH_RUNNING) >= 0) bits |= ONLINE_RUN;
  if (stuck(next)) bits |= STUCK;
  return bits;
}

/** packedStepJudge.ts:166-182 (`wokenRan`): a task that starts running on a hart has been served its wakes. */
function wokenRan(cur: usize, next: usize): void {
  let any = 0;
  for (let i = 0; i < WOKEN_W; i++) any |= b8(next, WOKEN + i);
  if (any === 0) return;
  for (let h = 0; h < NHARTS; h++) {
    const o = HARTS + h * HART_W;
    if (<u8>b8(next, o) !== PH_RUNNING) continue;
    const t = b8(next, o + 2);
    if (<u8>b8(cur, o) === PH_RUNNING && b8(cur, o + 2) === t) continue;
    if (t < 1 || t > TASK_POOL) continue;
    const at = WOKEN + ((t - 1) >> 3);
    store<u8>(next + <usize>at, <u8>(b8(next, at) & ~(1 << ((t - 1) & 7))));
  }
}

/** packedStepJudge.ts:188-209 (`priorityInversion`): boundedPriorityInversion on the step. */
function priorityInversion(cur: usize, next: usize): bool {
  const P = PRIORITIES;
  for (let h = 0; h < NHARTS; h++) {
    const o = HARTS + h * HART_W;
    if (<u8>b8(next, o) !== PH_RUNNING) continue;
    const t = b8(next, o + 2);
    if (<u8>b8(cur, o) === PH_RUNNING && b8(cur, o + 2) === t) continue;
    const p = b8(next, o + 1) - 1;
    let k = -1;
    if (ACC === ACC_DEQUEUE) {
      for (let j = 0; j < P && k < 0; j++) {
        const q = READY + (p * P + j) * READY_W;
        const len = b8(cur, q);
        if (len > 0 && b8(cur, q + 1) === t && b8(next, q) === len - 1) k = j;
      }
    }
    if (k < 0) k = t >= 1 && t <= TASK_POOL ? b8(next, TASKS + (t - 1) * TASK_W + 2) : 0;
    for (let j = 0; j < k; j++) if (b8(cur, READY + (p * P + j) * READY_W) > 0) return true;
  }
  return false;
}

/** packedStepJudge.ts:215-226 (`registersRunning`): noRegisterWhileRunning on an IRQ_REGISTER. */
function registersRunning(cur: usize, next: usize): bool {
  const t = ACC_TASK;
  for (let h = 0; h < NHARTS; h++) {
    const o = HARTS + h * HART_W;
    if (<u8>b8(cur, o) === PH_RUNNING && b8(cur, o + 2) === t) return true;
    if (<u8>b8(next, o) === PH_RUNNING && b8(next, o + 2) === t) return true;
  }
  if (!IS_RETURN || HART < 0) return true;
  const o = HARTS + HART * HART_W;
  return <u8>b8(cur, o) !== PH_RETURNING || b8(cur, o + 2) !== t;
}
