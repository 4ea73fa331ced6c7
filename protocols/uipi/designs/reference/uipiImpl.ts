/**
 * What a UIPI implementation is for the checker: a named factory of instruction-level machines
 * (the reference, the reference with one seeded bug switched on, or another design such as
 * linux-rfc-v1), each with the events it enables, its step, its abstraction to the model's state
 * and its own copy. The step judge (engine/uipiJudge.ts) runs any of them through this contract
 * alone; whether the model is a design's specification (`refines`) decides whether
 * uipiRefinement judges it.
 */
import type { UipiConfig, UipiDrainName } from '../../model/config.ts';
import type { UipiEvent } from '../../model/events.ts';
import type { UipiState } from '../../model/state.ts';
import { UipiMachine } from './uipiMachine.ts';

/**
 * One running implementation: a machine whose whole state is in its own fields (the explorer
 * fingerprints them into a product state's key), with no function-valued field.
 */
export interface UipiDevice {
  enabled(): readonly UipiEvent[];
  /** Performs `e`; false when not possible (nothing changes). */
  apply(e: UipiEvent): boolean;
  /** Its state as the model's (the refinement map). */
  abs(): UipiState;
  /** An independent copy in the same state (the explorer branches from it). */
  copy(): UipiDevice;
}

/** A named UIPI implementation (`--impl` / `--mutant` with `--protocol uipi`). */
export interface UipiImpl {
  readonly name: string;
  readonly description: string;
  /** Property ids expected to catch it; empty for the reference. */
  readonly expectedViolations: readonly string[];
  /** The configuration a mutant is meant for ("skyloft" for the timer's), when not every one. */
  readonly preset?: string;
  /**
   * Whether the model is this design's specification: uipiRefinement judges it only then. The
   * reference and its mutants refine the model; a design that deliberately differs from it
   * (linux-rfc-v1, the literal Linux RFC) is judged by the guarantees alone.
   */
  readonly refines: boolean;
  /** A fresh machine in its start state (throws for a configuration the design cannot run: configError). */
  create(cfg: UipiConfig): UipiDevice;
  /** Why the design cannot run `cfg` (a scenario it does not have), or undefined; absent: it runs every one. */
  readonly configError?: (cfg: UipiConfig) => string | undefined;
  /** The drains a check reports a verdict under by default (absent: the configuration's own). */
  readonly drains?: readonly UipiDrainName[];
}

/** The reference implementation. */
export const UIPI_REFERENCE: UipiImpl = {
  name: 'reference',
  description: 'Instruction-level UINTR: SDM bit layouts, locked UPID updates, Linux kernel paths.',
  expectedViolations: [],
  refines: true,
  create: (cfg) => new UipiMachine(cfg),
};
