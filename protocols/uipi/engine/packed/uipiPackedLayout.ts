/**
 * The word layout of a UIPI node for the packed UIPI engine (uipiPackedExplore.ts): every field of
 * protocols/uipi/model/state.ts that the model alone can set, as bit fields of 32-bit words at
 * fixed places computed from the configuration, then the undo-CLUI flags — exactly what the object
 * engine keys (keyUipiState.ts and the undo flags, uipiSpace.ts), so two nodes have equal key words
 * exactly when their object keys are equal and both engines count the same states. The ghost
 * (owed masks, credits) is not in the key words: it is the node's payload (the covering measure,
 * uipiGhostMeasure.ts).
 *
 * Per receiver r, three words at 3r: a word of small fields (below), UIRR, PIR (vectors ≤ 32, so a
 * mask is one word). Per sender s, one word at `senders + s`: the valid UITT slots (bits 0–23), the
 * held notification (bits 24–29: 0 none, else 1 + 2·cpu + [vector = the kernel vector]). Per CPU c,
 * one word at `cpus + c`: cur + 1 (bits 0–5), processing (6), other (7), the pending vectors (bits
 * 8–10: the timer vector, the kernel vector, the notification vector). The IPIs in flight: one word
 * at `inflight`, bit 2c for the kernel vector to CPU c, 2c + 1 for the notification vector (so
 * ascending bits are the model's ascending cpu·256 + vector). The undo-CLUI flags: one word at `undo`.
 *
 * The model alone only ever uses those three vectors (NV is the notification or the kernel vector,
 * UINV 0, the timer's or the notification vector), `waiting` and `listed` are its phase's
 * (modelWaitFlags) and `other` stays false; the encoder refuses a state outside that with an
 * error, never a truncation, and {@link uipiUnpackable} names the configurations the words cannot hold.
 */
import type { UipiConfig } from '../../model/config.ts';
import {
  KERNEL_VECTOR,
  modelWaitFlags,
  NOTIFICATION_VECTOR,
  RECEIVER_PHASES,
  type ReceiverPhase,
  TIMER_VECTOR,
  type UipiState,
} from '../../model/state.ts';

/** Places of one configuration's fields (word indices). */
export interface UipiPackedLayout {
  readonly cfg: UipiConfig;
  readonly receivers: number;
  readonly senderCount: number;
  readonly cpuCount: number;
  readonly vectors: number;
  /** First sender word, first CPU word, the in-flight word, the undo word. */
  readonly senders: number;
  readonly cpus: number;
  readonly inflight: number;
  readonly undo: number;
  /** Key words per node. */
  readonly words: number;
  /** Ghost words per node: owed[r] at r, credit[r·V + v] at R + r·V + v. */
  readonly ghost: number;
}

/** Receiver word fields: shifts and masks. */
export const PHASE_MASK = 0xf;
export const CPU_SHIFT = 4;
export const CPU_MASK = 0x1f << CPU_SHIFT;
export const UIF = 1 << 9;
export const BODY = 1 << 10;
export const UINV_SHIFT = 11;
export const UINV_MASK = 3 << UINV_SHIFT;
export const HVEC_SHIFT = 13;
export const HVEC_MASK = 0x3f << HVEC_SHIFT;
export const ON = 1 << 19;
export const SN = 1 << 20;
/** NV is the kernel vector (else the notification vector). */
export const NV_KERNEL = 1 << 21;
export const NDST_SHIFT = 22;
export const NDST_MASK = 0x1f << NDST_SHIFT;
/** UINV codes (0: UINV = 0). */
export const UINV_TIMER = 1;
export const UINV_NOTIFY = 2;
/** Sender word: valid slots below, the held notification's code from bit 24. */
export const VALID_MASK = 0xffffff;
export const HELD_SHIFT = 24;
/** CPU word fields. */
export const CUR_MASK = 0x3f;
export const PROCESSING = 1 << 6;
const OTHER = 1 << 7;
export const PENDING_SHIFT = 8;
/** Pending bits (after PENDING_SHIFT): the timer, kernel and notification vectors, ascending. */
export const PEND_TIMER = 1;
export const PEND_KERNEL = 2;
export const PEND_NOTIFY = 4;
/** The pending bits' vectors, in bit order (ascending vectors). */
export const PENDING_VECTORS = [TIMER_VECTOR, KERNEL_VECTOR, NOTIFICATION_VECTOR] as const;

/** Phase codes: the index in RECEIVER_PHASES (the same codes the object key uses). */
const phaseCode = (p: ReceiverPhase): number => RECEIVER_PHASES.indexOf(p);
export const PHASE: Readonly<Record<ReceiverPhase, number>> = {
  user: phaseCode('user'),
  outSn: phaseCode('outSn'),
  off: phaseCode('off'),
  inRestored: phaseCode('inRestored'),
  inSnClear: phaseCode('inSnClear'),
  waitNv: phaseCode('waitNv'),
  waitChecked: phaseCode('waitChecked'),
  waiting: phaseCode('waiting'),
  woken: phaseCode('woken'),
  kernel: phaseCode('kernel'),
  waitListed: phaseCode('waitListed'),
};
/** Phases whose model `waiting` flag is set (modelWaitFlags), as a bit set of phase codes. */
export const WAITING_PHASES = RECEIVER_PHASES.reduce(
  (m, p, i) => (modelWaitFlags(p).waiting ? m | (1 << i) : m),
  0,
);

/** Why the packed UIPI engine cannot hold `cfg`, or null when it can. */
export function uipiUnpackable(cfg: UipiConfig): string | null {
  if (cfg.vectors > 32) return `vectors = ${cfg.vectors}: a mask of more than 32 vectors is not one word`;
  if (cfg.uittSize > 24)
    return `uittSize = ${cfg.uittSize}: more than 24 UITT slots do not fit a sender word`;
  if (cfg.cpus > 16) return `cpus = ${cfg.cpus}: more than 16 CPUs do not fit the in-flight word`;
  if (cfg.receivers > 30) return `receivers = ${cfg.receivers}: more than 30 do not fit a CPU's cur field`;
  return null;
}

/** The layout of `cfg` (throws when {@link uipiUnpackable}). */
export function uipiPackedLayout(cfg: UipiConfig): UipiPackedLayout {
  const why = uipiUnpackable(cfg);
  if (why !== null) throw new Error(`packed UIPI engine: ${why}`);
  const senders = 3 * cfg.receivers;
  const cpus = senders + cfg.senders;
  const inflight = cpus + cfg.cpus;
  const undo = inflight + 1;
  return {
    cfg,
    receivers: cfg.receivers,
    senderCount: cfg.senders,
    cpuCount: cfg.cpus,
    vectors: cfg.vectors,
    senders,
    cpus,
    inflight,
    undo,
    words: undo + 1,
    ghost: cfg.receivers + cfg.receivers * cfg.vectors,
  };
}

/** The bits a field of largest value `max` needs, in place at `shift`. */
const field = (max: number, shift: number): number =>
  (max <= 0 ? 0 : (2 ** (32 - Math.clz32(max)) - 1) * 2 ** shift) | 0;

/**
 * Per key word, the bits a node of `L`'s configuration may set, each field by its range (the
 * packed store's key, fieldKeyPacker.ts, gives each field only those bits: one word on the plain
 * two-slot row). `other` is never set in the model alone, so it has none; a state setting a bit
 * outside its word's mask is refused by the packer's check, never truncated.
 */
export function uipiKeyMasks(L: UipiPackedLayout): number[] {
  const out = new Array<number>(L.words).fill(0);
  const receiver =
    field(RECEIVER_PHASES.length - 1, 0) |
    field(L.cpuCount, CPU_SHIFT) |
    UIF |
    BODY |
    field(UINV_NOTIFY, UINV_SHIFT) |
    field(L.vectors, HVEC_SHIFT) |
    ON |
    SN |
    NV_KERNEL |
    field(L.cpuCount - 1, NDST_SHIFT);
  const vectors = field(2 ** L.vectors - 1, 0);
  for (let r = 0; r < L.receivers; r++) {
    out[3 * r] = receiver;
    out[3 * r + 1] = vectors;
    out[3 * r + 2] = vectors;
  }
  for (let j = 0; j < L.senderCount; j++)
    out[L.senders + j] = field(2 ** L.cfg.uittSize - 1, 0) | field(2 * L.cpuCount, HELD_SHIFT);
  for (let c = 0; c < L.cpuCount; c++)
    out[L.cpus + c] =
      field(L.receivers, 0) | PROCESSING | field(PEND_TIMER | PEND_KERNEL | PEND_NOTIFY, PENDING_SHIFT);
  out[L.inflight] = field(2 ** (2 * L.cpuCount) - 1, 0);
  out[L.undo] = field(2 ** L.receivers - 1, 0);
  return out;
}

/** The code of a vector that the model alone puts in a notification, a pending set or UINV; throws on any other. */
function code(v: number, table: readonly number[], what: string): number {
  const i = table.indexOf(v);
  if (i < 0)
    throw new Error(`packed UIPI engine: ${what} 0x${v.toString(16)} is not one the model alone uses`);
  return i;
}

/** A mask of at most 32 vectors as a word. */
const word = (mask: bigint): number => Number(BigInt.asIntN(32, mask));
/** A word as a vector mask. */
const mask = (w: number): bigint => BigInt(w >>> 0);

/** The held notification (cpu·256 + vector, -1 none) as its code. */
function heldCode(held: number): number {
  return held < 0
    ? 0
    : 1 + 2 * (held >> 8) + code(held & 0xff, [KERNEL_VECTOR, NOTIFICATION_VECTOR], 'a held IPI');
}

/** Whether `c` is a CPU of the configuration. */
const inCpus = (L: UipiPackedLayout, c: number): boolean => Number.isInteger(c) && c >= 0 && c < L.cpuCount;

/** Writes the key words of (`s`, `undo`) into `out` (from 0). */
export function encodeUipiState(
  L: UipiPackedLayout,
  s: UipiState,
  undo: readonly boolean[],
  out: Int32Array,
): void {
  out.fill(0, 0, L.words);
  for (let r = 0; r < L.receivers; r++) {
    const rc = s.receivers[r];
    const u = s.upids[r];
    if (rc === undefined || u === undefined) throw new Error(`packed UIPI engine: no receiver ${r}`);
    if (!inCpus(L, u.ndst) || (rc.cpu !== -1 && !inCpus(L, rc.cpu)))
      throw new Error(`packed UIPI engine: receiver ${r} names a CPU outside the configuration`);
    const flags = modelWaitFlags(rc.phase);
    if (flags.waiting !== rc.waiting || flags.listed !== rc.listed)
      throw new Error(
        `packed UIPI engine: receiver ${r}'s wait flags are not its phase's (a design's kernel)`,
      );
    out[3 * r] =
      PHASE[rc.phase] |
      ((rc.cpu + 1) << CPU_SHIFT) |
      (rc.uif ? UIF : 0) |
      (rc.body ? BODY : 0) |
      (code(rc.uinv, [0, TIMER_VECTOR, NOTIFICATION_VECTOR], 'UINV') << UINV_SHIFT) |
      ((rc.hvec + 1) << HVEC_SHIFT) |
      (u.on ? ON : 0) |
      (u.sn ? SN : 0) |
      (code(u.nv, [NOTIFICATION_VECTOR, KERNEL_VECTOR], 'NV') === 1 ? NV_KERNEL : 0) |
      (u.ndst << NDST_SHIFT);
    out[3 * r + 1] = word(rc.uirr);
    out[3 * r + 2] = word(u.pir);
  }
  s.senders.forEach((sd, j) => {
    out[L.senders + j] = sd.valid | (heldCode(sd.held) << HELD_SHIFT);
  });
  s.cpus.forEach((c, j) => {
    let pending = 0;
    for (const v of c.pending) pending |= 1 << code(v, PENDING_VECTORS, 'a pending vector');
    out[L.cpus + j] =
      (c.cur + 1) | (c.processing ? PROCESSING : 0) | (c.other ? OTHER : 0) | (pending << PENDING_SHIFT);
  });
  let flying = 0;
  for (const x of s.inflight)
    flying |=
      1 <<
      (2 * (x >> 8) +
        (code(x & 0xff, [KERNEL_VECTOR, NOTIFICATION_VECTOR], 'an IPI in flight') === 0 ? 0 : 1));
  out[L.inflight] = flying;
  let u = 0;
  undo.forEach((x, r) => {
    if (x) u |= 1 << r;
  });
  out[L.undo] = u;
}

/** The notification of a held code or an in-flight bit: cpu·256 + vector. */
function heldIpi(codeOf: number): number {
  const c = codeOf - 1;
  return (c >> 1) * 256 + (c & 1 ? NOTIFICATION_VECTOR : KERNEL_VECTOR);
}

/** The state and undo flags the key words `w` (from `at`) stand for. */
export function decodeUipiState(
  L: UipiPackedLayout,
  w: Int32Array,
  at = 0,
): { readonly state: UipiState; readonly undo: readonly boolean[] } {
  const get = (i: number): number => w[at + i] ?? 0;
  const upids = [];
  const receivers = [];
  for (let r = 0; r < L.receivers; r++) {
    const a = get(3 * r);
    const phase = RECEIVER_PHASES[a & PHASE_MASK] ?? 'user';
    receivers.push({
      phase,
      cpu: ((a & CPU_MASK) >> CPU_SHIFT) - 1,
      uirr: mask(get(3 * r + 1)),
      uif: (a & UIF) !== 0,
      uinv: [0, TIMER_VECTOR, NOTIFICATION_VECTOR][(a & UINV_MASK) >> UINV_SHIFT] ?? 0,
      hvec: ((a & HVEC_MASK) >> HVEC_SHIFT) - 1,
      body: (a & BODY) !== 0,
      ...modelWaitFlags(phase),
    });
    upids.push({
      on: (a & ON) !== 0,
      sn: (a & SN) !== 0,
      nv: a & NV_KERNEL ? KERNEL_VECTOR : NOTIFICATION_VECTOR,
      ndst: (a & NDST_MASK) >> NDST_SHIFT,
      pir: mask(get(3 * r + 2)),
    });
  }
  const senders = [];
  for (let j = 0; j < L.senderCount; j++) {
    const x = get(L.senders + j);
    const h = x >>> HELD_SHIFT;
    senders.push({ valid: x & VALID_MASK, held: h === 0 ? -1 : heldIpi(h) });
  }
  const cpus = [];
  for (let j = 0; j < L.cpuCount; j++) {
    const x = get(L.cpus + j);
    const p = x >> PENDING_SHIFT;
    cpus.push({
      cur: (x & CUR_MASK) - 1,
      pending: PENDING_VECTORS.filter((_, i) => (p >> i) & 1),
      processing: (x & PROCESSING) !== 0,
      other: (x & OTHER) !== 0,
    });
  }
  const inflight: number[] = [];
  const f = get(L.inflight);
  for (let b = 0; b < 2 * L.cpuCount; b++)
    if ((f >>> b) & 1) inflight.push((b >> 1) * 256 + (b & 1 ? NOTIFICATION_VECTOR : KERNEL_VECTOR));
  const u = get(L.undo);
  const undo = Array.from({ length: L.receivers }, (_, r) => ((u >>> r) & 1) === 1);
  return { state: { upids, receivers, senders, cpus, inflight }, undo };
}

/** The ghost words of owed masks and credits (owed[r] at r, credit[i] at R + i). */
export function encodeUipiGhost(
  L: UipiPackedLayout,
  owed: readonly bigint[],
  credit: readonly number[],
  out: Int32Array,
): void {
  for (let r = 0; r < L.receivers; r++) out[r] = word(owed[r] ?? 0n);
  for (let i = 0; i < L.receivers * L.vectors; i++) out[L.receivers + i] = credit[i] ?? 0;
}

/** The owed masks and credits of ghost words `g` (from `at`). */
export function decodeUipiGhost(
  L: UipiPackedLayout,
  g: Int32Array,
  at = 0,
): { readonly owed: readonly bigint[]; readonly credit: readonly number[] } {
  const owed = Array.from({ length: L.receivers }, (_, r) => mask(g[at + r] ?? 0));
  const credit = Array.from({ length: L.receivers * L.vectors }, (_, i) => g[at + L.receivers + i] ?? 0);
  return { owed, credit };
}
