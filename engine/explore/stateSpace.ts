/**
 * What the explorer needs from a protocol (one small adapter per protocol, and per subject: the
 * model alone or the product of model and implementation). Nodes are opaque to the explorer: a
 * node is whatever the adapter needs to take a step and judge it (the model's immutable state,
 * an implementation snapshot, ghost data), and the adapter owns copying it.
 */
import type { Violation } from '../property.ts';
import type { KeyBuilder } from './keyBuilder.ts';

/** One step from a node: the successor, or the violations found on that transition. */
export type Transition<N> =
  | { readonly kind: 'next'; readonly node: N }
  | { readonly kind: 'violation'; readonly violations: readonly Violation[] };

export interface StateSpace<N, E> {
  /** The node at reset (after start-up). */
  initial(): N;
  /**
   * The events enabled in `n`, drawn from a finite alphabet fixed per configuration. The
   * explorer records each transition's event by its index in {@link alphabet}.
   */
  enabled(n: N): readonly E[];
  /** Every event of the alphabet seen so far, by index (grows as `indexOf` meets new events). */
  readonly alphabet: readonly E[];
  /** The index of `e` in {@link alphabet} (interning it when new). */
  indexOf(e: E): number;
  /**
   * Takes `e` from `n` and judges the transition with every selected step property and the
   * invariants on the successor; `n` itself must stay unchanged (the adapter copies it), except
   * when `last` is true: then `n` is never used again (its last successor is being taken) and the
   * adapter may step the objects it owns in place instead of copying them.
   */
  step(n: N, e: E, depth: number, last: boolean): Transition<N>;
  /** The canonical key of `n`: equal keys, equal futures (model, implementation and ghost data). */
  key(n: N): string;
  /**
   * Optional: {@link key} left in a KeyBuilder instead of built into a string (the explorer then
   * keeps its visited set in a KeyTable: no string, no garbage per transition). Used only while
   * `key` is the function it names (`keyUnits.key === key`), so a space spread with a key of its
   * own (a test's exact key) is keyed by that key, never by a stale builder.
   */
  readonly keyUnits?: {
    readonly key: (n: N) => string;
    /** The builder holding `key(n)`'s units, valid until the next call. */
    readonly build: (n: N) => KeyBuilder;
  };
  /**
   * Optional covering (coverSet.ts): the part of `n` its key leaves out, as integers where lower
   * is stronger. A node is then already known when a node with the same key and a componentwise
   * ≤ measure was found before it. The adapter guarantees that (1) no enabled set, successor key
   * or drain choice reads the measure, (2) a step changes the measures of two nodes with the same
   * key monotonically (≤ stays ≤), and (3) every violation is upward-closed: whatever a node
   * measured m violates on a transition, at its drain's end or on a drain step, a node with the
   * same key measured ≤ m violates there too. Then a covering node found no later reaches every
   * violation the covered one does in as many steps or fewer, so the verdict and the BFS-shortest
   * counterexample length stay exact. Absent: equal keys are equal states.
   */
  measure?(n: N): readonly number[];
  /**
   * Optional symmetry reduction (opt-in: ExploreOptions.symmetry): the key of the canonical member
   * of `n`'s orbit under the permutations the configuration makes interchangeable (TLC's symmetry
   * sets). The adapter guarantees that renaming by such a permutation maps every transition to a
   * transition of the same verdicts (the alphabet is closed under it, or the events it leaves out
   * act alike on every member), so one state per orbit is explored, and since the violations are
   * closed under renaming too, the BFS-shortest counterexample keeps its length. With a
   * {@link measure}, no renaming changes it (measure(g n) = measure(n)): the covering set then
   * holds canonical keys, and a node covers another's orbit when it covers a member of it.
   */
  canonical?(n: N): string;
  /**
   * The state constraint (TLC's CONSTRAINT): a node outside it is counted but not expanded.
   * Absent: every node is expanded.
   */
  withinBounds?(n: N): boolean;
  /** A deadlock the adapter considers an error (no enabled event where some is required), or null. */
  stuck?(n: N): string | null;
  /**
   * The leads-to check from `n`: the fair drain from `n` reaches its goal (null), or the
   * violations found on the drain or at its end.
   */
  liveness?(n: N): readonly Violation[] | null;
}
