/**
 * What a judged engine's search answers (the wakeup one, protocols/wakeup/engine/packed/; the
 * controller one, protocols/controller/engine/packed/): the object engine's counts, and on a
 * violation what the protocol's engine says of it (`V`: its properties, its path, …).
 */

/** The counts every outcome reports, as the object engine (explore.ts) counts them. */
export interface JudgedStats {
  readonly distinct: number;
  readonly transitions: number;
  readonly diameter: number;
}

/** A search's outcome: complete, stopped at the state bound, or a violation described by `V`. */
export type JudgedOutcomeOf<V> =
  | ({ readonly kind: 'complete' | 'maxStates' } & JudgedStats)
  | ({ readonly kind: 'violation' } & V & JudgedStats);
