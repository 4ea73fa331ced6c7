/**
 * AssemblyScript: the one-byte guards' tables of the syscall search, a port of
 * syscallPackedSuccessors.ts:214-222 (`guardBytes`, `passMasks`, `refuseMasks`, built from
 * `firstGuard` and `refusals`, syscallPackedSuccessors.ts:883-958) from the alphabet the loader
 * set (`syscallSetEvent`), so that the search's set-up needs no JavaScript successor function:
 * the bytes the guards read (in the JavaScript's order: each candidate's first guard's byte, then
 * each later guard's, the first time seen), and per (byte, value) the bits of the candidates whose
 * first guard passes and of those a later guard refuses. syscallWasmGuards.test.ts requires them to
 * be the JavaScript's tables byte for byte on every preset.
 */
import { alloc } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
import { ONLINE, PROCESSES } from '../../../../controller/engine/wasm/assembly/wasmControllerLayout';
import {
  T_CALL,
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
} from './syscallWasmJudge';
import {
  AGENT_COUNT,
  AGENT_W,
  AGENTS,
  FILLING_PHASE,
  IDLE,
  kindOf,
  procOf,
  READING,
  RETURNING,
  RUNNING,
  SUBMITTED_PHASE,
} from './syscallWasmLayout';
import { eventAt, NEVENTS } from './syscallWasmSuccessors';

/** The guard bytes (i32 offsets), their count, words per candidate bit set, and the two mask tables. */
export let GUARD_BYTES: usize = 0;
export let GUARDS: i32 = 0;
export let MW: i32 = 0;
export let PASS_MASKS: usize = 0;
export let REFUSE_MASKS: usize = 0;

/** What a guard tests of its byte's value (`holds`): the kinds of firstGuard's and refusals' closures. */
const G_STATUS_ON: i32 = 0; // a STATUS write of 1: passes offline (v !== 1)
const G_STATUS_OFF: i32 = 1; // a STATUS write of 0: passes online (v === 1)
const G_NEVER: i32 = 2; // a STATUS write of another value: never passes
const G_IS: i32 = 3; // the byte is `arg`
const G_IS_NOT: i32 = 4; // the byte is not `arg`
const G_BUSY: i32 = 5; // guards.ts processIdle: an agent's phase busy (filling, submitted, reading, running, returning)

function i32At(base: usize, i: i32): usize {
  return base + ((<usize>i) << 2);
}

function holds(kind: i32, arg: i32, v: i32): bool {
  switch (kind) {
    case G_STATUS_ON:
      return v !== 1;
    case G_STATUS_OFF:
      return v === 1;
    case G_NEVER:
      return false;
    case G_IS:
      return v === arg;
    case G_IS_NOT:
      return v !== arg;
    default:
      return (
        v === FILLING_PHASE || v === SUBMITTED_PHASE || v === READING || v === RUNNING || v === RETURNING
      );
  }
}

/** The kind and argument of the first guard `firstGuard` found last. */
let firstKind: i32 = 0;
let firstArg: i32 = 0;
/** Candidate k's first guard (syscallPackedSuccessors.ts:883-903): its byte (its kind and argument in firstKind, firstArg). */
function firstGuard(k: i32): i32 {
  const e = eventAt(k);
  const type = load<i32>(e);
  const phase = AGENTS + load<i32>(e, 4) * AGENT_W;
  const online = ONLINE + load<i32>(e, 8);
  firstKind = G_IS;
  switch (type) {
    case T_STATUS: {
      const data = load<i32>(e, 16);
      firstKind = data === 1 ? G_STATUS_ON : data === 0 ? G_STATUS_OFF : G_NEVER;
      return online;
    }
    case T_FETCH:
      firstArg = 1;
      return online;
    case T_CALL:
      firstArg = IDLE;
      return phase;
    case T_PUBLISH:
      firstArg = FILLING_PHASE;
      return phase;
    case T_SIGNAL:
      firstArg = SUBMITTED_PHASE;
      return phase;
    case T_READ:
      firstArg = READING;
      return phase;
    case T_RETURN:
      firstArg = RETURNING;
      return phase;
    default: // Take, Complete, Reply, Wake, Park: a running dispatcher
      firstArg = RUNNING;
      return phase;
  }
}

/**
 * Candidate k's later guards of one byte (syscallPackedSuccessors.ts:914-958 `refusals`), each
 * given to `visit` as (byte, kind, argument) of the values on which it refuses.
 */
function refusals(k: i32, visit: (at: i32, kind: i32, arg: i32) => void): void {
  const e = eventAt(k);
  const type = load<i32>(e);
  const a = load<i32>(e, 4);
  const o = AGENTS + a * AGENT_W;
  if (type === T_STATUS) {
    if (load<i32>(e, 16) !== 0) return;
    const p = load<i32>(e, 8);
    for (let b = 0; b < AGENT_COUNT; b++) if (procOf(b) === p) visit(AGENTS + b * AGENT_W, G_BUSY, 0);
  } else if (type === T_CALL) visit(ONLINE + procOf(a), G_IS_NOT, 1);
  else if (type === T_COMPLETE || type === T_REPLY) {
    visit(o + 1, G_IS, 0);
    visit(o + 2, G_IS_NOT, type === T_COMPLETE ? 0 : 1);
  } else if (type === T_TAKE || (type === T_PARK && kindOf(a) === 0)) visit(o + 1, G_IS_NOT, 0);
}

/** Where byte `at` is among the guard bytes, added when new. */
function guardIndex(at: i32): i32 {
  for (let s = 0; s < GUARDS; s++) if (load<i32>(i32At(GUARD_BYTES, s)) === at) return s;
  store<i32>(i32At(GUARD_BYTES, GUARDS), at);
  return GUARDS++;
}

/** Sets candidate k's bit in `masks` for each value of guard byte `at` on which (kind, arg) holds (syscallPackedSuccessors.ts setBits). */
function setBits(masks: usize, at: i32, k: i32, kind: i32, arg: i32): void {
  const s = guardIndex(at);
  for (let v = 0; v < 256; v++)
    if (holds(kind, arg, v)) {
      const w = i32At(masks, ((s << 8) + v) * MW + (k >> 5));
      store<i32>(w, load<i32>(w) | (1 << (k & 31)));
    }
}

/** The candidate whose refusals `setRefusal` sets (AssemblyScript's function values capture no locals). */
let CUR_K: i32 = 0;
/** A later guard's byte, added to the guard bytes when new. */
function countRefusal(at: i32, _kind: i32, _arg: i32): void {
  guardIndex(at);
}
/** A later guard of candidate CUR_K: its bits set in REFUSE_MASKS. */
function setRefusal(at: i32, kind: i32, arg: i32): void {
  setBits(REFUSE_MASKS, at, CUR_K, kind, arg);
}

/**
 * Builds the tables once the alphabet is set (syscallPackedSuccessors.ts:214-222): first the guard
 * bytes in the JavaScript's order, then the masks; the number of guard bytes.
 */
export function guardTablesInit(): i32 {
  MW = (NEVENTS + 31) >> 5;
  // a first guard's byte per candidate at most; later guards read an agent's 3 bytes or an online byte
  GUARD_BYTES = alloc(NEVENTS + AGENT_COUNT * AGENT_W + PROCESSES, 4);
  GUARDS = 0;
  for (let k = 0; k < NEVENTS; k++) guardIndex(firstGuard(k));
  for (let k = 0; k < NEVENTS; k++) refusals(k, countRefusal);
  const size = GUARDS * 256 * MW;
  PASS_MASKS = alloc(size, 4);
  REFUSE_MASKS = alloc(size, 4);
  for (let k = 0; k < NEVENTS; k++) {
    const at = firstGuard(k);
    setBits(PASS_MASKS, at, k, firstKind, firstArg);
    CUR_K = k;
    refusals(k, setRefusal);
  }
  return GUARDS;
}
