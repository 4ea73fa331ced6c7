/**
 * AssemblyScript: the UIPI model's rules on packed words, a port of uipiPackedSuccessors.ts
 * (`enabled`, `step`, `slackFalls` and the helpers they call) line for line and in the same order,
 * so the i-th enabled event here is the i-th there and its successor the same words
 * (uipiWasm.test.ts checks every reachable node of skyloft and plain). The node being expanded
 * is at BEFORE (key words) and GB (ghost), each successor is built at AFTER and GA; the search and
 * the drain each point these at buffers of their own (`useBuffers`).
 */
import {
  acceptOf,
  aOf,
  arriveOf,
  bOf,
  CLUI,
  DELIVER,
  EVENTS,
  HANDLER_BODY,
  KERNEL_ENTRY,
  KERNEL_EXIT,
  RECEIVER_STEPS,
  STUI,
  SWITCH_IN_CHECK_PIR,
  SWITCH_IN_CLEAR_SN,
  SWITCH_OUT_SAVE,
  SWITCH_OUT_SN,
  T_ACCEPT,
  T_ARRIVE,
  T_NOTIFY_DRAIN,
  T_REGISTER,
  T_REVOKE,
  T_RUN_OTHER,
  T_SEND,
  T_SEND_IPI,
  T_SWITCH_IN_RESTORE,
  T_TIMER_TICK,
  TABLE_SIZE,
  targetOf,
  typeOf,
  UIRET,
  uvOf,
  WAIT_RECHECK,
  WAIT_SLEEP,
  WAIT_SWITCH_NV,
  WAKE_RESTORE_NV,
} from './uipiWasmEvents';
import {
  alloc,
  BODY,
  CPU_COUNT,
  CPU_MASK,
  CPU_SHIFT,
  CPUS,
  CUR_MASK,
  copyWords,
  G,
  HELD_SHIFT,
  HVEC_MASK,
  HVEC_SHIFT,
  highestBit,
  IN_RESTORED,
  IN_SN_CLEAR,
  INFLIGHT,
  K,
  KERNEL,
  MUT_CHECK_PIR_IGNORES_ON,
  MUT_DELIVER_KEEPS_UIRR,
  MUT_DELIVER_LOWEST,
  MUT_DRAIN_KEEPS_PIR,
  MUT_SEND_ALWAYS_NOTIFIES,
  MUT_SEND_FORGETS_OWED,
  MUT_SWITCH_IN_KEEPS_SN,
  MUT_TIMER_FORGETS_REPOST,
  MUTATION,
  NDST_MASK,
  NDST_SHIFT,
  NV_KERNEL,
  OFF,
  ON,
  OUT_SN,
  PEND_KERNEL,
  PEND_NOTIFY,
  PEND_TIMER,
  PENDING_SHIFT,
  PHASE_MASK,
  PROCESSING,
  PROGRAMMED,
  RECEIVERS,
  SENDERS,
  SKY,
  SN,
  TIMER,
  UIF,
  UINV_MASK,
  UINV_NOTIFY,
  UINV_SHIFT,
  UINV_TIMER,
  UNDO,
  USER,
  VALID_MASK,
  VECTORS,
  WAIT_CHECKED,
  WAIT_NV,
  WAITING,
  WOKEN,
  wAt,
  wSet,
} from './uipiWasmLayout';

/** The loaded node's key and ghost words, and the last step's successor (uipiPackedSuccessors.ts:220-225). */
export let BEFORE: usize = 0;
export let GB: usize = 0;
export let AFTER: usize = 0;
export let GA: usize = 0;
/** Whether the last step changed a credit (uipiPackedSuccessors.ts:227). */
export let creditChanged = false;

/** Points the rules at a node's buffers: the node loaded (`before`, `gb`) and its successor (`after`, `ga`). */
export function useBuffers(before: usize, gb: usize, after: usize, ga: usize): void {
  BEFORE = before;
  GB = gb;
  AFTER = after;
  GA = ga;
}

/** How `enabled` decides a table position (uipiPackedSuccessors.ts:182-184). */
const BY_WORDS: i32 = 0;
const BY_RECEIVER: i32 = 1;
const BY_TIMER: i32 = 2;
/** The bits of a sender's word that hold its IPI (uipiPackedSuccessors.ts:187). */
const HELD_BITS: i32 = ~VALID_MASK;

/** The receiver step masks (512 u16, uipiPackedSuccessors.ts:154-177) and the table positions `enabled` decides (:241-243). */
let MASKS: usize = 0;
let TESTS: usize = 0;
let KINDS: usize = 0;
let WORDS: usize = 0;
let NTESTS: i32 = 0;

/**
 * uipiPackedSuccessors.ts:104-148 (`receiverEnabled`): step.ts `receiverGuard` of receiver step
 * `t` for a receiver in `phase` whose CPU, if any, is not processing (`idle`), and so on.
 */
function receiverEnabled(
  t: i32,
  phase: i32,
  idle: bool,
  uif: bool,
  uirr: bool,
  inHandler: bool,
  body: bool,
): bool {
  const atUser = phase === USER && idle;
  switch (t) {
    case DELIVER:
      return atUser && uif && uirr;
    case HANDLER_BODY:
      return atUser && inHandler && !body;
    case UIRET:
      return atUser && inHandler && body;
    case STUI:
      return atUser && !inHandler;
    case CLUI:
    case KERNEL_ENTRY:
      return atUser;
    case SWITCH_OUT_SN:
      return atUser || (phase === KERNEL && idle);
    case KERNEL_EXIT:
      return phase === KERNEL && idle;
    case SWITCH_OUT_SAVE:
      return phase === OUT_SN && idle;
    case SWITCH_IN_CLEAR_SN:
      return phase === IN_RESTORED && idle;
    case SWITCH_IN_CHECK_PIR:
      return phase === IN_SN_CLEAR && idle;
    case WAIT_SWITCH_NV:
      return !SKY && (atUser || (phase === KERNEL && idle)) && !inHandler;
    case WAIT_RECHECK:
      return phase === WAIT_NV && idle;
    case WAIT_SLEEP:
      return phase === WAIT_CHECKED && idle;
    case WAKE_RESTORE_NV:
      return phase === WOKEN && idle;
    default:
      return false; // WaitEnlist: linux-rfc-v1's only
  }
}

/** uipiPackedSuccessors.ts:196-214 (`guardTest`): writes table event k's seven numbers at `o`, or false when it is no word test. */
function guardTest(o: usize, t: i32, a: i32, b: i32): bool {
  const sender = SENDERS + a;
  let x0 = 0;
  let x1 = 0;
  let x2 = 0;
  let x3 = 0;
  let x4 = 0;
  let x5 = 0;
  const x6 = 0;
  switch (t) {
    case T_SEND: // slotValid, senderFree
      x0 = sender;
      x1 = (1 << b) | HELD_BITS;
      x2 = 1 << b;
      break;
    case T_SEND_IPI: // senderHolds
      x0 = sender;
      x1 = HELD_BITS;
      x3 = 1;
      break;
    case T_NOTIFY_DRAIN: // cpuProcessing
      x0 = CPUS + a;
      x1 = PROCESSING;
      x3 = 1;
      break;
    case T_SWITCH_IN_RESTORE: // switchInFits: receiver a is off, CPU b runs nobody
      x0 = 3 * a;
      x1 = PHASE_MASK;
      x2 = OFF;
      x4 = CPUS + b;
      x5 = CUR_MASK;
      break;
    case T_REGISTER: // slotFree
      x0 = sender;
      x1 = 1 << b;
      break;
    case T_REVOKE: // slotValid
      x0 = sender;
      x1 = 1 << b;
      x2 = 1 << b;
      break;
    default:
      return false;
  }
  wSet(o, 0, x0);
  wSet(o, 1, x1);
  wSet(o, 2, x2);
  wSet(o, 3, x3);
  wSet(o, 4, x4);
  wSet(o, 5, x5);
  wSet(o, 6, x6);
  return true;
}

/**
 * uipiPackedSuccessors.ts:154-177 and :245-288 (the constructor): the receiver step masks of the
 * scenario and the table positions `enabled` decides, once the layout and events are set. Traps
 * when a receiver's steps are not listed together (the constructor's error).
 */
export function prepareSuccessors(): void {
  MASKS = alloc(512, 2);
  for (let at = 0; at < 512; at++) {
    let m = 0;
    for (let j = 0; j < RECEIVER_STEPS; j++) {
      const on = receiverEnabled(
        DELIVER + j,
        at & 15,
        (at & 16) !== 0,
        (at & 32) !== 0,
        (at & 64) !== 0,
        (at & 128) !== 0,
        (at & 256) !== 0,
      );
      if (on) m |= 1 << j;
    }
    store<u16>(MASKS + ((<usize>at) << 1), <u16>m);
  }
  TESTS = alloc(TABLE_SIZE, 4);
  KINDS = alloc(TABLE_SIZE, 4);
  WORDS = alloc(7 * TABLE_SIZE, 4);
  let n = 0;
  for (let k = 0; k < TABLE_SIZE; k++) {
    const t = typeOf(k);
    const o = WORDS + ((<usize>(7 * n)) << 2);
    if (t === DELIVER) {
      for (let j = 0; j < RECEIVER_STEPS; j++)
        if (typeOf(k + j) !== DELIVER + j || aOf(k + j) !== aOf(k)) unreachable();
      wSet(TESTS, n, k);
      wSet(KINDS, n, BY_RECEIVER);
      n++;
      k += RECEIVER_STEPS - 1;
      continue;
    }
    if (t === T_TIMER_TICK) {
      if (!SKY) continue;
      wSet(TESTS, n, k);
      wSet(KINDS, n, BY_TIMER);
      n++;
      continue;
    }
    if (!guardTest(o, t, aOf(k), bOf(k))) continue;
    wSet(TESTS, n, k);
    wSet(KINDS, n, BY_WORDS);
    n++;
  }
  NTESTS = n;
}

/** The most events a node enables (every event). */
export function maxEnabled(): i32 {
  return EVENTS;
}

/** uipiPackedSuccessors.ts:306-338 (`enabled`): writes the events BEFORE enables at `out` (i32 each), in order; how many. */
export function enabled(out: usize): i32 {
  const w = BEFORE;
  let n = 0;
  const flying = wAt(w, INFLIGHT);
  for (let bit = 0; bit < 2 * CPU_COUNT; bit++) if ((flying >>> bit) & 1) wSet(out, n++, arriveOf(bit));
  for (let c = 0; c < CPU_COUNT; c++) {
    const p = (wAt(w, CPUS + c) >> PENDING_SHIFT) & 7;
    if (p === 0 || !cpuAccepts(c)) continue;
    for (let j = 0; j < 3; j++) if ((p >> j) & 1) wSet(out, n++, acceptOf(3 * c + j));
  }
  for (let j = 0; j < NTESTS; j++) {
    const k = wAt(TESTS, j);
    const kind = wAt(KINDS, j);
    if (kind === BY_WORDS) {
      // the guard as two word tests (guardTest): the first negated when `negate` is set
      const o = WORDS + ((<usize>(7 * j)) << 2);
      const first = (wAt(w, wAt(o, 0)) & wAt(o, 1)) === wAt(o, 2);
      if (first !== (wAt(o, 3) !== 0) && (wAt(w, wAt(o, 4)) & wAt(o, 5)) === wAt(o, 6)) wSet(out, n++, k);
    } else if (kind === BY_RECEIVER) {
      for (let m = receiverMask(aOf(k)); m !== 0; m &= m - 1) wSet(out, n++, k + ctz<i32>(m));
    } else if (timerTicks(aOf(k))) wSet(out, n++, k);
  }
  return n;
}

/** uipiPackedSuccessors.ts:341-349: guards.ts `cpuAccepts`. */
function cpuAccepts(c: i32): bool {
  const x = wAt(BEFORE, CPUS + c);
  if (x & PROCESSING) return false;
  const cur = (x & CUR_MASK) - 1;
  if (cur < 0) return true;
  const phase = wAt(BEFORE, 3 * cur) & PHASE_MASK;
  return phase === USER || phase === KERNEL;
}

/** uipiPackedSuccessors.ts:352-356: guards.ts `timerUnmasked`. */
function timerTicks(c: i32): bool {
  const cur = (wAt(BEFORE, CPUS + c) & CUR_MASK) - 1;
  return cur >= 0 && (wAt(BEFORE, 3 * cur) & PHASE_MASK) === USER;
}

/** uipiPackedSuccessors.ts:359-372: the receiver steps BEFORE enables for receiver r, bit j for step j. */
function receiverMask(r: i32): i32 {
  const w = BEFORE;
  const rw = wAt(w, 3 * r);
  const cpu = ((rw & CPU_MASK) >> CPU_SHIFT) - 1;
  const idle = cpu < 0 || (wAt(w, CPUS + cpu) & PROCESSING) === 0;
  const at =
    (rw & PHASE_MASK) |
    (idle ? 16 : 0) |
    (rw & UIF ? 32 : 0) |
    (wAt(w, 3 * r + 1) !== 0 ? 64 : 0) |
    ((rw & HVEC_MASK) !== 0 ? 128 : 0) |
    (rw & BODY ? 256 : 0);
  return <i32>load<u16>(MASKS + ((<usize>at) << 1));
}

/** uipiPackedSuccessors.ts:375-441 (`step`): applies enabled event k to BEFORE, the successor and its ghost at AFTER and GA. */
export function step(k: i32): void {
  const a = AFTER;
  copyWords(a, BEFORE, K);
  copyWords(GA, GB, G);
  creditChanged = false;
  const t = typeOf(k);
  const x = aOf(k);
  const y = bOf(k);
  switch (t) {
    case T_SEND:
      post(targetOf(k), uvOf(k), x);
      return;
    case T_SEND_IPI: {
      const at = SENDERS + x;
      const held = wAt(a, at) >>> HELD_SHIFT;
      wSet(a, at, wAt(a, at) & VALID_MASK);
      wSet(a, INFLIGHT, wAt(a, INFLIGHT) | (1 << (held - 1)));
      return;
    }
    case T_ARRIVE: {
      const notify = y === 0xec ? 1 : 0;
      wSet(a, INFLIGHT, wAt(a, INFLIGHT) & ~(1 << (2 * x + notify)));
      wSet(a, CPUS + x, wAt(a, CPUS + x) | ((notify ? PEND_NOTIFY : PEND_KERNEL) << PENDING_SHIFT));
      return;
    }
    case T_ACCEPT:
      accept(x, y);
      return;
    case T_NOTIFY_DRAIN: {
      const cw = wAt(a, CPUS + x);
      const r = (cw & CUR_MASK) - 1;
      if (r >= 0) {
        const pir = wAt(a, 3 * r + 2);
        if (MUTATION !== MUT_DRAIN_KEEPS_PIR) wSet(a, 3 * r + 2, 0);
        wSet(a, 3 * r + 1, wAt(a, 3 * r + 1) | pir);
      }
      wSet(a, CPUS + x, cw & ~PROCESSING);
      return;
    }
    case T_SWITCH_IN_RESTORE: {
      wSet(a, CPUS + y, (wAt(a, CPUS + y) & ~CUR_MASK) | (x + 1));
      const rw = wAt(a, 3 * x);
      wSet(
        a,
        3 * x,
        (rw & ~(PHASE_MASK | CPU_MASK | UINV_MASK | NDST_MASK)) |
          IN_RESTORED |
          ((y + 1) << CPU_SHIFT) |
          (PROGRAMMED << UINV_SHIFT) |
          (y << NDST_SHIFT),
      );
      return;
    }
    case T_REGISTER:
      wSet(a, SENDERS + x, wAt(a, SENDERS + x) | (1 << y));
      return;
    case T_REVOKE:
      wSet(a, SENDERS + x, wAt(a, SENDERS + x) & ~(1 << y));
      return;
    case T_TIMER_TICK:
      wSet(a, CPUS + x, wAt(a, CPUS + x) | (PEND_TIMER << PENDING_SHIFT));
      return;
    case T_RUN_OTHER:
      return;
    default:
      receiverStep(t, x);
  }
}

/** uipiPackedSuccessors.ts:444-461: actions.ts `post` (SENDUIPI by `sender` to `target`'s vector `uv`), with the ghost's Send. */
function post(target: i32, uv: i32, sender: i32): void {
  const a = AFTER;
  const g = GA;
  const rw = wAt(a, 3 * target);
  const notify = (rw & (SN | ON)) === 0 || MUTATION === MUT_SEND_ALWAYS_NOTIFIES;
  wSet(a, 3 * target + 2, wAt(a, 3 * target + 2) | (1 << uv));
  if (notify) {
    wSet(a, 3 * target, rw | ON);
    const ndst = (rw & NDST_MASK) >> NDST_SHIFT;
    const held = 1 + 2 * ndst + (rw & NV_KERNEL ? 0 : 1);
    const at = SENDERS + sender;
    wSet(a, at, (wAt(a, at) & VALID_MASK) | (held << HELD_SHIFT));
  }
  if (MUTATION !== MUT_SEND_FORGETS_OWED) wSet(g, target, wAt(g, target) | (1 << uv));
  const ci = RECEIVERS + target * VECTORS + uv;
  wSet(g, ci, wAt(g, ci) + 1);
  creditChanged = true;
}

/** uipiPackedSuccessors.ts:464-486: actions.ts `accept` (and its `wakeWaiters`) of `vector` at `cpu`. */
function accept(cpu: i32, vector: i32): void {
  const a = AFTER;
  const bit = vector === 0xe0 ? PEND_TIMER : vector === 0xeb ? PEND_KERNEL : PEND_NOTIFY;
  const cw = wAt(a, CPUS + cpu) & ~(bit << PENDING_SHIFT);
  wSet(a, CPUS + cpu, cw);
  const cur = (cw & CUR_MASK) - 1;
  if (cur >= 0) {
    const rw = wAt(a, 3 * cur);
    const uinv = (rw & UINV_MASK) >> UINV_SHIFT;
    if ((uinv === UINV_TIMER && vector === 0xe0) || (uinv === UINV_NOTIFY && vector === 0xec)) {
      wSet(a, 3 * cur, rw & ~ON);
      wSet(a, CPUS + cpu, cw | PROCESSING);
      return;
    }
  }
  if (vector !== 0xeb) return;
  for (let r = 0; r < RECEIVERS; r++) {
    const rw = wAt(a, 3 * r);
    if ((rw & PHASE_MASK) !== WAITING || (rw & ON) === 0) continue;
    wSet(a, 3 * r, (rw & ~PHASE_MASK) | SN | WOKEN);
  }
}

/** uipiPackedSuccessors.ts:489-588: a receiver step of receiver r, with the ghost's Deliver, HandlerBody and undo-CLUI rules. */
function receiverStep(t: i32, r: i32): void {
  const a = AFTER;
  const g = GA;
  const at = 3 * r;
  const rw = wAt(a, at);
  const unphased = rw & ~PHASE_MASK;
  const cpu = ((rw & CPU_MASK) >> CPU_SHIFT) - 1;
  switch (t) {
    case DELIVER: {
      const uirr = wAt(a, at + 1);
      const v = highestBit(MUTATION === MUT_DELIVER_LOWEST ? uirr & -uirr : uirr);
      if (MUTATION !== MUT_DELIVER_KEEPS_UIRR) wSet(a, at + 1, uirr & ~(1 << v));
      wSet(a, at, (rw & ~(UIF | BODY | HVEC_MASK)) | ((v + 1) << HVEC_SHIFT));
      if (v >= 0) {
        wSet(g, r, wAt(g, r) & ~(1 << v));
        const ci = RECEIVERS + r * VECTORS + v;
        wSet(g, ci, wAt(g, ci) - 1);
        creditChanged = true;
      }
      return;
    }
    case HANDLER_BODY: {
      wSet(a, at, rw | BODY);
      const hvec = ((rw & HVEC_MASK) >> HVEC_SHIFT) - 1;
      if (!SKY || hvec !== TIMER || MUTATION === MUT_TIMER_FORGETS_REPOST) return;
      const pir = wAt(a, at + 2);
      const m = 1 << TIMER;
      wSet(a, at + 2, pir | m);
      wSet(g, r, wAt(g, r) | m); // the re-posted bit is in PIR after the step
      if ((pir & m) === 0) {
        const ci = RECEIVERS + r * VECTORS + TIMER;
        wSet(g, ci, wAt(g, ci) + 1);
        creditChanged = true;
      }
      return;
    }
    case UIRET:
      wSet(a, at, (rw & ~(HVEC_MASK | BODY)) | UIF);
      wSet(a, UNDO, wAt(a, UNDO) & ~(1 << r));
      return;
    case STUI:
      wSet(a, at, rw | UIF);
      wSet(a, UNDO, wAt(a, UNDO) & ~(1 << r));
      return;
    case CLUI:
      wSet(a, at, rw & ~UIF);
      wSet(a, UNDO, wAt(a, UNDO) | (1 << r));
      return;
    case SWITCH_OUT_SN:
      wSet(a, at, unphased | OUT_SN | SN);
      return;
    case SWITCH_OUT_SAVE:
    case WAIT_SLEEP:
      // leaveCpu: saved (UINV cleared), off its CPU
      wSet(a, at, (rw & ~(PHASE_MASK | CPU_MASK | UINV_MASK)) | (t === WAIT_SLEEP ? WAITING : OFF));
      if (cpu >= 0) wSet(a, CPUS + cpu, wAt(a, CPUS + cpu) & ~CUR_MASK);
      return;
    case KERNEL_ENTRY:
      wSet(a, at, unphased | KERNEL);
      return;
    case KERNEL_EXIT: {
      if (cpu < 0) unreachable(); // 'a kernel exit off-CPU'
      const uinv = (rw & UINV_MASK) === 0 ? PROGRAMMED << UINV_SHIFT : rw & UINV_MASK;
      wSet(a, at, (rw & ~(PHASE_MASK | NDST_MASK | UINV_MASK)) | IN_RESTORED | (cpu << NDST_SHIFT) | uinv);
      return;
    }
    case SWITCH_IN_CLEAR_SN:
      wSet(
        a,
        at,
        SKY || MUTATION === MUT_SWITCH_IN_KEEPS_SN ? unphased | IN_SN_CLEAR : (unphased | IN_SN_CLEAR) & ~SN,
      );
      return;
    case SWITCH_IN_CHECK_PIR: {
      wSet(a, at, unphased | USER);
      const stale = MUTATION === MUT_CHECK_PIR_IGNORES_ON ? false : (rw & ON) !== 0;
      if (SKY || (wAt(a, at + 2) === 0 && !stale)) return;
      if (cpu >= 0) wSet(a, CPUS + cpu, wAt(a, CPUS + cpu) | (PEND_NOTIFY << PENDING_SHIFT));
      return;
    }
    case WAIT_SWITCH_NV:
      wSet(a, at, unphased | WAIT_NV | NV_KERNEL);
      return;
    case WAIT_RECHECK: {
      const pir = wAt(a, at + 2);
      if ((rw & ON) === 0 && pir === 0 && wAt(a, at + 1) === 0) {
        wSet(a, at, unphased | WAIT_CHECKED);
        return;
      }
      wSet(a, at, (unphased | USER) & ~NV_KERNEL);
      if (pir !== 0 && cpu >= 0) wSet(a, CPUS + cpu, wAt(a, CPUS + cpu) | (PEND_NOTIFY << PENDING_SHIFT));
      return;
    }
    case WAKE_RESTORE_NV:
      wSet(a, at, (unphased | OFF) & ~NV_KERNEL);
      return;
    default:
      return; // WaitEnlist: never enabled in the model
  }
}

/**
 * uipiPackedSuccessors.ts:594-608 (`slackFalls`, called only when the step changed a credit): the
 * (r, v) whose credit minus pending copies fell, or -1 (else r·V + v).
 */
export function slackFalls(): i32 {
  const b = BEFORE;
  const a = AFTER;
  for (let r = 0; r < RECEIVERS; r++) {
    const same = wAt(b, 3 * r + 2) === wAt(a, 3 * r + 2) && wAt(b, 3 * r + 1) === wAt(a, 3 * r + 1);
    for (let v = 0; v < VECTORS; v++) {
      const i = r * VECTORS + v;
      const dc = wAt(GA, RECEIVERS + i) - wAt(GB, RECEIVERS + i);
      if (same && dc >= 0) continue;
      const pendingBefore = ((wAt(b, 3 * r + 2) >>> v) & 1) + ((wAt(b, 3 * r + 1) >>> v) & 1);
      const pendingAfter = ((wAt(a, 3 * r + 2) >>> v) & 1) + ((wAt(a, 3 * r + 1) >>> v) & 1);
      if (dc - (pendingAfter - pendingBefore) < 0) return i;
    }
  }
  return -1;
}
