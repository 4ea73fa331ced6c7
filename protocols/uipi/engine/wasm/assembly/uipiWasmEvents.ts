/**
 * AssemblyScript: one configuration's numbered events as uipiPackedEvents.ts numbers them (the
 * model's event table, then an IpiArrive per in-flight bit and an Accept per CPU and pending bit),
 * as numbers only: per event its type code and operands, which the loader (uipiWasmModule.ts)
 * writes at `events()`'s address from uipiPackedEvents.ts's arrays, so both engines number the
 * same events the same way. The type codes are uipiPackedEvents.ts:15-25's (the loader checks two).
 */
import { alloc, wAt } from './uipiWasmLayout';

/** Type codes (uipiPackedEvents.ts:15-25; receiver steps: 5 + their index in RECEIVER_STEP_TYPES). */
export const T_SEND: i32 = 0;
export const T_SEND_IPI: i32 = 1;
export const T_ARRIVE: i32 = 2;
export const T_ACCEPT: i32 = 3;
export const T_NOTIFY_DRAIN: i32 = 4;
export const DELIVER: i32 = 5;
export const HANDLER_BODY: i32 = 6;
export const UIRET: i32 = 7;
export const STUI: i32 = 8;
export const CLUI: i32 = 9;
export const SWITCH_OUT_SN: i32 = 10;
export const SWITCH_OUT_SAVE: i32 = 11;
export const SWITCH_IN_CLEAR_SN: i32 = 12;
export const SWITCH_IN_CHECK_PIR: i32 = 13;
export const WAIT_SWITCH_NV: i32 = 14;
export const WAIT_RECHECK: i32 = 15;
export const WAIT_SLEEP: i32 = 16;
export const WAKE_RESTORE_NV: i32 = 17;
export const KERNEL_ENTRY: i32 = 18;
export const KERNEL_EXIT: i32 = 19;
export const WAIT_ENLIST: i32 = 20;
export const RECEIVER_STEPS: i32 = 16;
export const T_SWITCH_IN_RESTORE: i32 = 21;
export const T_REGISTER: i32 = 22;
export const T_REVOKE: i32 = 23;
export const T_TIMER_TICK: i32 = 24;
export const T_RUN_OTHER: i32 = 25;

/** How many events, how many come from the table (first), and the arrays (uipiPackedEvents.ts:32-45). */
export let EVENTS: i32 = 0;
export let TABLE_SIZE: i32 = 0;
let TYPE: usize = 0;
let A: usize = 0;
let B: usize = 0;
let TARGET: usize = 0;
let UV: usize = 0;
let ARRIVE: usize = 0;
let ACCEPT: usize = 0;

/**
 * Room for `n` events (`tableSize` of them the table's) of a configuration of `cpus` CPUs; the
 * address where the loader writes, as i32 one array after another: type, a, b, target, uv (n
 * each), arrive (2·cpus), accept (3·cpus). 0 when `deliver` and `runOther` are not the codes
 * here (the loader's type codes must be these).
 */
export function configureEvents(n: i32, tableSize: i32, cpus: i32, deliver: i32, runOther: i32): usize {
  if (deliver !== DELIVER || runOther !== T_RUN_OTHER) return 0;
  EVENTS = n;
  TABLE_SIZE = tableSize;
  TYPE = alloc(5 * n + 5 * cpus, 4);
  A = TYPE + ((<usize>n) << 2);
  B = A + ((<usize>n) << 2);
  TARGET = B + ((<usize>n) << 2);
  UV = TARGET + ((<usize>n) << 2);
  ARRIVE = UV + ((<usize>n) << 2);
  ACCEPT = ARRIVE + ((<usize>(2 * cpus)) << 2);
  return TYPE;
}

/** Event k's type code. */
export function typeOf(k: i32): i32 {
  return wAt(TYPE, k);
}
/** Event k's first operand: its sender, CPU or receiver. */
export function aOf(k: i32): i32 {
  return wAt(A, k);
}
/** Event k's second operand: its slot, CPU or vector. */
export function bOf(k: i32): i32 {
  return wAt(B, k);
}
/** A Send's target receiver (its UITT slot's binding). */
export function targetOf(k: i32): i32 {
  return wAt(TARGET, k);
}
/** A Send's user vector (its UITT slot's binding). */
export function uvOf(k: i32): i32 {
  return wAt(UV, k);
}
/** The IpiArrive of in-flight bit i. */
export function arriveOf(i: i32): i32 {
  return wAt(ARRIVE, i);
}
/** The Accept of CPU c's pending bit j, at i = 3c + j. */
export function acceptOf(i: i32): i32 {
  return wAt(ACCEPT, i);
}
