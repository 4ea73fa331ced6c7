/**
 * AssemblyScript: the UIPI step properties judged on packed words, a port of uipiPackedJudge.ts
 * (`uipiByteVerdicts` and its helpers): for the step the rules last took (BEFORE, AFTER, GB, GA
 * of uipiWasmSuccessors.ts) a bit per failing property. The bits are the loader's (propertyBit
 * of each property, uipiPackedJudge.ts:230-234); the wasm search only asks whether any selected
 * one is set, and hands the search over to JavaScript when one is.
 */
import {
  aOf,
  DELIVER,
  STUI,
  T_ACCEPT,
  T_NOTIFY_DRAIN,
  T_SEND,
  T_SEND_IPI,
  targetOf,
  typeOf,
  UIRET,
} from './uipiWasmEvents';
import {
  CPU_MASK,
  CPU_SHIFT,
  CPUS,
  CUR_MASK,
  HELD_SHIFT,
  HVEC_MASK,
  HVEC_SHIFT,
  highestBit,
  IN_SN_CLEAR,
  INFLIGHT,
  NDST_MASK,
  NDST_SHIFT,
  NV_KERNEL,
  ON,
  PEND_KERNEL,
  PEND_NOTIFY,
  PENDING_SHIFT,
  PHASE_MASK,
  PROCESSING,
  RECEIVERS,
  SENDER_COUNT,
  SENDERS,
  SN,
  UIF,
  UINV_MASK,
  UINV_NOTIFY,
  UINV_SHIFT,
  USER,
  VECTORS,
  WAIT_NV,
  WAITING_PHASES,
  wAt,
} from './uipiWasmLayout';
import { AFTER, BEFORE, GA, GB } from './uipiWasmSuccessors';

/** Each property's bit (uipiPackedJudge.ts:236-245), and the selected ones (uipiPackedStep.ts:134-142). */
let NO_LOSS: i32 = 0;
let NO_FABRICATION: i32 = 0;
let DISCIPLINE: i32 = 0;
let NO_STRANDED: i32 = 0;
let NO_STUCK_ON: i32 = 0;
let SUPPRESSED: i32 = 0;
let ROUTING: i32 = 0;
let MASKING: i32 = 0;
let PRIORITY: i32 = 0;
let LOCALITY: i32 = 0;
let SELECTED: i32 = 0;
const KERNEL_VECTOR_BIT: i32 = 0;

/** Sets the properties' bits (uipiPackedJudge.ts:236-245's order) and which are selected. */
export function configureJudge(
  selected: i32,
  noLoss: i32,
  noFabrication: i32,
  discipline: i32,
  noStranded: i32,
  noStuckOn: i32,
  suppressed: i32,
  routing: i32,
  masking: i32,
  priority: i32,
  locality: i32,
): void {
  SELECTED = selected;
  NO_LOSS = noLoss;
  NO_FABRICATION = noFabrication;
  DISCIPLINE = discipline;
  NO_STRANDED = noStranded;
  NO_STUCK_ON = noStuckOn;
  SUPPRESSED = suppressed;
  ROUTING = routing;
  MASKING = masking;
  PRIORITY = priority;
  LOCALITY = locality;
}

function cpuOf(rw: i32): i32 {
  return ((rw & CPU_MASK) >> CPU_SHIFT) - 1;
}

function hvecOf(rw: i32): i32 {
  return ((rw & HVEC_MASK) >> HVEC_SHIFT) - 1;
}

/** uipiPackedJudge.ts:269. */
function waitingPhase(rw: i32): bool {
  return ((WAITING_PHASES >> (rw & PHASE_MASK)) & 1) === 1;
}

/** uipiPackedJudge.ts:272-281: receiver r's NV to NDST is held by a sender, in flight or pending at NDST. */
function onItsWay(w: usize, rw: i32): bool {
  const ndst = (rw & NDST_MASK) >> NDST_SHIFT;
  const kernel = (rw & NV_KERNEL) !== 0;
  const bit = 2 * ndst + (kernel ? KERNEL_VECTOR_BIT : 1);
  if ((wAt(w, INFLIGHT) >>> bit) & 1) return true;
  const pending = (wAt(w, CPUS + ndst) >> PENDING_SHIFT) & (kernel ? PEND_KERNEL : PEND_NOTIFY);
  if (pending !== 0) return true;
  for (let s = 0; s < SENDER_COUNT; s++) if (wAt(w, SENDERS + s) >>> HELD_SHIFT === bit + 1) return true;
  return false;
}

/** uipiPackedJudge.ts:284-353 (`uipiByteVerdicts`): the failing selected properties' bits of step k. */
export function byteVerdicts(k: i32): i32 {
  const b = BEFORE;
  const a = AFTER;
  const t = typeOf(k);
  const er = aOf(k);
  let out = 0;
  for (let r = 0; r < RECEIVERS; r++) {
    const rw = wAt(a, 3 * r);
    const bw = wAt(b, 3 * r);
    const uirr = wAt(a, 3 * r + 1);
    const pir = wAt(a, 3 * r + 2);
    const phase = rw & PHASE_MASK;
    const cpu = cpuOf(rw);
    const sn = (rw & SN) !== 0;
    const on = (rw & ON) !== 0;
    const waiting = waitingPhase(rw);
    // uipiNoLoss.ts: owed ⊆ PIR | UIRR
    if ((wAt(GA, r) & ~(pir | uirr)) !== 0) out |= NO_LOSS;
    // uipiNoStrandedPost.ts
    if (!sn && pir !== 0 && !on && phase !== IN_SN_CLEAR && phase !== WAIT_NV) {
      const cw = cpu >= 0 ? wAt(a, CPUS + cpu) : 0;
      const processingIt = cpu >= 0 && (cw & CUR_MASK) - 1 === r && (cw & PROCESSING) !== 0;
      if (!processingIt && !onItsWay(a, rw)) out |= NO_STRANDED;
    }
    // uipiNoStuckOn.ts
    if (phase === USER && cpu >= 0 && !sn && on && !onItsWay(a, rw)) out |= NO_STUCK_ON;
    // uipiSuppressedWhileOff.ts
    if ((cpu < 0 && !waiting && !sn) || (waiting && (rw & NV_KERNEL) === 0)) out |= SUPPRESSED;
    // uipiRouting.ts
    if (!sn && !waiting) {
      const ndst = (rw & NDST_MASK) >> NDST_SHIFT;
      const uinv = (rw & UINV_MASK) >> UINV_SHIFT;
      const routed = uinv === UINV_NOTIFY && (rw & NV_KERNEL) === 0;
      if (cpu < 0 || ndst !== cpu || !routed) out |= ROUTING;
    }
    // uipiMasking.ts (a step other than a delivery)
    if (t !== DELIVER && hvecOf(bw) >= 0 && (bw & UIF) === 0 && (rw & UIF) !== 0) {
      const own = er === r && (t === UIRET || t === STUI);
      if (!own) out |= MASKING;
    }
    // uipiLocality.ts
    const uirrBefore = wAt(b, 3 * r + 1);
    if (uirr !== uirrBefore && !(t === DELIVER && er === r)) {
      const processing = t === T_NOTIFY_DRAIN || t === T_ACCEPT;
      if (processing && (wAt(b, CPUS + er) & CUR_MASK) - 1 === r && cpuOf(bw) === er) {
        if ((uirr & ~(uirrBefore | wAt(b, 3 * r + 2))) !== 0) out |= LOCALITY;
      } else out |= LOCALITY;
    }
  }
  if (t === DELIVER) {
    const bw = wAt(b, 3 * er);
    const rw = wAt(a, 3 * er);
    const v = hvecOf(rw);
    // uipiNoFabrication.ts
    if (v < 0 || wAt(GB, RECEIVERS + er * VECTORS + v) <= 0) out |= NO_FABRICATION;
    // uipiMasking.ts (a delivery)
    if (
      (bw & PHASE_MASK) !== USER ||
      cpuOf(bw) < 0 ||
      (bw & UIF) === 0 ||
      hvecOf(bw) >= 0 ||
      (rw & UIF) !== 0
    )
      out |= MASKING;
    // uipiPriority.ts
    if (v !== highestBit(wAt(b, 3 * er + 1))) out |= PRIORITY;
  }
  if (discipline(t, er, k)) out |= DISCIPLINE;
  return out & SELECTED;
}

/** uipiPackedJudge.ts:356-376: uipiNotificationDiscipline.ts, true when the step breaks it. */
function discipline(t: i32, er: i32, k: i32): bool {
  const b = BEFORE;
  const a = AFTER;
  for (let s = 0; s < SENDER_COUNT; s++) {
    const now = wAt(a, SENDERS + s) >>> HELD_SHIFT;
    if (now === 0 || now === wAt(b, SENDERS + s) >>> HELD_SHIFT) continue;
    if (t !== T_SEND || er !== s) return true;
    const target = targetOf(k);
    const bw = wAt(b, 3 * target);
    if ((bw & (SN | ON)) !== 0 || (wAt(a, 3 * target) & ON) === 0) return true;
    const ndst = (bw & NDST_MASK) >> NDST_SHIFT;
    if (now !== 1 + 2 * ndst + ((bw & NV_KERNEL) !== 0 ? KERNEL_VECTOR_BIT : 1)) return true;
  }
  const fb = wAt(b, INFLIGHT);
  const fa = wAt(a, INFLIGHT);
  if (fa === fb) return false; // nothing new in flight
  const grew = popcnt<i32>(fa) - popcnt<i32>(fb);
  if (grew <= 0) return false;
  if (t !== T_SEND_IPI) return true;
  const held = wAt(b, SENDERS + er) >>> HELD_SHIFT;
  return held === 0 || grew > 1 || ((fa >>> (held - 1)) & 1) === 0;
}
