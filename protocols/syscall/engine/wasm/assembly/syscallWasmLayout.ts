/**
 * AssemblyScript (compiled by asc into syscallWasm.wasm, not by tsc): the packed syscall node's
 * layout of one configuration (syscallPackedLayout.ts:60-84, `SyscallPackedLayout`) as wasm
 * globals, and the agents' facts the successors and the judge read (model/layout.ts: per agent its
 * process, kind and ghost place), set once per instance by the loader (syscallWasmModule.ts); the
 * controller prefix's offsets are wasmControllerLayout.ts's, set by its `configure`.
 */
import { alloc, setWidth, WIDTH } from '../../../../../engine/explore/wasm/assembly/wasmMemory';

/** syscallPackedLayout.ts:62-64: bytes per agent record, per ring slot and per ghost instance. */
export const AGENT_W: i32 = 3;
export const SLOT_W: i32 = 6;
export const INST_W: i32 = 6;

/** syscallPackedLayout.ts:32-59: the phase and slot state codes. */
export const IDLE: i32 = 0;
export const FILLING_PHASE: i32 = 1;
export const SUBMITTED_PHASE: i32 = 2;
export const AWAITING: i32 = 3;
export const WOKEN: i32 = 4;
export const READING: i32 = 5;
export const WAITING: i32 = 6;
export const RUNNING: i32 = 7;
export const RETURNING: i32 = 8;
export const FREE: i32 = 0;
export const FILLING: i32 = 1;
export const SUBMITTED: i32 = 2;
export const TAKEN: i32 = 3;
export const DONE: i32 = 4;

/** syscallPackedLayout.ts:67-86: the node's offsets and counts. */
export let SWIDTH: i32 = 0;
/** The controller prefix's width (wasmControllerJudge.ts compares that many bytes: packedControllerJudge.ts:255). */
export let CWIDTH: i32 = 0;
/** The store's key width (wasmMemory.ts WIDTH between two controller judgements): the node's, until the search sets its own. */
export let STORE_W: i32 = 0;
export let AGENTS: i32 = 0;
export let RINGS: i32 = 0;
export let RING_W: i32 = 0;
export let PLACES: i32 = 0;
export let PLACE_COUNT: i32 = 0;
export let INSTS: i32 = 0;
export let AGENT_COUNT: i32 = 0;
export let RSLOTS: i32 = 0;
/** Per agent (i32 each): its process, kind (0 service, 1 reply, 2 caller) and ghost place (-1: none). */
let PROC_OF: usize = 0;
let KIND_OF: usize = 0;
let HELD_PLACE: usize = 0;
/** Per process: its reply dispatcher, or -1 (model/layout.ts reply). */
let REPLY_OF: usize = 0;

/** Sets the offsets of syscallPackedLayout.ts's layout (in its order) and makes room for the agents' facts. */
export function syscallConfigure(
  width: i32,
  agents: i32,
  rings: i32,
  ringW: i32,
  places: i32,
  placeCount: i32,
  insts: i32,
  agentCount: i32,
  ringSlots: i32,
  processes: i32,
): void {
  SWIDTH = width;
  CWIDTH = WIDTH; // the controller's `configure` set it, before this
  STORE_W = width;
  setWidth(width);
  AGENTS = agents;
  RINGS = rings;
  RING_W = ringW;
  PLACES = places;
  PLACE_COUNT = placeCount;
  INSTS = insts;
  AGENT_COUNT = agentCount;
  RSLOTS = ringSlots;
  PROC_OF = alloc(agentCount, 4);
  KIND_OF = alloc(agentCount, 4);
  HELD_PLACE = alloc(agentCount, 4);
  REPLY_OF = alloc(processes, 4);
  for (let p = 0; p < processes; p++) store<i32>(REPLY_OF + ((<usize>p) << 2), -1);
}

/** The store's keys are `w` bytes wide (syscallWasmSearch.ts: the node's words after its controller prefix, then the prefix's number). */
export function setStoreWidth(w: i32): void {
  STORE_W = w;
  setWidth(w);
}

/** Agent a's process, kind and ghost place (model/layout.ts, syscallPackedLayout.ts:122-126). */
export function syscallAgent(a: i32, p: i32, kind: i32, heldPlace: i32): void {
  store<i32>(PROC_OF + ((<usize>a) << 2), p);
  store<i32>(KIND_OF + ((<usize>a) << 2), kind);
  store<i32>(HELD_PLACE + ((<usize>a) << 2), heldPlace);
  if (kind === 1) store<i32>(REPLY_OF + ((<usize>p) << 2), a);
}

/** Agent a's process. */
export function procOf(a: i32): i32 {
  return load<i32>(PROC_OF + ((<usize>a) << 2));
}

/** Agent a's kind (0 service, 1 reply, 2 caller). */
export function kindOf(a: i32): i32 {
  return load<i32>(KIND_OF + ((<usize>a) << 2));
}

/** Agent a's ghost place (-1: not a service dispatcher). */
export function heldPlace(a: i32): i32 {
  return load<i32>(HELD_PLACE + ((<usize>a) << 2));
}

/** Process p's reply dispatcher, or -1. */
export function replyOf(p: i32): i32 {
  return load<i32>(REPLY_OF + ((<usize>p) << 2));
}

/** The byte at `i` of the node at `s`. */
export function b8(s: usize, i: i32): i32 {
  return <i32>load<u8>(s + <usize>i);
}

/** Sets the byte at `i` of the node at `s`. */
export function put(s: usize, i: i32, v: i32): void {
  store<u8>(s + <usize>i, <u8>v);
}

/** Agent a's phase code in `b`. */
export function phaseOf(b: usize, a: i32): i32 {
  return b8(b, AGENTS + a * AGENT_W);
}

/** Agent a's slot in `b` (-1: none). */
export function agentSlot(b: usize, a: i32): i32 {
  return b8(b, AGENTS + a * AGENT_W + 1) - 1;
}

/** Agent a's request id in `b`. */
export function agentReq(b: usize, a: i32): i32 {
  return b8(b, AGENTS + a * AGENT_W + 2);
}

/** The offset of ring p. */
export function ringAt(p: i32): i32 {
  return RINGS + p * RING_W;
}

/** The offset of slot i of ring p. */
export function slotOffset(p: i32, i: i32): i32 {
  return RINGS + p * RING_W + 2 + i * SLOT_W;
}

/**
 * Copies `n` bytes (a multiple of 4) from `src` to `dst`, 8 at a time (wasmMemory.ts copyState's
 * way, for a size other than the store's width: a node, its controller prefix, a key).
 */
export function copyBytes(dst: usize, src: usize, n: i32): void {
  const end = src + <usize>n;
  let s = src;
  let d = dst;
  for (; s + 8 <= end; s += 8, d += 8) store<u64>(d, load<u64>(s));
  if (s < end) store<u32>(d, load<u32>(s));
}

/** Whether the `n` bytes (a multiple of 4) at `a` and `b` are equal, 8 at a time. */
export function sameBytes(a: usize, b: usize, n: i32): bool {
  const end = a + <usize>n;
  let x = a;
  let y = b;
  for (; x + 8 <= end; x += 8, y += 8) if (load<u64>(x) !== load<u64>(y)) return false;
  return x >= end || load<u32>(x) === load<u32>(y);
}
