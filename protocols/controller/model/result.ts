/**
 * What one controller step produces: the next state, what the access observed, and the
 * effects as data (XState style: nothing is executed, everything is returned).
 */
import type { ControllerState } from './state.ts';

/** What the access itself returned: a read's data, or the completion of a write or interrupt. */
export type Observation =
  | { readonly kind: 'value'; readonly value: bigint }
  | { readonly kind: 'ack' }
  /** The access never completed (a design that stalls the bus). Only variants produce it. */
  | { readonly kind: 'stall' }
  /** The device aborted (QEMU's assert); every later access fails. Only variants produce it. */
  | { readonly kind: 'abort' }
  /**
   * The design's effect is undefined (a write outside its own arrays, which corrupts its memory):
   * nothing later can be trusted. Only variants modelled on code that can do this produce it.
   */
  | { readonly kind: 'undefined' };

/** An observation after which the run cannot go on: a stall, an abort or an undefined effect. */
export type EndingObservation = Extract<Observation, { kind: 'stall' | 'abort' | 'undefined' }>;

/** Whether `obs` ends the run (spec/controller.md §7: a stall, an abort or an undefined outcome). */
export function endsRun(obs: Observation): obs is EndingObservation {
  return obs.kind === 'stall' || obs.kind === 'abort' || obs.kind === 'undefined';
}

/** Why a waiter became ready. */
export type WakeCause = 'interrupt' | 'irqPending' | 'send' | 'ipcPending';

/** Something the step did that a reader (or the system model) may want to know, as data. */
export type ControllerEffect =
  /** A task moved from waiting (or a pending count) into `ready[p][0]`. */
  | { readonly kind: 'Woken'; readonly p: number; readonly task: bigint; readonly cause: WakeCause }
  /** Error bits set in this step. */
  | { readonly kind: 'ErrorRaised'; readonly bits: number };

export interface StepResult {
  readonly state: ControllerState;
  readonly obs: Observation;
  readonly effects: readonly ControllerEffect[];
}

export const ACK: Observation = Object.freeze({ kind: 'ack' });
export const NO_EFFECTS: readonly ControllerEffect[] = Object.freeze([]);

/** The observation of a read returning `value`. */
export function valueObs(value: bigint): Observation {
  return { kind: 'value', value };
}
