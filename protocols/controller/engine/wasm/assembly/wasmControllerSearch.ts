/**
 * AssemblyScript: the judged controller engine's breadth-first search, a port of
 * controllerJudgedExplore.ts's search over the byte store (without maxStates: the loader hands
 * that to the JavaScript engine) with the verdicts on a successor alone judged once per distinct
 * state (its `stateOnce`), over the successors of wasmControllerStep.ts and the shared store
 * (wasmStore.ts, keyed by the node's bytes). It answers only whether the whole search passes or
 * where it stopped; the loader (controllerJudgedWasm.ts) hands every other answer to the
 * JavaScript engine. It pauses, between two successors, at the states the JavaScript engine
 * reports progress at, so the loader reports it there.
 */
import { alloc, copyState, sameState, WIDTH } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import { SEARCH_OVER, SEARCH_PAUSED } from '../../../../../engine/explore/wasm/assembly/wasmPause';
import {
  COUNT,
  LAST_ID,
  LEVEL,
  storeAdd,
  storeInit,
  WORDS,
} from '../../../../../engine/explore/wasm/assembly/wasmStore';
import { controllerJudgeInit, controllerJudgeState } from './wasmControllerJudge';
import { ENDED } from './wasmControllerLayout';
import { jsCalls, loadState, NEVENTS, stepInto } from './wasmControllerStep';

/** What `judgedFinish` answers: the search passed, or a step or new state failed. */
const JUDGED_HOLDS: i32 = 0;
const JUDGED_STEP_FAILS: i32 = 1;
/** Where the initial state (or the one `judgeInto` expands) is written, the loaded state's copy, the successor, and `judgeInto`'s output. */
let INPUT: usize = 0;
let CUR: usize = 0;
let NEXT: usize = 0;
let OUTPUT: usize = 0;
let BITS: usize = 0;
/** The states the store has room for before its first grow. */
let room: i32 = 0;

/** controllerJudgedExplore.ts:96-97 and the loop's position (the state expanded, its depth, the next event). */
let transitions: i32 = 0;
let diameter: i32 = 0;
let head: i32 = 0;
let depth: i32 = 0;
let ev: i32 = 0;
let loaded = false;
/** A step or new state failed: the state it was taken from, the event's index, and the distinct states then (controllerJudgedExplore.ts:128-133). */
let found = false;
let foundState: i32 = -1;
let foundEvent: i32 = -1;
let foundDistinct: i32 = 0;

/**
 * Allocates the buffers once the layout and the alphabet are set, the store to start with room
 * for `states` states (a power of two); the address to write the initial state at.
 */
export function start(states: i32): usize {
  room = states;
  INPUT = alloc(1, WIDTH);
  CUR = alloc(1, WIDTH);
  NEXT = alloc(1, WIDTH);
  OUTPUT = alloc(NEVENTS, WIDTH);
  BITS = alloc(NEVENTS, 8);
  controllerJudgeInit();
  return INPUT;
}

/** controllerJudgedExplore.ts:95 and 108: the store with the initial state at `start()`'s address. */
export function judgedBegin(): void {
  storeInit(room);
  storeAdd(INPUT, 0, -1, -1);
  transitions = 0;
  diameter = 0;
  head = 0;
  ev = 0;
  loaded = false;
  found = false;
}

/**
 * controllerJudgedExplore.ts:112-140 (the loop over the byte store): expands states in BFS order
 * until a step or new state fails or every state is expanded (SEARCH_OVER), or, right after the
 * new state that makes `reportAt` known (SEARCH_PAUSED: the JavaScript engine reports progress
 * there; the loader does, and calls again with its next `reportAt`).
 */
export function judgedSearch(reportAt: i32): i32 {
  while (head < COUNT && !found) {
    if (!loaded) {
      copyState(CUR, WORDS + <usize>head * <usize>WIDTH);
      loadState(CUR);
      loaded = true;
      ev = 0;
      depth = load<i32>(LEVEL + ((<usize>head) << 2)) + 1;
      if (load<u8>(CUR + <usize>ENDED) === 1) ev = NEVENTS; // no event is enabled after an access that ended the run
    }
    while (ev < NEVENTS) {
      const i = ev++;
      transitions++;
      let bits = stepInto(CUR, NEXT, i, depth - 1, true);
      let added = false;
      if (bits === 0) {
        // a successor equal to the state expanded is known (the state itself) without a look-up
        const self = sameState(NEXT, CUR);
        if (!self) added = storeAdd(NEXT, depth, head, i);
        const id = self ? head : LAST_ID;
        if (added || id === 0) bits = controllerJudgeState(NEXT);
      }
      if (bits !== 0) {
        if (depth > diameter) diameter = depth;
        found = true;
        foundState = head;
        foundEvent = i;
        foundDistinct = COUNT - (added ? 1 : 0);
        return SEARCH_OVER;
      }
      if (!added) continue;
      if (depth > diameter) diameter = depth;
      if (COUNT >= reportAt) return SEARCH_PAUSED;
    }
    head++;
    loaded = false;
  }
  return SEARCH_OVER;
}

/** controllerJudgedExplore.ts:141-142: JUDGED_HOLDS, or JUDGED_STEP_FAILS where the search stopped. */
export function judgedFinish(): i32 {
  return found ? JUDGED_STEP_FAILS : JUDGED_HOLDS;
}

/**
 * Writes every successor of the state at `start()`'s address (controllerPackedSuccessors.ts `step`
 * as step 0, every verdict judged on the step) to `output()` and two i32 per successor to
 * `judgedBits()`: the failing properties' bits, and those of the verdicts on the successor alone
 * (`stateViolations`); how many (tests).
 */
export function judgeInto(): i32 {
  copyState(CUR, INPUT);
  loadState(CUR);
  for (let k = 0; k < NEVENTS; k++) {
    const bits = stepInto(CUR, NEXT, k, 0, false);
    copyState(OUTPUT + <usize>k * <usize>WIDTH, NEXT);
    store<i32>(BITS + ((<usize>k) << 3), bits);
    store<i32>(BITS + ((<usize>k) << 3), controllerJudgeState(NEXT), 4);
  }
  return NEVENTS;
}

/** Where `judgeInto` wrote the successors and the verdicts. */
export function output(): usize {
  return OUTPUT;
}

export function judgedBits(): usize {
  return BITS;
}

/** Where `judgedAnswers` writes its 8 i32. */
const ANSWERS: usize = memory.data(8 * 4);

/**
 * The search's answers (once over, or while paused), as 8 i32 at the address returned: states,
 * transitions, diameter; the state a failing step was taken from and the event's index, and the
 * distinct states counted then; the state being expanded; the steps judged in JavaScript.
 */
export function judgedAnswers(): usize {
  store<i32>(ANSWERS, COUNT);
  store<i32>(ANSWERS, transitions, 4);
  store<i32>(ANSWERS, diameter, 8);
  store<i32>(ANSWERS, foundState, 12);
  store<i32>(ANSWERS, foundEvent, 16);
  store<i32>(ANSWERS, foundDistinct, 20);
  store<i32>(ANSWERS, head, 24);
  store<i32>(ANSWERS, jsCalls, 28);
  return ANSWERS;
}
