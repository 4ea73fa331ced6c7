/**
 * AssemblyScript: the judged engine's breadth-first search, a port of judgedExplore.ts's
 * `JudgedSearch` (without progress, maxStates or the exact drain: the loader hands those to the
 * JavaScript engine) over the same successors (wasmSuccessors.ts, each successor starting with its
 * state's ghost), store (wasmStore.ts, keyed by the state with its ghost), step judge
 * (wasmStepJudge.ts) and lazy leads-to check (wasmLeadsTo.ts). It answers only whether the whole
 * search passes (JUDGED_HOLDS) or where it stopped; the loader (judgedWasmExplore.ts) hands every
 * other answer to the JavaScript engine.
 */

import { SEARCH_OVER, SEARCH_PAUSED } from '../../../../../engine/explore/wasm/assembly/wasmPause';
import {
  COUNT,
  LAST_ID,
  LEVEL,
  storeAdd,
  storeInit,
  WORDS,
} from '../../../../../engine/explore/wasm/assembly/wasmStore';
import { controllerJudgeInit } from '../../../../controller/engine/wasm/assembly/wasmControllerJudge';
import { memoInit } from './wasmJudgeMemo';
import { alloc, copyState, WIDTH } from './wasmLayout';
import {
  check,
  endHolds,
  FAILS_FROM,
  LEADS_FAILS,
  LEADS_HOLDS,
  leadsToInit,
  note,
  record,
} from './wasmLeadsTo';
import { inputAt, maxSuccessors, outputAt, stateBuffers } from './wasmSearch';
import { CTRL_BITS, ctrlCalls, jsCalls, remembered, stateFailures, stepFailures } from './wasmStepJudge';
import { expand, setAccess } from './wasmSuccessors';

/** What `exploreJudged` answers: the search passed, a step or state failed, the leads-to check failed or could not follow a drain. */
const JUDGED_HOLDS: i32 = 0;
const JUDGED_STEP_FAILS: i32 = 1;
const JUDGED_LEADS_TO_FAILS: i32 = 2;
const JUDGED_LEADS_TO_UNKNOWN: i32 = 3;

/** The states the store has room for before its first grow (see `judgedStart`). */
let room: i32 = 0;

/** Whether the successor function's `visit` (wasmSearch.ts) is this search's. */
export let JUDGED = false;
/** `judgeInto`'s mode: each successor judged and written out, not searched. */
let collecting = false;
let collected: i32 = 0;
let BITS: usize = 0;

/** judgedExplore.ts:77-82: the search's counters. */
let transitions: i32 = 0;
let diameter: i32 = 0;
let depth: i32 = 0;
let head: i32 = 0;
let k: i32 = 0;
/** judgedExplore.ts:84: a step or new state failed (the state it was found from, and the event's index). */
let found = false;
let foundState: i32 = -1;
let foundEvent: i32 = -1;
/** Where the state being expanded and its successor are (wasmSearch.ts's buffers). */
let CUR: usize = 0;
let B: usize = 0;

/**
 * Sets the judged search up once the layout and ghost are configured and `start` allocated the
 * buffers: the states the store and the leads-to tables make room for before their first grow, and
 * the controller judge memo's nodes (powers of two; the loader's are the JavaScript engine's first
 * rooms, packedStore.ts's 2^17 states and controllerJudgeMemo.ts's 2^13 nodes; tests make them small).
 */
export function judgedStart(drainBound: i32, states: i32, nodes: i32): void {
  room = states;
  JUDGED = true;
  CUR = stateBuffers(0);
  B = stateBuffers(1);
  BITS = alloc(maxSuccessors(), 8);
  memoInit(nodes);
  controllerJudgeInit();
  leadsToInit(drainBound, states);
}

/** judgedExplore.ts:105-127 (`visit`): one successor, at B, of the state being expanded. */
export function judgedVisit(): void {
  if (collecting) {
    const bits = stepFailures(CUR, B, 0) | stateFailures(B);
    copyState(outputAt() + <usize>collected * <usize>WIDTH, B);
    store<i32>(BITS + ((<usize>collected) << 3), bits);
    store<i32>(BITS + ((<usize>collected) << 3), CTRL_BITS, 4);
    collected++;
    return;
  }
  if (found) return; // the object engine stops at once: no later sibling counts
  transitions++;
  const i = k++;
  const stepBits = stepFailures(CUR, B, depth - 1);
  const isNew = storeAdd(B, depth, head, i);
  const bits = isNew ? stepBits | stateFailures(B) : stepBits;
  if (bits !== 0 || CTRL_BITS !== 0) {
    found = true;
    foundState = head;
    foundEvent = i;
    return;
  }
  record(head, CUR, LAST_ID);
  if (!isNew) return;
  if (depth > diameter) diameter = depth;
  note(COUNT - 1, B);
}

/** judgedExplore.ts:146-149 (`run`'s start): the store with the initial state at `start()`'s address. */
export function judgedBegin(): void {
  const init = inputAt();
  storeInit(room);
  storeAdd(init, 0, -1, -1);
  note(0, init);
  head = 0;
}

/**
 * judgedExplore.ts:152-162 (`run`'s loop): expands states in BFS order until a step or new state
 * fails or every state is expanded (SEARCH_OVER), or, between two expansions, until `reportAt`
 * states are known (SEARCH_PAUSED: the loader reports progress, as the JavaScript engine does at
 * that point, and calls again with its next `reportAt`).
 */
export function judgedSearch(reportAt: i32): i32 {
  for (; head < COUNT && !found; head++) {
    if (COUNT >= reportAt) return SEARCH_PAUSED;
    depth = load<i32>(LEVEL + ((<usize>head) << 2)) + 1;
    k = 0;
    expand(WORDS + <usize>head * <usize>WIDTH);
  }
  return SEARCH_OVER;
}

/** judgedExplore.ts:164-168 (`run`'s end): JUDGED_HOLDS, or where the search or the leads-to check stopped. */
export function judgedFinish(): i32 {
  if (found) return JUDGED_STEP_FAILS;
  const v = check(WORDS, COUNT);
  if (v === LEADS_HOLDS) return JUDGED_HOLDS;
  if (v === LEADS_FAILS) {
    foundState = FAILS_FROM;
    return JUDGED_LEADS_TO_FAILS;
  }
  return JUDGED_LEADS_TO_UNKNOWN;
}

/**
 * judgedExplore.ts:145-170 (`run`, without progress and maxStates): breadth-first search from the
 * state at `start()`'s address, then the leads-to check; answers JUDGED_HOLDS or where it stopped.
 */
export function exploreJudged(): i32 {
  judgedBegin();
  judgedSearch(i32.MAX_VALUE);
  return judgedFinish();
}

/**
 * Writes every successor of the state at `start()`'s address, each with its ghost advanced, to
 * `output()` and its verdict to `judgedBits()` (two i32 each: the wakeup properties' bits of
 * packedStepJudge.ts, the step's and the successor state's, and the controller properties' bits);
 * how many.
 */
export function judgeInto(): i32 {
  collecting = true;
  collected = 0;
  const n = expand(inputAt());
  collecting = false;
  return n;
}

/**
 * Judges ONE given step (tests: a differential test on corrupted steps), as judgedExplore.ts's
 * `visit` (judgedExplore.ts:105-127) judges a successor: packedStepJudge.ts:99-118 (`stepFailures`,
 * controller judge through the memo) and :145-151 (`stateFailures`) on the state at `start()`'s
 * address and the successor at `output()`'s (system bytes, then the state's ghost), the step's
 * access and hart fields as PackedSuccessors exposes them (packedSuccessors.ts:77-100: `acc`,
 * `accA`, `accB`, `accTask`, `hart`, `isReturn`, `isFetch`, `switchTo`, `poll`). Writes the
 * successor with its ghost as the judge leaves it back at `output()` and its verdict at
 * `judgedBits()` (two i32: the wakeup properties' bits, the step's and the successor state's, then
 * the controller properties' bits, as `judgeInto`); answers the wakeup bits.
 */
export function judgeStep(
  acc: i32,
  a: i32,
  b: i32,
  t: i32,
  hart: i32,
  isReturn: i32,
  isFetch: i32,
  switchTo: i32,
  poll: i32,
): i32 {
  copyState(CUR, inputAt());
  copyState(B, outputAt());
  setAccess(acc, a, b, t, hart, isReturn !== 0, isFetch !== 0, switchTo, poll);
  const bits = stepFailures(CUR, B, 0) | stateFailures(B);
  copyState(outputAt(), B);
  store<i32>(BITS, bits);
  store<i32>(BITS, CTRL_BITS, 4);
  return bits;
}

/** Whether a drain ending at the state at `start()`'s address (`reached`: at quiescence) passes the leads-to check's end verdict (tests). */
export function judgeEnd(reached: i32): i32 {
  return endHolds(inputAt(), reached !== 0) ? 1 : 0;
}

/** Where `judgeInto` wrote the verdicts. */
export function judgedBits(): usize {
  return BITS;
}

/** Where `judgedAnswers` writes its 10 i32. */
const ANSWERS: usize = memory.data(10 * 4);

/**
 * The judged search's answers (once `exploreJudged` returned, or while it is paused), as 10 i32 at the address returned:
 * states, transitions, diameter; the state a failing step was taken from (or whose drain fails)
 * and the failing event's index; the controller judge's calls (memo misses) and the steps taken
 * from the memo; where the store keeps the states' bytes; the controller judge's calls made in
 * JavaScript; the next state to expand (the progress report's queue is the states from there).
 */
export function judgedAnswers(): usize {
  store<i32>(ANSWERS, COUNT);
  store<i32>(ANSWERS, transitions, 4);
  store<i32>(ANSWERS, diameter, 8);
  store<i32>(ANSWERS, foundState, 12);
  store<i32>(ANSWERS, foundEvent, 16);
  store<i32>(ANSWERS, ctrlCalls, 20);
  store<i32>(ANSWERS, remembered, 24);
  store<i32>(ANSWERS, <i32>WORDS, 28);
  store<i32>(ANSWERS, jsCalls, 32);
  store<i32>(ANSWERS, head, 36);
  return ANSWERS;
}
