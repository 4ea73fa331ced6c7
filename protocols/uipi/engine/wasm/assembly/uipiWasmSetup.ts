/**
 * AssemblyScript: the whole set-up of a search computed by the wasm code from the configuration's
 * numbers, so a fresh process runs no cold JavaScript between the clock's start and the search:
 * the layout's word indices (uipiPackedLayout.ts `uipiPackedLayout`), the numbered events
 * (uipiPackedEvents.ts, the model's table order of protocols/uipi/model/enabled.ts
 * `uipiEventTable`, then an IpiArrive per in-flight bit and an Accept per CPU and pending bit),
 * the judge's property bits (uipiPackedJudge.ts `propertyBit`: UIPI_STEP_PROPERTIES' order), the
 * initial node (model/state.ts `initialUipi`, properties/ghost.ts `initialOwed`/`initialCredit`,
 * encoded as uipiPackedLayout.ts `encodeUipiState`/`encodeUipiGhost`) and the key's field masks
 * (uipiPackedLayout.ts `uipiKeyMasks`, keyed: keyedAdmission.ts `uipiKeyedMasks`).
 *
 * Decision (who is the reference): the JavaScript modules named above stay the specification;
 * test/protocols/uipi/engine/uipiWasmSetup.test.ts checks every table built here equal to theirs
 * on every UIPI preset and the bench's configurations. The loader (uipiWasmExplore.ts) checks
 * `uipiUnpackable` before, so every field fits its word.
 */
import { configureEvents, DELIVER, EVENTS, T_RUN_OTHER, TABLE_SIZE } from './uipiWasmEvents';
import { start, uipiBegin } from './uipiWasmExplore';
import { configureJudge } from './uipiWasmJudge';
import {
  alloc,
  BODY,
  CPU_COUNT,
  CPU_SHIFT,
  CPUS,
  configureLayout,
  DRAIN_BOUND,
  FAIR,
  G,
  HELD_SHIFT,
  HVEC_SHIFT,
  INFLIGHT,
  K,
  KERNEL_VECTOR,
  MUTATION,
  NDST_SHIFT,
  NOTIFICATION_VECTOR,
  NV_KERNEL,
  ON,
  PENDING_SHIFT,
  PROCESSING,
  RECEIVERS,
  SENDER_COUNT,
  SENDERS,
  SN,
  TIMER,
  TIMER_VECTOR,
  UIF,
  UINV_NOTIFY,
  UINV_SHIFT,
  UINV_TIMER,
  UNDO,
  VECTORS,
  WAITING_PHASES,
  wSet,
} from './uipiWasmLayout';

/** model/state.ts RECEIVER_PHASES' length (the phase field's largest code + 1). */
const PHASES: i32 = 11;
/** The phases whose `waiting` flag is set (model/state.ts `modelWaitFlags`): waitNv, waitChecked, waiting, waitListed. */
const WAITING: i32 = (1 << 5) | (1 << 6) | (1 << 7) | (1 << 10);
/** The model's receiver steps (model/events.ts RECEIVER_STEP_TYPES' length). */
const RECEIVER_STEP_COUNT: i32 = 16;
/** The type codes of the events built here (uipiPackedEvents.ts:15-25). */
const T_SEND: i32 = 0;
const T_SEND_IPI: i32 = 1;
const T_ARRIVE: i32 = 2;
const T_ACCEPT: i32 = 3;
const T_NOTIFY_DRAIN: i32 = 4;
const T_SWITCH_IN_RESTORE: i32 = 21;
const T_REGISTER: i32 = 22;
const T_REVOKE: i32 = 23;
const T_TIMER_TICK: i32 = 24;

/** Where the set-up wrote the events' arrays, the initial node and the key masks (and how many masks). */
let EVENTS_AT: usize = 0;
let NODE_AT: usize = 0;
let MASKS_AT: usize = 0;
let MASK_WORDS: i32 = 0;
/** The event being numbered. */
let next: i32 = 0;

/** Numbers the next event: its type code and operands, a Send's target and vector 0. */
function push(type: i32, a: i32, b: i32): i32 {
  const n = EVENTS;
  wSet(EVENTS_AT, next, type);
  wSet(EVENTS_AT, n + next, a);
  wSet(EVENTS_AT, 2 * n + next, b);
  return next++;
}

/** Writes the events (uipiPackedEvents.ts `uipiPackedEvents`, the model's table first). */
function writeEvents(R: i32, S: i32, C: i32, U: i32, V: i32, timer: i32): void {
  const n = EVENTS;
  next = 0;
  for (let s = 0; s < S; s++) {
    for (let i = 0; i < U; i++) {
      const k = push(T_SEND, s, i);
      // model/state.ts `uittBinding`
      wSet(EVENTS_AT, 3 * n + k, (s + i) % R);
      wSet(EVENTS_AT, 4 * n + k, (s * U + i) % V);
    }
    push(T_SEND_IPI, s, 0);
  }
  for (let c = 0; c < C; c++) push(T_NOTIFY_DRAIN, c, 0);
  for (let r = 0; r < R; r++) {
    for (let j = 0; j < RECEIVER_STEP_COUNT; j++) push(DELIVER + j, r, 0);
    for (let c = 0; c < C; c++) push(T_SWITCH_IN_RESTORE, r, c);
  }
  for (let s = 0; s < S; s++)
    for (let i = 0; i < U; i++) {
      push(T_REGISTER, s, i);
      push(T_REVOKE, s, i);
    }
  if (timer >= 0) for (let c = 0; c < C; c++) push(T_TIMER_TICK, c, 0);
  for (let c = 0; c < C; c++) push(T_RUN_OTHER, c, 0);
  const arrive = EVENTS_AT + ((<usize>(5 * n)) << 2);
  const accept = arrive + ((<usize>(2 * C)) << 2);
  for (let c = 0; c < C; c++) {
    wSet(arrive, 2 * c, push(T_ARRIVE, c, KERNEL_VECTOR));
    wSet(arrive, 2 * c + 1, push(T_ARRIVE, c, NOTIFICATION_VECTOR));
    wSet(accept, 3 * c, push(T_ACCEPT, c, TIMER_VECTOR));
    wSet(accept, 3 * c + 1, push(T_ACCEPT, c, KERNEL_VECTOR));
    wSet(accept, 3 * c + 2, push(T_ACCEPT, c, NOTIFICATION_VECTOR));
  }
}

/** Writes the initial node at `at`: key words, then ghost words (owed masks, credits). */
function writeInitial(at: usize, U: i32, timer: i32): void {
  const sky = timer >= 0;
  const armed = sky ? 1 << timer : 0;
  for (let r = 0; r < RECEIVERS; r++) {
    // phase user (0), on CPU r, UIF, UINV programmed, no handler, SN in Skyloft, NV the notification vector, NDST r
    wSet(
      at,
      3 * r,
      ((r + 1) << CPU_SHIFT) |
        UIF |
        ((sky ? UINV_TIMER : UINV_NOTIFY) << UINV_SHIFT) |
        (sky ? SN : 0) |
        (r << NDST_SHIFT),
    );
    wSet(at, 3 * r + 1, 0);
    wSet(at, 3 * r + 2, armed);
  }
  for (let s = 0; s < SENDER_COUNT; s++) wSet(at, SENDERS + s, (1 << U) - 1);
  for (let c = 0; c < CPU_COUNT; c++) wSet(at, CPUS + c, c < RECEIVERS ? c + 1 : 0);
  wSet(at, INFLIGHT, 0);
  wSet(at, UNDO, 0);
  const g = at + ((<usize>K) << 2);
  for (let r = 0; r < RECEIVERS; r++) wSet(g, r, armed);
  const credits = RECEIVERS * VECTORS;
  for (let i = 0; i < credits; i++) wSet(g, RECEIVERS + i, 0);
  if (sky)
    for (let r = 0; r < RECEIVERS; r++) {
      const i = r * VECTORS + timer;
      if (i < credits) wSet(g, RECEIVERS + i, 1);
    }
}

/**
 * The bit of the judge's property `i` in configureJudge's order (uipiPackedJudge.ts `propertyBit`:
 * 1 << its index in UIPI_STEP_PROPERTIES, whose first ten the judge reads), 0 past the last.
 */
function judgeBit(i: i32): i32 {
  return i >= 0 && i < 10 ? 1 << i : 0;
}

/** uipiPackedLayout.ts `field`: the bits a field of largest value `max` needs, in place at `shift`. */
function field(max: u64, shift: i32): i32 {
  if (max === 0) return 0;
  const bits = 64 - <i32>clz<u64>(max);
  const ones: u64 = bits >= 64 ? <u64>-1 : ((<u64>1) << (<u64>bits)) - 1;
  return <i32>(ones << (<u64>shift));
}

/** The largest value of `n` bits (n ≤ 32). */
function ones(n: i32): u64 {
  return ((<u64>1) << (<u64>n)) - 1;
}

/** Writes the key's field masks at MASKS_AT (uipiPackedLayout.ts `uipiKeyMasks`; keyed, the owed masks' after them). */
function writeMasks(covering: bool, U: i32): void {
  const C = CPU_COUNT;
  const receiver =
    field(PHASES - 1, 0) |
    field(C, CPU_SHIFT) |
    UIF |
    BODY |
    field(UINV_NOTIFY, UINV_SHIFT) |
    field(VECTORS, HVEC_SHIFT) |
    ON |
    SN |
    NV_KERNEL |
    field(C - 1, NDST_SHIFT);
  const vectors = field(ones(VECTORS), 0);
  for (let r = 0; r < RECEIVERS; r++) {
    wSet(MASKS_AT, 3 * r, receiver);
    wSet(MASKS_AT, 3 * r + 1, vectors);
    wSet(MASKS_AT, 3 * r + 2, vectors);
  }
  for (let s = 0; s < SENDER_COUNT; s++)
    wSet(MASKS_AT, SENDERS + s, field(ones(U), 0) | field(2 * C, HELD_SHIFT));
  for (let c = 0; c < C; c++)
    wSet(MASKS_AT, CPUS + c, field(RECEIVERS, 0) | PROCESSING | field(7, PENDING_SHIFT));
  wSet(MASKS_AT, INFLIGHT, field(ones(2 * C), 0));
  wSet(MASKS_AT, UNDO, field(ones(RECEIVERS), 0));
  if (!covering)
    for (let r = 0; r < RECEIVERS; r++) wSet(MASKS_AT, K + r, VECTORS >= 32 ? -1 : (1 << VECTORS) - 1);
}

/**
 * Sets up an instance for the configuration (`cpus` … `fair`: UipiConfig's numbers, `fair` 1 for
 * the fair drain), the seeded bug `mutation` (uipiWasmModule.ts's code), the selected step
 * properties `stepBits` and liveness properties `livenessBits`, the covering (1) or keyed (0)
 * admission's key masks, and begins the search (uipiWasmExplore.ts `uipiBegin`: draining when
 * `liveness` is 1, the tables with room for `room` nodes): 0, or 1 when the initial node sets a
 * bit outside its fields. One call, so the loader crosses into wasm once before `uipiSearch`.
 */
export function uipiSetup(
  cpus: i32,
  receivers: i32,
  senders: i32,
  vectors: i32,
  uittSize: i32,
  timer: i32,
  drainBound: i32,
  fair: i32,
  mutation: i32,
  stepBits: i32,
  livenessBits: i32,
  covering: i32,
  liveness: i32,
  room: i32,
): i32 {
  const R = receivers;
  const S = senders;
  const C = cpus;
  const senderAt = 3 * R;
  const cpuAt = senderAt + S;
  const inflight = cpuAt + C;
  configureLayout(
    inflight + 2,
    R + R * vectors,
    senderAt,
    cpuAt,
    inflight,
    inflight + 1,
    R,
    S,
    C,
    vectors,
    timer,
    drainBound,
    fair,
    WAITING,
    mutation,
  );
  const table =
    S * (uittSize + 1) + C + R * (RECEIVER_STEP_COUNT + C) + 2 * S * uittSize + (timer >= 0 ? C : 0) + C;
  EVENTS_AT = configureEvents(table + 5 * C, table, C, DELIVER, T_RUN_OTHER);
  writeEvents(R, S, C, uittSize, vectors, timer);
  configureJudge(
    stepBits,
    judgeBit(0),
    judgeBit(1),
    judgeBit(2),
    judgeBit(3),
    judgeBit(4),
    judgeBit(5),
    judgeBit(6),
    judgeBit(7),
    judgeBit(8),
    judgeBit(9),
  );
  NODE_AT = start(livenessBits);
  writeInitial(NODE_AT, uittSize, timer);
  MASK_WORDS = covering !== 0 ? K : K + R;
  MASKS_AT = alloc(MASK_WORDS, 4);
  writeMasks(covering !== 0, uittSize);
  return uipiBegin(covering, liveness, room, MASKS_AT, MASK_WORDS);
}

/**
 * For the tests: item `i` of what the set-up decided: 0-14 configureLayout's arguments in its
 * order, 15 the events, 16 the table's, 17 where their arrays are, 18 where the initial node is,
 * 19 where the key masks are, 20 how many, 21-30 the judge's property bits.
 */
export function setupItem(i: i32): i32 {
  switch (i) {
    case 0:
      return K;
    case 1:
      return G;
    case 2:
      return SENDERS;
    case 3:
      return CPUS;
    case 4:
      return INFLIGHT;
    case 5:
      return UNDO;
    case 6:
      return RECEIVERS;
    case 7:
      return SENDER_COUNT;
    case 8:
      return CPU_COUNT;
    case 9:
      return VECTORS;
    case 10:
      return TIMER;
    case 11:
      return DRAIN_BOUND;
    case 12:
      return FAIR ? 1 : 0;
    case 13:
      return WAITING_PHASES;
    case 14:
      return MUTATION;
    case 15:
      return EVENTS;
    case 16:
      return TABLE_SIZE;
    case 17:
      return <i32>EVENTS_AT;
    case 18:
      return <i32>NODE_AT;
    case 19:
      return <i32>MASKS_AT;
    case 20:
      return MASK_WORDS;
    default:
      return judgeBit(i - 21);
  }
}
