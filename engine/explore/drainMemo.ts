/**
 * A memo of the fair drains that reached their goal, for the leads-to check from every explored
 * state. The §6 drain is deterministic: from a node key (model, implementation and ghost data)
 * and the policy's own position (whose turn, which harts last read an empty DEQUEUE, turns passed
 * without a step) its continuation is always the same, every step judged the same way and the
 * goal judged at the same end state. So when a drain reaches a position an earlier successful
 * drain went through, r steps before its quiescence, it succeeds too, provided its bound leaves
 * room for those r steps (steps so far + r ≤ drainBound); only successes are remembered, so a
 * violation is always found by running the drain to its end.
 */

/** One position of a drain in progress: its memo key and the steps taken when it was reached. */
interface Visited {
  readonly key: string;
  readonly steps: number;
}

export class DrainMemo {
  /** Position key → steps from there to quiescence, for positions of successful drains. */
  private readonly remaining = new Map<string, number>();
  private trail: Visited[] = [];
  /** Set when the current drain was cut at a known position: the total steps it will take. */
  private known = -1;

  /** Starts recording a new drain. */
  begin(): void {
    this.trail = [];
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
    const r = this.remaining.get(key);
    if (r !== undefined && steps + r <= bound) {
      this.known = steps + r;
      return true;
    }
    this.trail.push({ key, steps });
    return false;
  }

  /** The current drain was cut at a known position (it succeeds). */
  get cut(): boolean {
    return this.known >= 0;
  }

  /** The current drain succeeded after `total` steps (or was cut): remember its positions. */
  succeeded(total: number): void {
    const end = this.known >= 0 ? this.known : total;
    for (const v of this.trail) this.remaining.set(v.key, end - v.steps);
    this.trail = [];
  }

  /** Positions remembered. */
  get size(): number {
    return this.remaining.size;
  }
}
