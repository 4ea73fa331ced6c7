/**
 * AssemblyScript: the §6 drain walked over the explored graph, a port of syscallDrainGraph.ts with
 * the identity alone for its group (the packed engine explores no orbits, so no renaming is
 * read): per stored state whether it is quiescent and whether the liveness properties hold there,
 * the state each process's STATUS write online leads to and the state each drain unit's first
 * accepted candidate leads to (+ 1; 0: none), and the successful drains remembered by position.
 */
import { alloc, moved } from '../../../../../engine/explore/wasm/assembly/wasmMemory';

/** syscallDrainGraph.ts:22-23: the flags of a state. */
const QUIESCENT: u8 = 1;
const END_OK: u8 = 2;

/** syscallDrainGraph.ts:53-75: processes, units (process harts, then agents), slots per state, the bound. */
let P: i32 = 0;
let UNITS: i32 = 0;
let SLOTS: i32 = 0;
let BOUND: i32 = 0;
/** Per state: SLOTS i32 (successor + 1), a flag byte; the drains' memo (steps left + 1 by position) and trail. */
let SUCC: usize = 0;
let FLAGS: usize = 0;
let MEMO: usize = 0;
let TRAIL: usize = 0;
let cap: i32 = 0;

/** syscallDrainGraph.ts:78-92 (the constructor): room for `room` states, `processes` and `agents`, the drain bound. */
export function drainInit(processes: i32, agents: i32, bound: i32, room: i32): void {
  P = processes;
  UNITS = processes + agents;
  SLOTS = P + UNITS;
  BOUND = bound;
  cap = room;
  SUCC = alloc(room * SLOTS, 4);
  FLAGS = alloc(room, 1);
  TRAIL = alloc(2 * (bound + 2), 4);
}

/** syscallDrainGraph.ts:119-125 (`setRep`, the identity's stabilizer): state id's quiescence; room made for it. */
export function drainSetRep(id: i32, quiescent: bool): void {
  if (id >= cap) {
    const n = max(id + 1, cap * 2);
    SUCC = moved(SUCC, cap * SLOTS, n * SLOTS, 4);
    FLAGS = moved(FLAGS, cap, n, 1);
    cap = n;
  }
  store<u8>(FLAGS + <usize>id, quiescent ? QUIESCENT : 0);
}

/** syscallDrainGraph.ts:128-130 (`quiescentAt`). */
export function drainQuiescentAt(id: i32): bool {
  return (load<u8>(FLAGS + <usize>id) & QUIESCENT) !== 0;
}

/** syscallDrainGraph.ts:133-135 (`setEndOk`). */
export function drainSetEndOk(id: i32): void {
  store<u8>(FLAGS + <usize>id, load<u8>(FLAGS + <usize>id) | END_OK);
}

/** syscallDrainGraph.ts:138-140 (`setStatus`): the STATUS write online of p from `id` leads to `to`. */
export function drainSetStatus(id: i32, p: i32, to: i32): void {
  store<i32>(SUCC + ((<usize>(id * SLOTS + p)) << 2), to + 1);
}

/** syscallDrainGraph.ts:143-145 (`setUnit`): unit u's drain step from `id` leads to `to`. */
export function drainSetUnit(id: i32, u: i32, to: i32): void {
  store<i32>(SUCC + ((<usize>(id * SLOTS + P + u)) << 2), to + 1);
}

function succAt(slot: i32): i32 {
  return load<i32>(SUCC + ((<usize>slot) << 2)) - 1;
}

/** Room for the memo of `states` states' positions (after the search, before the first drain). */
export function drainMemoInit(states: i32): void {
  MEMO = alloc(states * UNITS, 4);
}

/** syscallDrainGraph.ts:241-313 (`drains`, the identity alone): whether the drain from state `id` succeeds. */
export function drains(id: i32): bool {
  let at = id;
  let steps = 0;
  for (let p = 0; p < P && steps < BOUND; p++) {
    const to = succAt(at * SLOTS + p);
    if (to < 0) continue;
    at = to;
    steps++;
  }
  let len = 0;
  let reached = false;
  let cut = false;
  if ((load<u8>(FLAGS + <usize>at) & QUIESCENT) !== 0) reached = true;
  else {
    let u = 0;
    let idle = 0;
    for (;;) {
      if (steps >= BOUND || idle >= UNITS) break;
      const turn = u;
      if (idle === 0) {
        const pos = at * UNITS + turn;
        const left = load<i32>(MEMO + ((<usize>pos) << 2)) - 1;
        if (left >= 0 && steps + left <= BOUND) {
          steps += left;
          cut = true;
          break;
        }
        store<i32>(TRAIL + ((<usize>len) << 2), pos);
        store<i32>(TRAIL + ((<usize>(len + 1)) << 2), steps);
        len += 2;
      }
      u = u + 1 === UNITS ? 0 : u + 1;
      const to = succAt(at * SLOTS + P + turn);
      if (to < 0) {
        idle++;
        continue;
      }
      idle = 0;
      at = to;
      steps++;
      if ((load<u8>(FLAGS + <usize>at) & QUIESCENT) !== 0) {
        reached = true;
        break;
      }
    }
  }
  const ok = cut || (reached && (load<u8>(FLAGS + <usize>at) & END_OK) !== 0);
  if (ok)
    for (let i = 0; i < len; i += 2) {
      const pos = load<i32>(TRAIL + ((<usize>i) << 2));
      const then = load<i32>(TRAIL + ((<usize>(i + 1)) << 2));
      store<i32>(MEMO + ((<usize>pos) << 2), steps - then + 1);
    }
  return ok;
}
