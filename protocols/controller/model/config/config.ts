/**
 * The one typed configuration shared by every protocol (spec/controller.md §1).
 *
 * Integers that index things (processes, priorities, devices …) are JavaScript numbers;
 * the MMIO base is a 64-bit register value and therefore a `bigint`.
 */
export interface Config {
  /** N: process pages / status-table entries. */
  readonly processes: number;
  /** P: priority levels, 0 is the highest. */
  readonly priorities: number;
  /** C: tasks one process can hold, ready + waiting (§5). */
  readonly capacity: number;
  /** D: external interrupt lines. */
  readonly devices: number;
  /** T: IPC handler types per process. */
  readonly ipcTypes: number;
  /** B: entries in each blocked queue (per device, per (process, type)). */
  readonly waitDepth: number;
  /** Q: saturation value of each pending counter. */
  readonly pendingMax: number;
  /** MMIO base, 4 KiB aligned. */
  readonly base: bigint;
  /** H: harts running executors (system model). */
  readonly harts: number;
  /** R: request-ring slots per process (syscall model). */
  readonly ringSlots: number;
  /** Kernel dispatcher coroutines per IPC type. */
  readonly dispatchers: number;
  /** Distinct task ids storms draw from (ids 1..taskPool). */
  readonly taskPool: number;
  /**
   * Steps the fair drain of the bounded-liveness properties may take before it counts as a
   * failure (spec §6 "within a bound stated by the configuration"). Not in the §1 table:
   * intcheck's decision, see README "Decisions".
   */
  readonly drainBound: number;
}

/** A field of {@link Config} together with its allowed range (spec §1 "allowed"). */
export interface FieldRange {
  readonly min: number;
  readonly max: number;
}

/** Allowed ranges of the integer fields, exactly as spec/controller.md §1 states them. */
export const CONFIG_RANGES = {
  processes: { min: 1, max: 4096 },
  priorities: { min: 1, max: 255 },
  capacity: { min: 1, max: 65536 },
  devices: { min: 1, max: 192 },
  ipcTypes: { min: 1, max: 31 },
  waitDepth: { min: 1, max: 1024 },
  pendingMax: { min: 1, max: 65535 },
  harts: { min: 1, max: 64 },
  ringSlots: { min: 1, max: 1024 },
  dispatchers: { min: 1, max: 8 },
  taskPool: { min: 1, max: 2 ** 20 },
  drainBound: { min: 1, max: 10_000_000 },
} as const satisfies Record<Exclude<keyof Config, 'base'>, FieldRange>;

/** The integer fields of a configuration, in the §1 table's order. */
export type IntField = keyof typeof CONFIG_RANGES;
export const INT_FIELDS = Object.keys(CONFIG_RANGES) as readonly IntField[];

/** The published values (research/ats-intc.md): what a real system is sized like. */
export const PUBLISHED: Config = {
  processes: 16,
  priorities: 8,
  capacity: 256,
  devices: 6,
  ipcTypes: 2,
  waitDepth: 4,
  pendingMax: 255,
  base: 0x1000_0000n,
  harts: 4,
  ringSlots: 8,
  dispatchers: 1,
  taskPool: 64,
  drainBound: 100_000,
};

/** Small values for exhaustive exploration and fast runs: every bound is reachable in a few steps. */
export const SMALL: Config = {
  processes: 2,
  priorities: 2,
  capacity: 3,
  devices: 2,
  ipcTypes: 2,
  waitDepth: 2,
  pendingMax: 2,
  base: 0x1000_0000n,
  harts: 2,
  ringSlots: 2,
  dispatchers: 2,
  taskPool: 3,
  drainBound: 1_000,
};

export const PRESETS = { small: SMALL, published: PUBLISHED } as const;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as readonly PresetName[];
