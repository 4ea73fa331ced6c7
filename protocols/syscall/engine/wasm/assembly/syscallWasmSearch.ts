/**
 * AssemblyScript: the packed syscall engine's breadth-first search, a port of
 * syscallPackedExplore.ts `searchSyscallPacked` (without maxStates: the loader hands that to the
 * JavaScript engine) over the successors of syscallWasmSuccessors.ts (its controller-step memo
 * on; per state only the candidates the one-byte guard tables pass, as the JavaScript search) and the shared store (wasmStore.ts, keyed as the JavaScript store is: the node's words after
 * its controller prefix, then the prefix's number, syscallWasmCtrlNodes.ts), with the
 * verdicts on a successor alone judged once per distinct state, the drain's facts recorded per
 * state (syscallWasmDrain.ts), and then the leads-to check: the liveness property judged at each
 * quiescent state on its bytes (`callersIdle`, a port of what syscallGraphExplore.ts livenessHolds
 * judges there) and the drain walked from every state. It
 * answers only whether the whole search passes or where it stopped; it pauses, between two
 * successors, at the states the JavaScript engine reports progress at.
 */
import { alloc } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import { SEARCH_OVER, SEARCH_PAUSED } from '../../../../../engine/explore/wasm/assembly/wasmPause';
import {
  COUNT,
  LAST_ID,
  LEVEL,
  storeAdd,
  storeInit,
  WORDS,
} from '../../../../../engine/explore/wasm/assembly/wasmStore';
import {
  PRIORITIES,
  PROCESSES,
  READY,
  READY_W,
} from '../../../../controller/engine/wasm/assembly/wasmControllerLayout';
import { ctrlIntern, ctrlNode, ctrlNodesInit } from './syscallWasmCtrlNodes';
import {
  drainInit,
  drainMemoInit,
  drainQuiescentAt,
  drainSetEndOk,
  drainSetRep,
  drainSetStatus,
  drainSetUnit,
  drains,
} from './syscallWasmDrain';
import { GUARD_BYTES, GUARDS, guardTablesInit, MW, PASS_MASKS, REFUSE_MASKS } from './syscallWasmGuards';
import {
  T_COMPLETE,
  T_FETCH,
  T_PARK,
  T_PUBLISH,
  T_READ,
  T_REPLY,
  T_RETURN,
  T_SIGNAL,
  T_STATUS,
  T_TAKE,
  T_WAKE,
} from './syscallWasmJudge';
import {
  AGENT_COUNT,
  b8,
  CWIDTH,
  copyBytes,
  FILLING_PHASE,
  IDLE,
  kindOf,
  phaseOf,
  READING,
  RETURNING,
  RUNNING,
  SUBMITTED_PHASE,
  SWIDTH,
  sameBytes,
  setStoreWidth,
} from './syscallWasmLayout';
import {
  eventAt,
  HANDED,
  NEVENTS,
  REJECTED,
  syscallInitial,
  syscallLoad,
  syscallLoadedCtrl,
  syscallQuiescent,
  syscallRemember,
  syscallStateBits,
  syscallStep,
  syscallSuccCtrl,
  VIOLATED,
} from './syscallWasmSuccessors';

/** What `searchFinish` answers. */
const HOLDS: i32 = 0;
const STEP_FAILS: i32 = 1;
const DRAIN_FAILS: i32 = 2;
const HANDED_OVER: i32 = 3;
/** syscallPackedSuccessors.ts PHASE_COUNT: drain rows per unit. */
const PHASES: i32 = 9;

let INPUT: usize = 0;
let CUR: usize = 0;
let NEXT: usize = 0;
/** A node rebuilt for the liveness property; words of a node, of its controller prefix, bytes of a store key (see toKey). */
let SCRATCH: usize = 0;
let N: i32 = 0;
let CWW: i32 = 0;
let KW: i32 = 0;
/** Per event: the state its step from the state expanded leads to (-1: none). */
let SUCC_OF: usize = 0;
/** Per process: its STATUS write online's event index (-1: none). */
let STATUS_INDEX: usize = 0;
/** syscallPackedSuccessors.ts drainRows: per (unit, phase) a count and up to 4 event indices. */
let DRAIN_N: usize = 0;
let DRAIN_IX: usize = 0;
let UNITS: i32 = 0;
let forgetsFetch = false;
let room: i32 = 0;
/** The loaded node's passing candidates (syscallPackedSuccessors.ts `passing`), a bit set of MW words. */
let PASSING: usize = 0;

let transitions: i32 = 0;
let diameter: i32 = 0;
let head: i32 = 0;
let depth: i32 = 0;
let ev: i32 = 0;
let loaded = false;
let outcome: i32 = HOLDS;
let over = false;

function i32At(base: usize, i: i32): usize {
  return base + ((<usize>i) << 2);
}

/**
 * Allocates the buffers once the layout and the alphabet are set: the store with room for
 * `states` states, the drain bound, whether the drain forgets a hart's fetch (a seeded bug), the
 * controller steps remembered with `opW` slots per event (syscallPackedSuccessors.ts:203), the
 * drain's tables (drainTables) and the initial node (syscallWasmSuccessors.ts syscallInitial); the
 * initial node's address.
 */
export function searchStart(states: i32, bound: i32, drainForgetsFetch: i32, opW: i32): usize {
  room = states;
  UNITS = PROCESSES + AGENT_COUNT;
  forgetsFetch = drainForgetsFetch !== 0;
  N = SWIDTH >> 2;
  CWW = CWIDTH >> 2;
  KW = (N - CWW + 1) << 2;
  // a word after the node for its controller prefix's number: the node from its prefix's end on is its key (toKey)
  INPUT = alloc(1, SWIDTH + 4);
  CUR = alloc(1, SWIDTH);
  NEXT = alloc(1, SWIDTH + 4);
  SCRATCH = alloc(1, SWIDTH);
  syscallInitial(INPUT, SCRATCH);
  ctrlNodesInit(CWW);
  syscallRemember(opW);
  setStoreWidth(KW);
  SUCC_OF = alloc(NEVENTS, 4);
  STATUS_INDEX = alloc(PROCESSES, 4);
  DRAIN_N = alloc(UNITS * PHASES, 4);
  DRAIN_IX = alloc(UNITS * PHASES * 4, 4);
  drainTables();
  // the drain's facts sized as the store (grown with it, not doubled by copy from a few states)
  drainInit(PROCESSES, AGENT_COUNT, bound, states);
  return INPUT;
}

/**
 * The one-byte guards' tables (syscallWasmGuards.ts, syscallPackedSuccessors.ts:214-222), after
 * `searchStart`: the number of guard bytes.
 */
export function searchGuards(): i32 {
  const n = guardTablesInit();
  PASSING = alloc(MW, 4);
  return n;
}

/** Where the guard tables are (0: the guard bytes, 1: the pass masks, 2: the refuse masks), for the tests. */
export function searchGuardTable(which: i32): usize {
  return which === 0 ? GUARD_BYTES : which === 1 ? PASS_MASKS : REFUSE_MASKS;
}

/**
 * syscallPackedSuccessors.ts:337-349 (`passed`): the candidates of the loaded node whose first guard
 * passes and no later guard of one byte refuses, as bits in PASSING; syscallStep still tests every
 * guard, so the tables only spare the calls for the others (about 17 of the 22 per state on the large row).
 */
function passed(): void {
  for (let w = 0; w < MW; w++) {
    let pass: u32 = 0;
    let refuse: u32 = 0;
    for (let s = 0; s < GUARDS; s++) {
      const at = ((s << 8) + b8(CUR, load<i32>(i32At(GUARD_BYTES, s)))) * MW + w;
      pass |= load<u32>(i32At(PASS_MASKS, at));
      refuse |= load<u32>(i32At(REFUSE_MASKS, at));
    }
    store<u32>(i32At(PASSING, w), pass & ~refuse);
  }
}

/** syscallPackedExplore.ts:172-180 (`nextPassing`): the first passing candidate from `from` on, or -1. */
function nextPassing(from: i32): i32 {
  for (let w = from >> 5; w < MW; w++) {
    let bits = load<u32>(i32At(PASSING, w));
    if (w === from >> 5) bits &= (<u32>0xffffffff) << (<u32>(from & 31));
    if (bits !== 0) return (w << 5) + <i32>ctz(bits);
  }
  return -1;
}

/**
 * syscallPackedSuccessors.ts:303-306 (`key`): the store key of the node at `node` (INPUT or NEXT,
 * which have a word after the node), its words after its controller prefix, then the prefix's
 * number, written after the node as the JavaScript's key view is: the key's address.
 */
function toKey(node: usize): usize {
  const known = node === NEXT ? syscallSuccCtrl() : -1;
  store<i32>(node + <usize>SWIDTH, known >= 0 ? known : ctrlIntern(node));
  return node + <usize>CWIDTH;
}

/** syscallPackedSuccessors.ts:276-283 (`loadKey`): the node of the key at `key`, written to `node`. */
function fromKey(key: usize, node: usize): void {
  const rest = N - CWW;
  copyBytes(node + <usize>CWIDTH, key, rest << 2);
  const id = load<i32>(key + ((<usize>rest) << 2));
  ctrlNode(id, node);
  if (node === CUR) syscallLoadedCtrl(id);
}

/** syscallPackedSuccessors.ts:409-416 (`unchanged`): whether the nodes at `a` and `b` are equal. */
function sameNode(a: usize, b: usize): bool {
  return sameBytes(a, b, SWIDTH);
}

/** The index of the event of `type` by agent `who` (by process `who` for a fetch or a STATUS write of `data`); traps when there is none (the JavaScript throws). */
function eventOf(type: i32, who: i32, data: i32): i32 {
  for (let k = 0; k < NEVENTS; k++) {
    const e = eventAt(k);
    if (load<i32>(e) !== type) continue;
    if (type === T_FETCH || type === T_STATUS ? load<i32>(e, 8) === who : load<i32>(e, 4) === who)
      if (type !== T_STATUS || load<i32>(e, 16) === data) return k;
  }
  unreachable();
  return -1;
}

/** Row `row` of the drain's candidates is the events of the `n` types of `types` by agent (or process) `who`. */
function drainRowOf(row: i32, who: i32, n: i32, t0: i32, t1: i32, t2: i32, t3: i32): void {
  store<i32>(i32At(DRAIN_N, row), n);
  store<i32>(i32At(DRAIN_IX, row * 4), eventOf(t0, who, -1));
  if (n > 1) store<i32>(i32At(DRAIN_IX, row * 4 + 1), eventOf(t1, who, -1));
  if (n > 2) store<i32>(i32At(DRAIN_IX, row * 4 + 2), eventOf(t2, who, -1));
  if (n > 3) store<i32>(i32At(DRAIN_IX, row * 4 + 3), eventOf(t3, who, -1));
}

/**
 * syscallPackedExplore.ts statusIndex (each process's STATUS write online, -1: none) and
 * syscallPackedSuccessors.ts:833-851 (`drainRows`): per (unit, phase) the drain's candidates as
 * event indices: a process's Fetch (under phase 0); a caller's Publish, Signal, Read; a running
 * service dispatcher's Complete, Reply, Take, Park, a running reply dispatcher's Wake, Park; a
 * returning dispatcher's Return.
 */
function drainTables(): void {
  for (let p = 0; p < PROCESSES; p++) {
    let k = -1;
    for (let j = 0; j < NEVENTS && k < 0; j++) {
      const e = eventAt(j);
      if (load<i32>(e) === T_STATUS && load<i32>(e, 8) === p && load<i32>(e, 16) === 1) k = j;
    }
    store<i32>(i32At(STATUS_INDEX, p), k);
    drainRowOf(p * PHASES, p, 1, T_FETCH, 0, 0, 0);
  }
  for (let a = 0; a < AGENT_COUNT; a++) {
    const row = (PROCESSES + a) * PHASES;
    const kind = kindOf(a);
    if (kind === 2) {
      drainRowOf(row + FILLING_PHASE, a, 1, T_PUBLISH, 0, 0, 0);
      drainRowOf(row + SUBMITTED_PHASE, a, 1, T_SIGNAL, 0, 0, 0);
      drainRowOf(row + READING, a, 1, T_READ, 0, 0, 0);
    } else {
      if (kind === 0) drainRowOf(row + RUNNING, a, 4, T_COMPLETE, T_REPLY, T_TAKE, T_PARK);
      else drainRowOf(row + RUNNING, a, 2, T_WAKE, T_PARK, 0, 0);
      drainRowOf(row + RETURNING, a, 1, T_RETURN, 0, 0, 0);
    }
  }
}

/** Where the drain's tables are (0: the status indices, 1: the candidate counts per row, 2: the candidates, 4 a row), for the tests. */
export function searchDrainTable(which: i32): usize {
  return which === 0 ? STATUS_INDEX : which === 1 ? DRAIN_N : DRAIN_IX;
}

/** syscallPackedExplore.ts:86-97: the store with the initial node (at `searchStart`'s address). */
export function searchBegin(): void {
  storeInit(room);
  storeAdd(toKey(INPUT), 0, -1, -1);
  transitions = 0;
  diameter = 0;
  head = 0;
  ev = 0;
  loaded = false;
  over = false;
  outcome = HOLDS;
}

/**
 * syscallPackedExplore.ts:98-152 (the loop): expands states in BFS order until a step or new state
 * fails, a step is left to JavaScript, or every state is expanded (SEARCH_OVER), or right after the new
 * state that makes `reportAt` known (SEARCH_PAUSED).
 */
export function searchRun(reportAt: i32): i32 {
  while (head < COUNT && !over) {
    if (!loaded) {
      fromKey(WORDS + <usize>head * <usize>KW, CUR);
      syscallLoad(CUR);
      for (let k = 0; k < NEVENTS; k++) store<i32>(i32At(SUCC_OF, k), -1);
      // syscallPackedExplore.ts:102-104: the candidates whose one-byte guards pass, in their order
      passed();
      loaded = true;
      ev = 0;
      depth = load<i32>(LEVEL + ((<usize>head) << 2)) + 1;
    }
    for (;;) {
      const k = nextPassing(ev);
      if (k < 0) break;
      ev = k + 1;
      const r = syscallStep(CUR, NEXT, k, true);
      if (r === REJECTED) continue;
      if (r === HANDED) {
        over = true;
        outcome = HANDED_OVER;
        return SEARCH_OVER;
      }
      transitions++;
      const self = r !== VIOLATED && sameNode(NEXT, CUR);
      const added = r === VIOLATED || self ? false : storeAdd(toKey(NEXT), depth, head, k);
      const id = self ? head : LAST_ID;
      if (r === VIOLATED || ((added || id === 0) && syscallStateBits(NEXT) !== 0)) {
        over = true;
        outcome = STEP_FAILS;
        return SEARCH_OVER;
      }
      store<i32>(i32At(SUCC_OF, k), id);
      if (added) {
        if (depth > diameter) diameter = depth;
        if (COUNT >= reportAt) return SEARCH_PAUSED;
      }
    }
    recordDrain();
    head++;
    loaded = false;
  }
  return SEARCH_OVER;
}

/** syscallPackedExplore.ts:137-151: what the drain can do from the state expanded. */
function recordDrain(): void {
  drainSetRep(head, syscallQuiescent(CUR));
  for (let p = 0; p < PROCESSES; p++) {
    const k = load<i32>(i32At(STATUS_INDEX, p));
    const to = k < 0 ? -1 : load<i32>(i32At(SUCC_OF, k));
    if (to >= 0) drainSetStatus(head, p, to);
  }
  for (let u = 0; u < UNITS; u++) {
    if (forgetsFetch && u < PROCESSES) continue;
    const row = drainRow(u);
    if (row < 0) continue;
    const n = load<i32>(i32At(DRAIN_N, row));
    for (let j = 0; j < n; j++) {
      const to = load<i32>(i32At(SUCC_OF, load<i32>(i32At(DRAIN_IX, row * 4 + j))));
      if (to < 0) continue;
      drainSetUnit(head, u, to);
      break;
    }
  }
}

/** syscallPackedSuccessors.ts:812-825 (`drainCandidates`): unit u's row in the loaded node, or -1 (a hart with no ready task). */
function drainRow(u: i32): i32 {
  if (u >= PROCESSES) return u * PHASES + phaseOf(CUR, u - PROCESSES);
  return readyAt(u) ? u * PHASES : -1;
}

/** Whether process p has a ready task in the loaded node (syscallPackedSuccessors.ts:816-819). */
function readyAt(p: i32): bool {
  for (let k = 0; k < PRIORITIES; k++) if (b8(CUR, READY + (p * PRIORITIES + k) * READY_W) > 0) return true;
  return false;
}

/**
 * syscallGraphExplore.ts:231-244 (`livenessHolds`) at a quiescent node, the drain having reached
 * quiescence, with everyRequestAnswered the one liveness property (the loader refuses any other):
 * everyRequestAnswered.ts:32-41, no caller out of its idle phase (a phase code beyond the phases
 * decodes as idle, syscallPackedLayout.ts:241).
 */
function callersIdle(node: usize): bool {
  for (let a = 0; a < AGENT_COUNT; a++) {
    if (kindOf(a) !== 2) continue;
    const phase = phaseOf(node, a);
    if (phase !== IDLE && phase <= RETURNING) return false;
  }
  return true;
}

/** Whether the liveness properties hold at the node at `node` (quiescent, the drain over): for the tests. */
export function searchLivenessAt(node: usize): i32 {
  return callersIdle(node) ? 1 : 0;
}

/**
 * syscallPackedExplore.ts:158-170 and 202-204 (the leads-to check, when `liveness`): the liveness properties
 * judged at each quiescent state (callersIdle), then the drain from every state; HOLDS, STEP_FAILS,
 * DRAIN_FAILS or HANDED_OVER.
 */
export function searchFinish(liveness: i32): i32 {
  if (over) return outcome;
  if (liveness === 0) return HOLDS;
  for (let id = 0; id < COUNT; id++)
    if (drainQuiescentAt(id)) {
      fromKey(WORDS + <usize>id * <usize>KW, SCRATCH);
      if (callersIdle(SCRATCH)) drainSetEndOk(id);
    }
  drainMemoInit(COUNT);
  for (let id = 0; id < COUNT; id++) if (!drains(id)) return DRAIN_FAILS;
  return HOLDS;
}

/** Where `searchAnswers` writes its 4 i32. */
const ANSWERS: usize = memory.data(4 * 4);

/** The search's counts (states, transitions, diameter, the state being expanded) at the address returned. */
export function searchAnswers(): usize {
  store<i32>(ANSWERS, COUNT);
  store<i32>(ANSWERS, transitions, 4);
  store<i32>(ANSWERS, diameter, 8);
  store<i32>(ANSWERS, head, 12);
  return ANSWERS;
}
