/**
 * What every executable controller implementation is: a register-level device (a hardware
 * designer's view: read, write, interrupt line) plus `abs()`, the map from its own state to the
 * model's §3 state, on which the properties are evaluated (spec/controller.md §6).
 */
import type fc from 'fast-check';
import type { Config } from '../model/config/config.ts';
import type { JudgedOp } from '../model/decode.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { Observation } from '../model/result.ts';
import type { ControllerState } from '../model/state.ts';

/**
 * A design's own state as a trace shows it beside abs() (ControllerDevice.designState): integers
 * as bigint, flags, names, lists and records with fields in a fixed order.
 */
export type DesignValue =
  | bigint
  | boolean
  | string
  | readonly DesignValue[]
  | { readonly [field: string]: DesignValue };

export interface ControllerDevice {
  /** A 64-bit MMIO read: `{kind:'value'}` with the data, or `stall`/`abort` for designs that fail. */
  read(addr: bigint): Observation;
  /** A 64-bit MMIO write: `{kind:'ack'}` when it completes. */
  write(addr: bigint, data: bigint): Observation;
  /** An edge on interrupt line `line`. */
  irq(line: number): Observation;
  /** The abstraction function: this design's state as the model's §3 state. */
  abs(): ControllerState;
  /**
   * State outside `abs()` that can change what the design does later (a gateway bit, a stalled
   * or aborted bus, a stale output register), as a short string; absent or '' when there is none.
   * The exhaustive explorer keys implementation states by `abs()` plus this (properties/explore).
   */
  hiddenState?(): string;
  /**
   * The design's own state that has no §3 counterpart, structured for a trace, which shows it
   * beside abs() in every state (`intcheck::design`). Absent: the trace has no such variable, so a
   * design without it writes the traces it always wrote.
   */
  designState?(): DesignValue;
  /**
   * An independent copy of this device in its current state: stepping either never changes the
   * other. Optional, for speed only: the exhaustive explorer branches from every state it
   * explores and copies a device without it generically (model/snapshot.ts), several
   * times slower; test/engine/explore/copyImpl.test.ts checks that a copy is the same object graph.
   */
  copy?(): ControllerDevice;
}

/**
 * What a design supports (spec/controller.md §7: a variant is checked "with storms restricted to
 * the accesses the variant supports", on its own abstraction, not by refinement against the
 * reference). The restriction is a configuration: storms, the software runtime and the §6 drain
 * use only the processes, priorities and lines the design serves. Declared on the implementation
 * itself, so a new design cannot be left out of a table and silently count as refining the model.
 */
export interface DesignSupport {
  /** Process pages the design serves (their processes are usable by the system), or Infinity. */
  readonly processes: number;
  /** Priorities and lines beyond which the design aborts or ignores accesses, or Infinity. */
  readonly priorities: number;
  readonly devices: number;
  /**
   * The depth of the design's blocked queues (B) when the design fixes it, so that the
   * configuration it is checked on says so (TAIC: one slot per line and process, B = 1); absent:
   * the configuration's.
   */
  readonly waitDepth?: number;
  /** The design is held to refinement against the reference model (the reference and its mutants). */
  readonly refines: boolean;
}

/** The reference design, its mutants and the model: everything, refinement included. */
export const FULL_SUPPORT: DesignSupport = Object.freeze({
  processes: Number.POSITIVE_INFINITY,
  priorities: Number.POSITIVE_INFINITY,
  devices: Number.POSITIVE_INFINITY,
  refines: true,
});

/** How long a storm may be. */
export interface StormOptions {
  readonly maxLength?: number;
}

/**
 * A named storm profile a design declares (`--profile NAME`): storms (and an explorer alphabet)
 * restricted to accesses of a given discipline, and the properties the design is claimed to
 * satisfy under it (checked by default when the profile is selected).
 */
export interface StormProfile {
  readonly description: string;
  readonly storm: (cfg: Config, opts: StormOptions) => fc.Arbitrary<ControllerEvent[]>;
  readonly alphabet: (cfg: Config) => readonly ControllerEvent[];
  /**
   * Whether software of this discipline would make `e` on `device` in its current state (for
   * conditions on the state, such as "only send to a registered receiver"). The explorer enables
   * only these events in each state; the profile's storms apply it themselves. Absent: every event.
   */
  readonly enabled?: (cfg: Config, device: ControllerDevice, e: ControllerEvent) => boolean;
  readonly holds: readonly string[];
}

/** A named implementation (the reference, a published design, or a mutant) that can be instantiated. */
export interface ControllerImpl {
  /** Name used on the command line (`--impl NAME` / `--mutant NAME`) and in traces. */
  readonly name: string;
  /** One line: what this design is or what bug it seeds. */
  readonly description: string;
  /** For mutants and published designs: the property ids expected to catch it. Empty for the reference. */
  readonly expectedViolations: readonly string[];
  /** What storms may ask of it (FULL_SUPPORT for the reference and its mutants). */
  readonly supports: DesignSupport;
  /** A fresh device at reset. */
  create(cfg: Config): ControllerDevice;
  /**
   * The design's driver: performs `e` on `device` through the design's own register map. Absent:
   * the reference map (drive.ts). A design with another map (TAIC) maps the abstract operations
   * onto its own access sequences here, and performs its design-only events.
   */
  readonly drive?: (cfg: Config, device: ControllerDevice, e: ControllerEvent) => Observation;
  /** What `e` does in the abstract terms the properties judge. Absent: the reference decoding (toOperation). */
  readonly decode?: (cfg: Config, e: ControllerEvent) => JudgedOp;
  /** Why the design cannot express `cfg` (one line), or null; the command line refuses it (exit 2). */
  readonly configError?: (cfg: Config) => string | null;
  /** The design's own storms (what it supports plus its design-only events). Absent: controllerStorm. */
  readonly storm?: (cfg: Config, opts: StormOptions) => fc.Arbitrary<ControllerEvent[]>;
  /** The design's own explorer alphabet. Absent: controllerAlphabet. */
  readonly alphabet?: (cfg: Config) => readonly ControllerEvent[];
  /** Named storm profiles (`--profile NAME`). */
  readonly profiles?: Readonly<Record<string, StormProfile>>;
}
