/**
 * What a UIPI implementation is for the checker: a named factory of instruction-level machines
 * (the reference, or the reference with one seeded bug switched on), each with the events it
 * enables, its step, and its abstraction to the model's state.
 */
import type { UipiConfig } from '../../model/config.ts';
import type { UipiEvent } from '../../model/events.ts';
import type { UipiState } from '../../model/state.ts';
import { absUipi } from './absUipi.ts';
import { UipiMachine } from './uipiMachine.ts';
import type { UipiMutation } from './uipiMutation.ts';

/** One running implementation. */
export interface UipiDevice {
  enabled(): readonly UipiEvent[];
  /** Performs `e`; false when not possible (nothing changes). */
  apply(e: UipiEvent): boolean;
  abs(): UipiState;
}

/** A named UIPI implementation (`--impl` / `--mutant` with `--protocol uipi`). */
export interface UipiImpl {
  readonly name: string;
  readonly description: string;
  /** Property ids expected to catch it; empty for the reference. */
  readonly expectedViolations: readonly string[];
  /** The configuration a mutant is meant for ("skyloft" for the timer's), when not every one. */
  readonly preset?: string;
  create(cfg: UipiConfig): UipiDevice;
}

/** A machine as a device. */
export function uipiDevice(cfg: UipiConfig, mutation?: UipiMutation): UipiDevice {
  const m = new UipiMachine(cfg, mutation);
  return { enabled: () => m.enabled(), apply: (e) => m.apply(e), abs: () => absUipi(m) };
}

/** The reference implementation. */
export const UIPI_REFERENCE: UipiImpl = {
  name: 'reference',
  description: 'Instruction-level UINTR: SDM bit layouts, locked UPID updates, Linux kernel paths.',
  expectedViolations: [],
  create: (cfg) => uipiDevice(cfg),
};
