/**
 * The UIPI model's step properties judged on packed words (the packed UIPI engine's byte judge):
 * for the step the successors last took (before, after, the ghost before and after), a bit per
 * property of UIPI_STEP_PROPERTIES (protocols/uipi/properties/index.ts, in its order) that fails.
 * It is a filter, never the verdict: a step with any bit set is judged again by the properties
 * themselves on the decoded states (uipiPackedStepVerdict.ts), which must fail exactly the
 * properties the bits name. Each check re-implements its property's file, cited at it.
 */
import { UIPI_STEP_PROPERTIES } from '../../properties/index.ts';
import { receiverCode, T_ACCEPT, T_NOTIFY_DRAIN, T_SEND, T_SEND_IPI } from './uipiPackedEvents.ts';
import {
  CPU_MASK,
  CPU_SHIFT,
  CUR_MASK,
  HELD_SHIFT,
  HVEC_MASK,
  HVEC_SHIFT,
  NDST_MASK,
  NDST_SHIFT,
  NV_KERNEL,
  ON,
  PEND_KERNEL,
  PEND_NOTIFY,
  PENDING_SHIFT,
  PHASE,
  PHASE_MASK,
  PROCESSING,
  SN,
  UIF,
  UINV_MASK,
  UINV_NOTIFY,
  UINV_SHIFT,
  type UipiPackedLayout,
  WAITING_PHASES,
} from './uipiPackedLayout.ts';
import { highestBit, type UipiPackedSuccessors } from './uipiPackedSuccessors.ts';

/** The bit of property `id` in a verdict (its index in UIPI_STEP_PROPERTIES). */
export function propertyBit(id: string): number {
  const i = UIPI_STEP_PROPERTIES.findIndex((p) => p.id === id);
  if (i < 0) throw new Error(`packed UIPI engine: no step property ${id}`);
  return 1 << i;
}

const NO_LOSS = propertyBit('uipiNoLoss');
const NO_FABRICATION = propertyBit('uipiNoFabrication');
const DISCIPLINE = propertyBit('uipiNotificationDiscipline');
const NO_STRANDED = propertyBit('uipiNoStrandedPost');
const NO_STUCK_ON = propertyBit('uipiNoStuckOn');
const SUPPRESSED = propertyBit('uipiSuppressedWhileOff');
const ROUTING = propertyBit('uipiRouting');
const MASKING = propertyBit('uipiMasking');
const PRIORITY = propertyBit('uipiPriority');
const LOCALITY = propertyBit('uipiLocality');

/** The properties the byte judge reads (every step property of the model alone: refinement needs a machine). */
export const BYTE_JUDGED = [
  NO_LOSS,
  NO_FABRICATION,
  DISCIPLINE,
  NO_STRANDED,
  NO_STUCK_ON,
  SUPPRESSED,
  ROUTING,
  MASKING,
  PRIORITY,
  LOCALITY,
].reduce((m, b) => m | b, 0);

const DELIVER = receiverCode('Deliver');
const UIRET = receiverCode('Uiret');
const STUI = receiverCode('Stui');
const KERNEL_VECTOR_BIT = 0;

/** A receiver's word's fields. */
const cpuOf = (rw: number): number => ((rw & CPU_MASK) >> CPU_SHIFT) - 1;
const hvecOf = (rw: number): number => ((rw & HVEC_MASK) >> HVEC_SHIFT) - 1;
const waitingPhase = (rw: number): boolean => ((WAITING_PHASES >> (rw & PHASE_MASK)) & 1) === 1;

/** notificationOnItsWay.ts: receiver r's NV to NDST is held by a sender, in flight or pending at NDST. */
function onItsWay(L: UipiPackedLayout, w: Int32Array, rw: number): boolean {
  const ndst = (rw & NDST_MASK) >> NDST_SHIFT;
  const kernel = (rw & NV_KERNEL) !== 0;
  const bit = 2 * ndst + (kernel ? KERNEL_VECTOR_BIT : 1);
  if (((w[L.inflight] ?? 0) >>> bit) & 1) return true;
  const pending = ((w[L.cpus + ndst] ?? 0) >> PENDING_SHIFT) & (kernel ? PEND_KERNEL : PEND_NOTIFY);
  if (pending !== 0) return true;
  for (let s = 0; s < L.senderCount; s++) if ((w[L.senders + s] ?? 0) >>> HELD_SHIFT === bit + 1) return true;
  return false;
}

/** The failing properties (bits, within `selected`) of the step `k` that `S` last took. */
export function uipiByteVerdicts(S: UipiPackedSuccessors, k: number, selected: number): number {
  const { L, E, before: b, after: a, ghostBefore: gb, ghostAfter: ga } = S;
  const t = E.type[k] ?? 0;
  const er = E.a[k] ?? 0;
  let out = 0;
  for (let r = 0; r < L.receivers; r++) {
    const rw = a[3 * r] ?? 0;
    const bw = b[3 * r] ?? 0;
    const uirr = a[3 * r + 1] ?? 0;
    const pir = a[3 * r + 2] ?? 0;
    const phase = rw & PHASE_MASK;
    const cpu = cpuOf(rw);
    const sn = (rw & SN) !== 0;
    const on = (rw & ON) !== 0;
    const waiting = waitingPhase(rw);
    // uipiNoLoss.ts: owed ⊆ PIR | UIRR
    if (((ga[r] ?? 0) & ~(pir | uirr)) !== 0) out |= NO_LOSS;
    // uipiNoStrandedPost.ts
    if (!sn && pir !== 0 && !on && phase !== PHASE.inSnClear && phase !== PHASE.waitNv) {
      const cw = cpu >= 0 ? (a[L.cpus + cpu] ?? 0) : 0;
      const processingIt = cpu >= 0 && (cw & CUR_MASK) - 1 === r && (cw & PROCESSING) !== 0;
      if (!processingIt && !onItsWay(L, a, rw)) out |= NO_STRANDED;
    }
    // uipiNoStuckOn.ts
    if (phase === PHASE.user && cpu >= 0 && !sn && on && !onItsWay(L, a, rw)) out |= NO_STUCK_ON;
    // uipiSuppressedWhileOff.ts
    if ((cpu < 0 && !waiting && !sn) || (waiting && (rw & NV_KERNEL) === 0)) out |= SUPPRESSED;
    // uipiRouting.ts
    if (!sn && !waiting) {
      const ndst = (rw & NDST_MASK) >> NDST_SHIFT;
      const uinv = (rw & UINV_MASK) >> UINV_SHIFT;
      // UINV equals NV: NV is the notification or the kernel vector, UINV 0, the timer's or the notification vector
      const routed = uinv === UINV_NOTIFY && (rw & NV_KERNEL) === 0;
      if (cpu < 0 || ndst !== cpu || !routed) out |= ROUTING;
    }
    // uipiMasking.ts (a step other than a delivery): UIF 0 → 1 inside a handler only by the receiver's UIRET or STUI
    if (t !== DELIVER && hvecOf(bw) >= 0 && (bw & UIF) === 0 && (rw & UIF) !== 0) {
      const own = er === r && (t === UIRET || t === STUI);
      if (!own) out |= MASKING;
    }
    // uipiLocality.ts
    const uirrBefore = b[3 * r + 1] ?? 0;
    if (uirr !== uirrBefore && !(t === DELIVER && er === r)) {
      const processing = t === T_NOTIFY_DRAIN || t === T_ACCEPT;
      if (processing && ((b[L.cpus + er] ?? 0) & CUR_MASK) - 1 === r && cpuOf(bw) === er) {
        if ((uirr & ~(uirrBefore | (b[3 * r + 2] ?? 0))) !== 0) out |= LOCALITY;
      } else out |= LOCALITY;
    }
  }
  if (t === DELIVER) {
    const bw = b[3 * er] ?? 0;
    const rw = a[3 * er] ?? 0;
    const v = hvecOf(rw);
    // uipiNoFabrication.ts
    if (v < 0 || (gb[L.receivers + er * L.vectors + v] ?? 0) <= 0) out |= NO_FABRICATION;
    // uipiMasking.ts (a delivery)
    if (
      (bw & PHASE_MASK) !== PHASE.user ||
      cpuOf(bw) < 0 ||
      (bw & UIF) === 0 ||
      hvecOf(bw) >= 0 ||
      (rw & UIF) !== 0
    )
      out |= MASKING;
    // uipiPriority.ts
    if (v !== highestBit(b[3 * er + 1] ?? 0)) out |= PRIORITY;
  }
  if (discipline(S, t, er, k)) out |= DISCIPLINE;
  return out & selected;
}

/** uipiNotificationDiscipline.ts: true when the step breaks it. */
function discipline(S: UipiPackedSuccessors, t: number, er: number, k: number): boolean {
  const { L, E, before: b, after: a } = S;
  for (let s = 0; s < L.senderCount; s++) {
    const now = (a[L.senders + s] ?? 0) >>> HELD_SHIFT;
    if (now === 0 || now === (b[L.senders + s] ?? 0) >>> HELD_SHIFT) continue;
    if (t !== T_SEND || er !== s) return true;
    const target = E.target[k] ?? 0;
    const bw = b[3 * target] ?? 0;
    if ((bw & (SN | ON)) !== 0 || ((a[3 * target] ?? 0) & ON) === 0) return true;
    const ndst = (bw & NDST_MASK) >> NDST_SHIFT;
    if (now !== 1 + 2 * ndst + ((bw & NV_KERNEL) !== 0 ? KERNEL_VECTOR_BIT : 1)) return true;
  }
  const fb = b[L.inflight] ?? 0;
  const fa = a[L.inflight] ?? 0;
  if (fa === fb) return false; // nothing new in flight
  const grew = popcount(fa) - popcount(fb);
  if (grew <= 0) return false;
  if (t !== T_SEND_IPI) return true;
  const held = (b[L.senders + er] ?? 0) >>> HELD_SHIFT;
  return held === 0 || grew > 1 || ((fa >>> (held - 1)) & 1) === 0;
}

/** Set bits of a word. */
function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}
