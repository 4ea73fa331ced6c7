/**
 * The shape of every property in the registry: an id that states what holds, the protocol it
 * belongs to, the spec section it comes from, one sentence of intent, and a check that returns
 * null when the property holds or an explanation in domain words when it does not.
 */

/** The protocols intcheck models; each has its own model/ folder and properties. */
export const PROTOCOLS = ['controller', 'wakeup', 'syscall', 'uipi'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/**
 * - invariant: a predicate on one (abstract) state;
 * - step: a predicate on (before, event, after, observation) plus ghost data;
 * - liveness: a bounded-liveness check evaluated after the fair drain;
 * - refinement: the implementation's observations and abstract state equal the model's.
 */
export type PropertyKind = 'invariant' | 'step' | 'liveness' | 'refinement';

export interface Property<Ctx> {
  readonly id: string;
  readonly protocol: Protocol;
  readonly kind: PropertyKind;
  /** Where the property is defined, e.g. "controller.md §6". */
  readonly spec: string;
  /** One sentence of intent. */
  readonly description: string;
  /** null when the property holds on this step; otherwise what went wrong, in domain words. */
  readonly check: (ctx: Ctx) => string | null;
}

/** A property that failed, at which step (0-based index into the event list), and why. */
export interface Violation {
  readonly property: string;
  readonly step: number;
  readonly message: string;
}
