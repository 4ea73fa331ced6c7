/**
 * AssemblyScript: the packed wakeup engine's breadth-first search, a port of packedExplore.ts's
 * `PackedSearch` over the ports of its successor function (wasmSuccessors.ts), store
 * (wasmStore.ts) and invariants (wasmInvariants.ts), and `answers`, where the loader
 * (packedWasmExplore.ts) reads what it found. packedWasm.ts names what the module exports.
 */

import { SEARCH_OVER, SEARCH_PAUSED } from '../../../../../engine/explore/wasm/assembly/wasmPause';
import {
  COUNT,
  LEVEL,
  PARENT,
  storeAdd,
  storeInit,
  VIA,
  WORDS,
} from '../../../../../engine/explore/wasm/assembly/wasmStore';
import { FAILS_ONLY_ONLINE_RUN, HOLDS, hartOffline, judgeState } from './wasmInvariants';
import { JUDGED, judgedVisit } from './wasmJudgedSearch';
import { alloc, copyState, DEVICES, NHARTS, PH_FETCH, PRIORITIES, PROCESSES, WIDTH } from './wasmLayout';
import { expand, setBuffers } from './wasmSuccessors';

/** What `explore` answers (PackedOutcome's kinds). */
const COMPLETE: i32 = 0;
const MAX_STATES: i32 = 1;
const VIOLATION: i32 = 2;

/** Where the loader writes a state (the initial one, or the one `expandInto` expands), and where the successors are built. */
let IN: usize = 0;
let CUR: usize = 0;
let B: usize = 0;
/** Where `expandInto` writes successors (room for `maxSuccessors()` of them), and how many it wrote. */
let OUT: usize = 0;
let collecting = false;
let collected: i32 = 0;

/** packedExplore.ts:58-77: the search's counters (COUNT is the store's). */
let transitions: i32 = 0;
let diameter: i32 = 0;
let depth: i32 = 0;
let head: i32 = 0;
let k: i32 = 0;
let full = false;
let maxStates: i32 = 0;
let judging = false;
/** The first state found violating an invariant (-1: none); `badFrom`: it fails on its HartFetch, not itself. */
let bad: i32 = -1;
let badFrom = false;
/** Which invariant the violating state fails (wasmInvariants.ts's codes; for `badFrom`, onlyOnlineRun). */
let badWhy: i32 = 0;
/** packedInvariants.ts:31: the first state from which a HartFetch reads DEQUEUE of an offline process (-1: none yet). */
let failsFrom: i32 = -1;

/** How many successors a state can have at most (expand's loops with every condition true). */
export function maxSuccessors(): i32 {
  return DEVICES + 2 * PROCESSES + PROCESSES * PRIORITIES + NHARTS * (2 + PROCESSES + 2 + DEVICES);
}

/** Allocates the search's buffers once the layout is set; returns where to write a state (the initial one, or the one `expandInto` expands). */
export function start(): usize {
  IN = alloc(1, WIDTH);
  CUR = alloc(1, WIDTH);
  B = alloc(1, WIDTH);
  OUT = alloc(maxSuccessors(), WIDTH);
  setBuffers(CUR, B);
  return IN;
}

/** Where `expandInto` wrote the successors. */
export function output(): usize {
  return OUT;
}

/** The address `start()` returned (for the judged search, wasmJudgedSearch.ts). */
export function inputAt(): usize {
  return IN;
}

/** Where successors are written out (`output()`), for the judged search. */
export function outputAt(): usize {
  return OUT;
}

/** The state being expanded (0) and the successor being built (1), for the judged search. */
export function stateBuffers(which: i32): usize {
  return which === 0 ? CUR : B;
}

/** Where `answers` writes its 9 i32. */
const ANSWERS: usize = memory.data(9 * 4);

/**
 * The search's answers once `explore` returned, as 9 i32 at the address returned: states found,
 * transitions, diameter; the violating state's id (-1: none), 1 when it fails on its HartFetch
 * rather than itself, which invariant it fails (1 taskInOnePlace, 2 onlyOnlineRun, 3
 * noStuckSystem: packedInvariants.ts's order from 1); where the store keeps the states' bytes,
 * parents and event indices.
 */
export function answers(): usize {
  store<i32>(ANSWERS, COUNT);
  store<i32>(ANSWERS, transitions, 4);
  store<i32>(ANSWERS, diameter, 8);
  store<i32>(ANSWERS, bad, 12);
  store<i32>(ANSWERS, badFrom ? 1 : 0, 16);
  store<i32>(ANSWERS, badWhy, 20);
  store<i32>(ANSWERS, <i32>WORDS, 24);
  store<i32>(ANSWERS, <i32>PARENT, 28);
  store<i32>(ANSWERS, <i32>VIA, 32);
  return ANSWERS;
}

/** Writes every successor of the state at `start()`'s address to `output()`, in order; returns how many. */
export function expandInto(): i32 {
  collecting = true;
  collected = 0;
  const n = expand(IN);
  collecting = false;
  return n;
}

/** packedExplore.ts:87-98 (`visit`): one successor, at B, of the state being expanded (the judged search's when JUDGED: wasmJudgedSearch.ts). */
export function visit(): void {
  if (JUDGED) {
    judgedVisit();
    return;
  }
  if (collecting) {
    copyState(OUT + <usize>collected * <usize>WIDTH, B);
    collected++;
    return;
  }
  transitions++;
  const i = k++;
  if (full || bad >= 0) return;
  if (!storeAdd(B, depth, head, i)) return;
  if (depth > diameter) diameter = depth;
  judge(B, COUNT - 1);
  if (COUNT >= maxStates) full = true;
}

/** packedExplore.ts:101-107 with packedInvariants.ts:40-69: judges the new state at `s`, found as `id`. */
function judge(s: usize, id: i32): void {
  if (!judging) return;
  const verdict = judgeState(s);
  if (verdict !== HOLDS) {
    bad = id;
    badWhy = verdict;
    return;
  }
  if (failsFrom < 0 && hartOffline(s, PH_FETCH) >= 0) failsFrom = id;
}

/**
 * packedExplore.ts:117-121 (`run`'s start): the store, starting with room for `room` states (a
 * power of two), with the state at `start()`'s address, judged when `invariants` is 1; the search
 * stops at `max` states.
 */
export function begin(max: i32, invariants: i32, room: i32): void {
  maxStates = max;
  judging = invariants !== 0;
  storeInit(room);
  storeAdd(IN, 0, -1, -1);
  judge(IN, 0);
  if (COUNT >= maxStates) full = true;
  head = 0;
}

/**
 * packedExplore.ts:122-134 (`run`'s loop): expands states in BFS order until the space is
 * exhausted, `max` states or a violation (SEARCH_OVER), or until `reportAt` states have been
 * expanded: it pauses before expanding state `reportAt - 1` (SEARCH_PAUSED), where the JavaScript
 * engine reports progress (every 65,536 expanded states, before the expansion), and the loader
 * reports and calls again with its next `reportAt`.
 */
export function search(reportAt: i32): i32 {
  for (; head < COUNT && !full && bad < 0; head++) {
    if (judging && failsFrom === head) {
      bad = head;
      badFrom = true;
      badWhy = FAILS_ONLY_ONLINE_RUN;
      break;
    }
    if (head + 1 >= reportAt) return SEARCH_PAUSED;
    depth = load<i32>(LEVEL + ((<usize>head) << 2)) + 1;
    k = 0;
    expand(WORDS + <usize>head * <usize>WIDTH);
  }
  return SEARCH_OVER;
}

/** packedExplore.ts:145: how the search ended, COMPLETE, MAX_STATES or VIOLATION. */
export function finish(): i32 {
  if (bad >= 0) return VIOLATION;
  return full ? MAX_STATES : COMPLETE;
}

/** The state about to be expanded (for the progress report's queue). */
export function searchHead(): i32 {
  return head;
}

/** The depth of the successors last visited (the progress report's depth: packedExplore.ts `report`). */
export function searchDepth(): i32 {
  return depth;
}

/**
 * packedExplore.ts:116-135 (`run`, without progress): breadth-first search from the state at
 * `start()`'s address until the space is exhausted, `max` states or a violation (judging the
 * invariants when `invariants` is 1), the store starting with room for `room` states (a power of
 * two); answers COMPLETE, MAX_STATES or VIOLATION.
 */
export function explore(max: i32, invariants: i32, room: i32): i32 {
  begin(max, invariants, room);
  search(i32.MAX_VALUE);
  return finish();
}
