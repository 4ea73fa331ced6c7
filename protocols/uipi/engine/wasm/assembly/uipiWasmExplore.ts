/**
 * AssemblyScript: the packed UIPI engine's breadth-first search, a port of uipiPackedExplore.ts's
 * over the ports of its successors (uipiWasmSuccessors.ts), judged step (uipiWasmStep.ts),
 * admission (uipiWasmAdmission.ts) and leads-to check (uipiWasmDrain.ts), for a search that
 * passes: it counts the distinct nodes, transitions and diameter as the JavaScript engine does,
 * and at the first step or drain that does not pass it stops and says so (the loader then hands
 * the whole search over to JavaScript).
 *
 * Decision (when a node is drained): in batches, not as the search expands it (the JavaScript
 * engine's order): the expanded nodes' checks once `room` are expanded (65,536 from the loader,
 * 16 in a test), then each time their number doubles, and at the end, each batch the last node
 * first. The search notes per node the
 * admitted node that its drain's first step reaches exactly, when the drain goes on from there as
 * that node's own (uipiWasmDrain.ts `chainEvent`); the drains then settle each such node from the
 * node it chains to, a step longer, and drain whole only the others (`drainNodes`), so most nodes
 * cost no drain step and no look-up at all (the JavaScript engine chains the same way, but must
 * wait for the later node's check as it searches: uipiPackedDrain.ts `chains`). A node chaining
 * to one not expanded yet drains that one whole, early, which the memo then remembers. For a
 * search that passes the order changes nothing; a search whose drain fails is handed over once
 * the batch holding it is checked, after at most twice the expansions the failing node needed.
 */
import { admissionInit, admit, exactId, outside } from './uipiWasmAdmission';
import { chainEvent, drainInit, drainNodes } from './uipiWasmDrain';
import { alloc, copyWords, G, K, wAt, wSet } from './uipiWasmLayout';
import { COUNT, ghostOf, LEVEL, NEXT, nodesInit, PARENT, wordsOf } from './uipiWasmNodes';
import { judgedStep } from './uipiWasmStep';
import { AFTER, enabled, GA, maxEnabled, prepareSuccessors, step, useBuffers } from './uipiWasmSuccessors';

/** What `explore` answers. */
const COMPLETE: i32 = 0;
const FAILED: i32 = 1;

/** Where the loader writes a node (the initial one, or the one `expandInto` expands): key words, then ghost words. */
let IN: usize = 0;
/** The search's loaded node and successor, and the events the loaded node enables. */
let SB: usize = 0;
let SGB: usize = 0;
let SA: usize = 0;
let SGA: usize = 0;
let LIST: usize = 0;
/** Where `expandInto` writes the successors (K + G words each) and their events. */
let OUT: usize = 0;
let OUT_EVENTS: usize = 0;

/** uipiPackedExplore.ts:185-187: the search's counters. */
let transitions: f64 = 0;
let diameter: i32 = 0;

/**
 * Allocates the search's buffers once the layout, the events and the judge are set (the
 * successors' tables, the drain's with the selected liveness properties `liveness`, bits as
 * uipiWasmDrain.ts's); returns where to write a node (`K` key words, then `G` ghost words).
 */
export function start(liveness: i32): usize {
  prepareSuccessors();
  drainInit(liveness);
  IN = alloc(K + G, 4);
  SB = alloc(K, 4);
  SGB = alloc(G, 4);
  SA = alloc(K, 4);
  SGA = alloc(G, 4);
  LIST = alloc(maxEnabled(), 4);
  OUT = alloc(maxEnabled(), (K + G) << 2);
  OUT_EVENTS = alloc(maxEnabled(), 4);
  return IN;
}

/** Where `expandInto` wrote the successors. */
export function output(): usize {
  return OUT;
}

/** Where `expandInto` wrote the successors' events (an i32 each). */
export function outputEvents(): usize {
  return OUT_EVENTS;
}

/** Writes the successors of the node at `start()`'s address (its enabled events, in order, each stepped unjudged) to `output()`; how many. */
export function expandInto(): i32 {
  useBuffers(SB, SGB, SA, SGA);
  copyWords(SB, IN, K);
  copyWords(SGB, IN + ((<usize>K) << 2), G);
  const n = enabled(LIST);
  for (let i = 0; i < n; i++) {
    const k = wAt(LIST, i);
    step(k);
    const o = OUT + <usize>i * ((<usize>(K + G)) << 2);
    copyWords(o, AFTER, K);
    copyWords(o + ((<usize>K) << 2), GA, G);
    wSet(OUT_EVENTS, i, k);
  }
  return n;
}

/** Where `answers` writes: distinct (i32), diameter (i32), transitions (f64). */
const ANSWERS: usize = memory.data(16);

/** The search's counts once `explore` returned, at the address returned (see {@link ANSWERS}). */
export function answers(): usize {
  store<i32>(ANSWERS, COUNT);
  store<i32>(ANSWERS, diameter, 4);
  store<f64>(ANSWERS, transitions, 8);
  return ANSWERS;
}

/** What `uipiSearch` answers besides COMPLETE and FAILED: it stopped for a progress report. */
const PAUSED: i32 = 2;

/** The search in progress (`uipiBegin` sets it): whether it drains, the next node to expand, and the leads-to batches. */
let draining = false;
let head: i32 = 0;
let drainedTo: i32 = 0;
let batch: i32 = 0;

/**
 * uipiPackedExplore.ts:84-100 for a search that passes: the tables, with room for `room` nodes (a
 * power of two), and the node at `start()`'s address admitted; by covering (`covering` 1) or
 * keyed, keying the `words` field masks at `masks` (uipiWasmAdmission.ts `keyMasks`), draining
 * every node when `liveness` is 1. FAILED when the initial node sets a bit outside its fields.
 */
export function uipiBegin(covering: i32, liveness: i32, room: i32, masks: usize, words: i32): i32 {
  nodesInit(room);
  admissionInit(covering, masks, words, room);
  admit(IN, IN + ((<usize>K) << 2), 0, -1, -1);
  if (outside) return FAILED;
  draining = liveness !== 0;
  head = 0;
  drainedTo = 0;
  batch = room;
  transitions = 0;
  diameter = 0;
  return COMPLETE;
}

/**
 * uipiPackedExplore.ts:100-335 for a search that passes: expands nodes in BFS order; COMPLETE
 * once every node is expanded and drained, FAILED at the first step or drain that does not pass
 * or node that sets a bit outside its fields, PAUSED between two expansions once `reportAt`
 * nodes are admitted (the loader reports progress and calls again).
 */
export function uipiSearch(reportAt: i32): i32 {
  for (; head < COUNT; head++) {
    if (COUNT >= reportAt) return PAUSED;
    // the leads-to checks of the nodes expanded so far, each time their number doubles
    if (draining && head === batch) {
      if (!drainNodes(drainedTo, head, NEXT)) return FAILED;
      drainedTo = head;
      batch *= 2;
    }
    useBuffers(SB, SGB, SA, SGA);
    copyWords(SB, wordsOf(head), K);
    copyWords(SGB, ghostOf(head), G);
    const d = wAt(LEVEL, head) + 1;
    const up = wAt(PARENT, head);
    const n = enabled(LIST);
    // the drain's first event when it chains to the successor (uipiWasmDrain.ts `chainEvent`)
    const k0 = draining ? chainEvent(SB, LIST, n) : -1;
    for (let i = 0; i < n; i++) {
      const k = wAt(LIST, i);
      transitions++;
      if (!judgedStep(k)) return FAILED;
      if (admit(SA, SGA, d, head, up) >= 0 && d > diameter) diameter = d;
      else if (outside) return FAILED;
      if (k === k0) wSet(NEXT, head, exactId);
    }
  }
  // the remaining leads-to checks: see the module comment
  if (draining && !drainNodes(drainedTo, COUNT, NEXT)) return FAILED;
  return COMPLETE;
}

/** The next node to expand (a progress report's queue is the nodes from there). */
export function uipiHead(): i32 {
  return head;
}

/**
 * uipiPackedExplore.ts:84-335 for a search that passes, whole: `uipiBegin` then `uipiSearch`
 * without a pause; COMPLETE or FAILED.
 */
export function explore(covering: i32, liveness: i32, room: i32, masks: usize, words: i32): i32 {
  if (uipiBegin(covering, liveness, room, masks, words) === FAILED) return FAILED;
  return uipiSearch(i32.MAX_VALUE);
}
