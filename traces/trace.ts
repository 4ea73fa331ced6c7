/**
 * A counterexample trace in memory, protocol-neutral: provenance (`TraceMeta`) plus one entry
 * per ITF state, each holding the model's state variables, what the step observed and the event
 * as Quint's `mbt::actionTaken` / `mbt::nondetPicks`. `traceToJson` turns it into ITF text.
 */

import type { ItfValue } from './itfValue.ts';

/** A protocol's configuration as `#meta.config` records it (each protocol's own `…ToJson`). */
export type ConfigJson = Readonly<Record<string, number | string>>;

/** What a trace records about where it came from (written to `#meta`, in this order). */
export interface TraceMeta {
  /** The protocol (a name of protocols/index.ts). */
  readonly protocol: string;
  /** The implementation's registry name, or the DUT's name. */
  readonly implementation: string;
  /** The protocol's configuration, as its own JSON form. */
  readonly config: ConfigJson;
  /** Id of the property that failed; absent for a trace that records a passing run. */
  readonly property?: string;
  /** The property's explanation of the failure. */
  readonly message?: string;
  /** 0-based index of the failing event; it is shown in ITF state `failingStep + 1`. */
  readonly failingStep?: number;
  /** fast-check seed and replay path (random-storm traces only). */
  readonly seed?: number;
  readonly path?: string;
  /** Exhaustive-explorer traces: `explorer: true` and the depth explored. */
  readonly explorer?: boolean;
  readonly depth?: number;
  /** One line of free text: what the trace shows. */
  readonly note?: string;
}

/** What a caller gives a trace builder besides the run itself: every meta field but the protocol, and the configuration `C`. */
export type TraceProvenance<C> = Omit<TraceMeta, 'protocol' | 'config'> & { readonly cfg: C };

/** One ITF state. State 0 is the initial state, with action {@link INIT_ACTION}. */
export interface TraceState {
  /** `mbt::actionTaken`: the event's `type`, or "init". */
  readonly action: string;
  /** `mbt::nondetPicks`: a record of the event's other fields, each `Some(v)`. */
  readonly picks: ItfValue;
  /** `intcheck::obs`: what the step observed. */
  readonly obs: ItfValue;
  /** The model's state variables, in the order of {@link Trace.vars}. */
  readonly vars: readonly (readonly [string, ItfValue])[];
  /**
   * `drain` for a step of the fair drain that follows a storm (written to the state's `#meta`):
   * replay runs the drain itself, so such steps are shown, not replayed as events.
   */
  readonly phase?: 'drain';
}

/** A whole trace: provenance, the state variable names, and the states. */
export interface Trace {
  readonly meta: TraceMeta;
  /** The model's state variable names (the writer adds `intcheck::obs` and the `mbt::` names). */
  readonly vars: readonly string[];
  readonly states: readonly TraceState[];
}

/** The ADR that defines ITF, as Quint writes it in `format-description`. */
export const ITF_FORMAT_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';
/** The variable holding what a step observed (traces.md). */
export const OBS_VAR = 'intcheck::obs';
/** `mbt::actionTaken` of state 0. */
export const INIT_ACTION = 'init';
/** The Quint MBT variable names. */
export const ACTION_VAR = 'mbt::actionTaken';
export const PICKS_VAR = 'mbt::nondetPicks';
