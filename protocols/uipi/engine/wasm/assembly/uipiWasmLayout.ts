/**
 * AssemblyScript (compiled by asc into uipiWasm.wasm, not by tsc): the packed UIPI node layout of
 * one configuration as wasm globals, set once per search by the loader (uipiWasmModule.ts) from
 * uipiPackedLayout.ts's `UipiPackedLayout` and the configuration, so no word index is a constant
 * here; the bit fields of a word, which uipiPackedLayout.ts fixes, are. A node is K key words then G ghost words (owed masks, then credits), each an i32.
 */

export { alloc } from '../../../../../engine/explore/wasm/assembly/wasmMemory';

/** Receiver word fields (uipiPackedLayout.ts:51-66). */
export const PHASE_MASK: i32 = 0xf;
export const CPU_SHIFT: i32 = 4;
export const CPU_MASK: i32 = 0x1f << CPU_SHIFT;
export const UIF: i32 = 1 << 9;
export const BODY: i32 = 1 << 10;
export const UINV_SHIFT: i32 = 11;
export const UINV_MASK: i32 = 3 << UINV_SHIFT;
export const HVEC_SHIFT: i32 = 13;
export const HVEC_MASK: i32 = 0x3f << HVEC_SHIFT;
export const ON: i32 = 1 << 19;
export const SN: i32 = 1 << 20;
export const NV_KERNEL: i32 = 1 << 21;
export const NDST_SHIFT: i32 = 22;
export const NDST_MASK: i32 = 0x1f << NDST_SHIFT;
/** UINV codes (uipiPackedLayout.ts:67-69). */
export const UINV_TIMER: i32 = 1;
export const UINV_NOTIFY: i32 = 2;
/** Sender and CPU word fields (uipiPackedLayout.ts:70-81). */
export const VALID_MASK: i32 = 0xffffff;
export const HELD_SHIFT: i32 = 24;
export const CUR_MASK: i32 = 0x3f;
export const PROCESSING: i32 = 1 << 6;
export const PENDING_SHIFT: i32 = 8;
export const PEND_TIMER: i32 = 1;
export const PEND_KERNEL: i32 = 2;
export const PEND_NOTIFY: i32 = 4;
/** The vectors the model alone uses (model/state.ts:25-29). */
export const TIMER_VECTOR: i32 = 0xe0;
export const KERNEL_VECTOR: i32 = 0xeb;
export const NOTIFICATION_VECTOR: i32 = 0xec;

/** Phase codes: the index in RECEIVER_PHASES (model/state.ts:43-55, uipiPackedLayout.ts:88-100). */
export const USER: i32 = 0;
export const OUT_SN: i32 = 1;
export const OFF: i32 = 2;
export const IN_RESTORED: i32 = 3;
export const IN_SN_CLEAR: i32 = 4;
export const WAIT_NV: i32 = 5;
export const WAIT_CHECKED: i32 = 6;
export const WAITING: i32 = 7;
export const WOKEN: i32 = 8;
export const KERNEL: i32 = 9;

/** The seeded bugs of uipiPackedMutation.ts by code (0: none), as the loader passes them. */
export const MUT_DRAIN_KEEPS_PIR: i32 = 1;
export const MUT_DELIVER_KEEPS_UIRR: i32 = 2;
export const MUT_DELIVER_LOWEST: i32 = 3;
export const MUT_SEND_ALWAYS_NOTIFIES: i32 = 4;
export const MUT_SEND_FORGETS_OWED: i32 = 5;
export const MUT_TIMER_FORGETS_REPOST: i32 = 6;
export const MUT_SWITCH_IN_KEEPS_SN: i32 = 7;
export const MUT_CHECK_PIR_IGNORES_ON: i32 = 8;

/** Word indices (UipiPackedLayout): key words K, ghost words G, the first sender, CPU, in-flight and undo words. */
export let K: i32 = 0;
export let G: i32 = 0;
export let SENDERS: i32 = 0;
export let CPUS: i32 = 0;
export let INFLIGHT: i32 = 0;
export let UNDO: i32 = 0;
/** The configuration's sizes and scenario (UipiConfig). */
export let RECEIVERS: i32 = 0;
export let SENDER_COUNT: i32 = 0;
export let CPU_COUNT: i32 = 0;
export let VECTORS: i32 = 0;
export let SKY: bool = false;
export let TIMER: i32 = -1;
export let DRAIN_BOUND: i32 = 0;
export let FAIR: bool = true;
/** UINV's code after a return to user (uipiPackedSuccessors.ts:254). */
export let PROGRAMMED: i32 = UINV_NOTIFY;
/** The phases whose model `waiting` flag is set, as a bit set of phase codes (uipiPackedLayout.ts:102-105). */
export let WAITING_PHASES: i32 = 0;
export let MUTATION: i32 = 0;

/**
 * Sets the layout's word indices, the configuration and the seeded bug: one call per instance,
 * before the events (uipiWasmEvents.ts) and `start`.
 */
export function configureLayout(
  k: i32,
  g: i32,
  senders: i32,
  cpus: i32,
  inflight: i32,
  undo: i32,
  receivers: i32,
  senderCount: i32,
  cpuCount: i32,
  vectors: i32,
  timer: i32,
  drainBound: i32,
  fair: i32,
  waitingPhases: i32,
  mutation: i32,
): void {
  K = k;
  G = g;
  SENDERS = senders;
  CPUS = cpus;
  INFLIGHT = inflight;
  UNDO = undo;
  RECEIVERS = receivers;
  SENDER_COUNT = senderCount;
  CPU_COUNT = cpuCount;
  VECTORS = vectors;
  TIMER = timer;
  SKY = timer >= 0;
  PROGRAMMED = SKY ? UINV_TIMER : UINV_NOTIFY;
  DRAIN_BOUND = drainBound;
  FAIR = fair !== 0;
  WAITING_PHASES = waitingPhases;
  MUTATION = mutation;
}

/** Word `i` of the words at `p`. */
export function wAt(p: usize, i: i32): i32 {
  return load<i32>(p + ((<usize>i) << 2));
}

/** Sets word `i` of the words at `p`. */
export function wSet(p: usize, i: i32, v: i32): void {
  store<i32>(p + ((<usize>i) << 2), v);
}

/** Copies `n` words from `src` to `dst`. */
export function copyWords(dst: usize, src: usize, n: i32): void {
  for (let i = 0; i < n; i++) wSet(dst, i, wAt(src, i));
}

/** The highest set bit of a word (model/state.ts `highest`, uipiPackedSuccessors.ts:94), -1 for 0. */
export function highestBit(w: i32): i32 {
  return 31 - clz<i32>(w);
}
