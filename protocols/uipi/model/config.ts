/**
 * The UIPI protocol's own configuration (spec/uipi.md "Scope of the model"): CPUs, receiver and
 * sender threads, user vectors V ≤ 64, UITT slots per sender, the Skyloft timer scenario, and the
 * drain of the bounded-liveness properties (which one, and its bound). Separate from the controller's Config: the two
 * protocols share no parameter.
 */

export interface UipiConfig {
  /** CPUs (APIC ids 0..cpus-1) the kernel schedules receivers onto. */
  readonly cpus: number;
  /** Receiver threads (each with its UPID); at most `cpus`, so the drain can run all of them at once. */
  readonly receivers: number;
  /** Sender threads (each with its UITT). */
  readonly senders: number;
  /** User vectors 0..vectors-1 (V ≤ 64): few vectors make coalescing happen. */
  readonly vectors: number;
  /** UITT slots per sender; slot i of sender s is bound to one (receiver, vector) fd (see state.ts). */
  readonly uittSize: number;
  /**
   * -1: the plain UIPI scenario. Otherwise the Skyloft kernel-bypass timer (research §1.12): every
   * receiver's UINV is the LAPIC timer's vector, SN stays set, and the handler of user vector
   * `timer` re-posts its own PIR bit.
   */
  readonly timer: number;
  /** Steps the drain may take before it counts as a failure (intcheck's decision). */
  readonly drainBound: number;
  /**
   * The drain the bounded-liveness properties are judged after (model/drain.ts), i.e. the
   * fairness they assume: `fair`, where a receiver at user level also enters and leaves the
   * kernel (a syscall, an interrupt), or `no-kernel-entry`, where a receiver at user level never
   * enters the kernel (threads already in it still leave it).
   */
  readonly drain: UipiDrainName;
}

/** The named drains (UipiConfig.drain), `fair` first (the default). */
export const UIPI_DRAINS = ['fair', 'no-kernel-entry'] as const;
export type UipiDrainName = (typeof UIPI_DRAINS)[number];

/** Whether `s` names a drain. */
export function isUipiDrain(s: string): s is UipiDrainName {
  return (UIPI_DRAINS as readonly string[]).includes(s);
}

/** Allowed range of each numeric field (every field but `drain`). */
export const UIPI_CONFIG_RANGES = {
  cpus: { min: 1, max: 64 },
  receivers: { min: 1, max: 64 },
  senders: { min: 1, max: 64 },
  vectors: { min: 1, max: 64 },
  uittSize: { min: 1, max: 30 },
  timer: { min: -1, max: 63 },
  drainBound: { min: 1, max: 10_000_000 },
} as const satisfies Record<
  Exclude<keyof UipiConfig, 'drain'>,
  { readonly min: number; readonly max: number }
>;

export type UipiField = keyof typeof UIPI_CONFIG_RANGES;
/** The numeric fields, in their JSON order (then `drain`). */
export const UIPI_FIELDS = Object.keys(UIPI_CONFIG_RANGES) as readonly UipiField[];

/** The published sizes of spec/uipi.md: 4 CPUs, 4 receivers, 4 senders, 64 vectors. */
const UIPI_PUBLISHED: UipiConfig = {
  cpus: 4,
  receivers: 4,
  senders: 4,
  vectors: 64,
  uittSize: 4,
  timer: -1,
  drainBound: 100_000,
  drain: 'fair',
};

/** The small sizes: 2 CPUs, 1 receiver, 2 senders, 3 vectors (a finite, modest state space). */
export const UIPI_SMALL: UipiConfig = {
  cpus: 2,
  receivers: 1,
  senders: 2,
  vectors: 3,
  uittSize: 2,
  timer: -1,
  drainBound: 1_000,
  drain: 'fair',
};

/** The Skyloft timer scenario: one CPU, one receiver whose vector 1 is the timer, one other sender. */
export const UIPI_SKYLOFT: UipiConfig = {
  cpus: 1,
  receivers: 1,
  senders: 1,
  vectors: 2,
  uittSize: 1,
  timer: 1,
  drainBound: 1_000,
  drain: 'fair',
};

export const UIPI_PRESETS = { small: UIPI_SMALL, published: UIPI_PUBLISHED, skyloft: UIPI_SKYLOFT } as const;
export type UipiPresetName = keyof typeof UIPI_PRESETS;
export const UIPI_PRESET_NAMES = Object.keys(UIPI_PRESETS) as readonly UipiPresetName[];

/** True in the Skyloft timer scenario. */
export function isSkyloft(cfg: UipiConfig): boolean {
  return cfg.timer >= 0;
}
