/**
 * A memo of the fair drains that reached their goal, for the leads-to check from every explored
 * state. The §6 drain is deterministic: from a node key (model, implementation and ghost data)
 * and the policy's own position (whose turn, which harts last read an empty DEQUEUE, turns passed
 * without a step) its continuation is always the same, every step judged the same way and the
 * goal judged at the same end state. So when a drain reaches a position an earlier successful
 * drain went through, r steps before its quiescence, it succeeds too, provided its bound leaves
 * room for those r steps (steps so far + r ≤ drainBound); only successes are remembered, so a
 * violation is always found by running the drain to its end. What it knows is kept in a
 * {@link DrainStore}: this thread's own by default, or one the parallel search's workers share.
 */

import { type DrainStore, LocalDrainStore } from './drainStore.ts';
import type { KeyBuilder } from './keyBuilder.ts';

export class DrainMemo {
  constructor(
    /** The positions' ids and remaining steps (chosen once: every call of a search goes to one store). */
    private readonly store: DrainStore = new LocalDrainStore(),
  ) {}

  /**
   * The current drain's positions (ids) and the steps taken when each was reached, `trail` of
   * them: typed arrays with a count, since emptying a JS array (`length = 0`) is a runtime call,
   * four per drain (CPU profile of the packed UIPI engine: 2.5%).
   */
  private trailIds = new Int32Array(64);
  private trailSteps = new Int32Array(64);
  private trail = 0;
  /** Set when the current drain was cut at a known position: the total steps it will take. */
  private known = -1;

  /** Starts recording a new drain. */
  begin(): void {
    this.trail = 0;
    this.known = -1;
  }

  /** The memo key of a node key and the policy's position. */
  static position(nodeKey: string, turn: number, sawEmpty: readonly boolean[], stalled: number): string {
    let bits = 0;
    for (let h = 0; h < sawEmpty.length; h++) if (sawEmpty[h] === true) bits |= 1 << (h & 15);
    return `${nodeKey}\u0000${String.fromCharCode(turn, stalled, bits)}`;
  }

  /** Records a position of the current drain; true when it is known to reach quiescence within `bound`. */
  visit(key: string, steps: number, bound: number): boolean {
    return this.visitAt(this.store.idOf(key), steps, bound);
  }

  /** The id of the position whose key `kb` holds, for {@link visitAt} (no string built). */
  idOfUnits(kb: KeyBuilder): number {
    return this.store.idOfUnits(kb);
  }

  /**
   * {@link visit} for a position numbered by {@link idOfUnits} or by the caller itself (dense,
   * from 0), so no string is built; one memo takes string keys or ids, never both.
   */
  visitAt(id: number, steps: number, bound: number): boolean {
    const r = this.remainingAt(id);
    if (r >= 0 && steps + r <= bound) {
      this.known = steps + r;
      return true;
    }
    const t = this.trail;
    if (t === this.trailIds.length) {
      const ids = new Int32Array(2 * t);
      ids.set(this.trailIds);
      this.trailIds = ids;
      const at = new Int32Array(2 * t);
      at.set(this.trailSteps);
      this.trailSteps = at;
    }
    this.trailIds[t] = id;
    this.trailSteps[t] = steps;
    this.trail = t + 1;
    return false;
  }

  /** The current drain was cut at a known position (it succeeds). */
  get cut(): boolean {
    return this.known >= 0;
  }

  /** The current drain succeeded after `total` steps (or was cut): remember its positions. */
  succeeded(total: number): void {
    const end = this.known >= 0 ? this.known : total;
    const ids = this.trailIds;
    const n = this.trail;
    for (let i = 0; i < n; i++) this.remember(ids[i] ?? 0, end - (this.trailSteps[i] ?? 0));
    this.trail = 0;
  }

  /** The steps from position `id` to quiescence of a drain known to succeed from there, or -1. */
  remainingAt(id: number): number {
    return this.store.remainingAt(id);
  }

  /**
   * Remembers that a drain from position `id` succeeds after `steps` steps, outside any recorded
   * drain (a caller that learns it from a later drain: the packed UIPI engine's chained checks).
   */
  remember(id: number, steps: number): void {
    this.store.remember(id, steps);
  }

  /** Positions remembered (by this thread). */
  get size(): number {
    return this.store.size;
  }
}
