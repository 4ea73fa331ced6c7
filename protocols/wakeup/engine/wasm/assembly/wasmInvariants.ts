/**
 * AssemblyScript: the three wakeup state invariants the packed engine judges, read from a state's
 * bytes, ports of packedTaskInOnePlace.ts, packedOnlyOnlineRun.ts and packedNoStuckSystem.ts in
 * packedInvariants.ts's order. Only which invariant fails is answered; the loader rebuilds the
 * verdict's words with packedInvariants.ts from the failing state's bytes.
 */
import {
  alloc,
  DEVICES,
  HART_W,
  HARTS,
  IRQ_WAIT,
  NHARTS,
  ONLINE,
  PH_FETCH,
  PH_IDLE,
  PH_RETURNING,
  PH_RUNNING,
  PRIORITIES,
  PROCESSES,
  READY,
  READY_W,
  WAIT_W,
} from './wasmLayout';

/** What `judgeState` answers: the state holds every invariant, or which one it fails (PACKED_PROPERTY_IDS' index + 1). */
export const HOLDS: i32 = 0;
const FAILS_TASK_IN_ONE_PLACE: i32 = 1;
export const FAILS_ONLY_ONLINE_RUN: i32 = 2;
const FAILS_NO_STUCK_SYSTEM: i32 = 3;

/** packedTaskInOnePlace.ts:89-91: stamps[t] === pass when task id t was seen in the current pass (256 i32). */
let STAMPS: usize = 0;
let pass: i32 = 0;

function b8(s: usize, i: i32): i32 {
  return <i32>load<u8>(s + <usize>i);
}

/** Seen task t in this pass? Stamps it either way (packedTaskInOnePlace.ts:113-114). */
function seen(t: i32): bool {
  const p = STAMPS + ((<usize>t) << 2);
  if (load<i32>(p) === pass) return true;
  store<i32>(p, pass);
  return false;
}

/** packedTaskInOnePlace.ts:98-135: the first task id held in two places of the state at `s`, or 0. */
export function firstDuplicate(s: usize): i32 {
  if (STAMPS === 0) STAMPS = alloc(256, 4);
  if (pass === 0x7fffffff) {
    memory.fill(STAMPS, 0, 256 * 4);
    pass = 0;
  }
  pass++;
  const queues = PROCESSES * PRIORITIES;
  for (let i = 0; i < queues; i++) {
    const q = READY + i * READY_W;
    const len = b8(s, q);
    for (let j = 1; j <= len; j++) {
      const t = b8(s, q + j);
      if (t !== 0 && seen(t)) return t;
    }
  }
  for (let d = 0; d < DEVICES; d++) {
    const w = IRQ_WAIT + d * WAIT_W;
    const len = b8(s, w);
    for (let j = 0; j < len; j++) {
      const t = b8(s, w + 2 + 2 * j);
      if (t !== 0 && seen(t)) return t;
    }
  }
  for (let h = 0; h < NHARTS; h++) {
    const o = HARTS + h * HART_W;
    const t = b8(s, o + 2);
    if (t === 0 || <u8>b8(s, o) === PH_FETCH) continue;
    if (seen(t)) return t;
  }
  return 0;
}

/** packedOnlyOnlineRun.ts:155-157: whether the process a hart stores as p + 1 is online. */
function onlineAt(s: usize, p1: i32): bool {
  return p1 > 0 && p1 <= PROCESSES && b8(s, ONLINE + p1 - 1) === 1;
}

/** packedOnlyOnlineRun.ts:160-166 (with `phase` PH_RUNNING) and :169-175 (PH_FETCH): the first hart in `phase` on an offline process, or -1. */
export function hartOffline(s: usize, phase: u8): i32 {
  for (let h = 0; h < NHARTS; h++) {
    const o = HARTS + h * HART_W;
    if (<u8>b8(s, o) === phase && !onlineAt(s, b8(s, o + 1))) return h;
  }
  return -1;
}

/** packedNoStuckSystem.ts:198-217: work is outstanding and nothing enabled could serve it. */
export function stuck(s: usize): bool {
  let work = false;
  for (let h = 0; h < NHARTS; h++) {
    const phase = <u8>b8(s, HARTS + h * HART_W);
    if (phase === PH_FETCH || phase === PH_RUNNING || phase === PH_RETURNING) return false;
    if (phase !== PH_IDLE) work = true;
  }
  const queues = PROCESSES * PRIORITIES;
  for (let i = 0; i < queues && !work; i++) if (b8(s, READY + i * READY_W) > 0) work = true;
  if (!work) return false;
  for (let h = 0; h < NHARTS; h++) {
    const o = HARTS + h * HART_W;
    if (<u8>b8(s, o) !== PH_IDLE) continue;
    const own = b8(s, o + 1) - 1;
    for (let p = 0; p < PROCESSES; p++) if (b8(s, ONLINE + p) !== 1 || p !== own) return false;
  }
  return true;
}

/**
 * packedInvariants.ts:40-69 without the fetch part: which state invariant the state at `s` fails
 * first (HOLDS: none). The fetch part (fetchesOffline) is asked separately, by `hartOffline(s, PH_FETCH)`.
 */
export function judgeState(s: usize): i32 {
  if (firstDuplicate(s) !== 0) return FAILS_TASK_IN_ONE_PLACE;
  if (hartOffline(s, PH_RUNNING) >= 0) return FAILS_ONLY_ONLINE_RUN;
  if (stuck(s)) return FAILS_NO_STUCK_SYSTEM;
  return HOLDS;
}
