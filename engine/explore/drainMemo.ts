/**
 * A memo of the fair drains that reached their goal, for the leads-to check from every explored
 * state. The §6 drain is deterministic: from a node key (model, implementation and ghost data)
 * and the policy's own position (whose turn, which harts last read an empty DEQUEUE, turns passed
 * without a step) its continuation is always the same, every step judged the same way and the
 * goal judged at the same end state. So when a drain reaches a position an earlier successful
 * drain went through, r steps before its quiescence, it succeeds too, provided its bound leaves
 * room for those r steps (steps so far + r ≤ drainBound); only successes are remembered, so a
 * violation is always found by running the drain to its end. A drain may also tell which of its
 * positions went on to the end with a property of its own (`succeeded`'s `markedFrom`; the UIPI
 * drain: no choice decided by the order of CPUs or senders); a drain cut at a marked position
 * learns that its continuation has it (`cutMarked`).
 */

/** One position of a drain in progress: its memo key and the steps taken when it was reached. */
interface Visited {
  readonly key: string;
  readonly steps: number;
}

export class DrainMemo {
  /** Position key → 2 × steps from there to quiescence + 1 when marked, for positions of successful drains. */
  private readonly remaining = new Map<string, number>();
  private trail: Visited[] = [];
  /** Set when the current drain was cut at a known position: the total steps it will take. */
  private known = -1;
  /** The position the current drain was cut at is marked. */
  private knownMarked = false;

  /** Starts recording a new drain. */
  begin(): void {
    this.trail = [];
    this.known = -1;
    this.knownMarked = false;
  }

  /** The memo key of a node key and the policy's position. */
  static position(nodeKey: string, turn: number, sawEmpty: readonly boolean[], stalled: number): string {
    let bits = 0;
    for (let h = 0; h < sawEmpty.length; h++) if (sawEmpty[h] === true) bits |= 1 << (h & 15);
    return `${nodeKey}\u0000${String.fromCharCode(turn, stalled, bits)}`;
  }

  /** Records a position of the current drain; true when it is known to reach quiescence within `bound`. */
  visit(key: string, steps: number, bound: number): boolean {
    const v = this.remaining.get(key);
    const r = v === undefined ? undefined : v >> 1;
    if (v !== undefined && r !== undefined && steps + r <= bound) {
      this.known = steps + r;
      this.knownMarked = (v & 1) === 1;
      return true;
    }
    this.trail.push({ key, steps });
    return false;
  }

  /** The current drain was cut at a known position (it succeeds). */
  get cut(): boolean {
    return this.known >= 0;
  }

  /** The current drain was cut at a marked position. */
  get cutMarked(): boolean {
    return this.known >= 0 && this.knownMarked;
  }

  /**
   * The current drain succeeded after `total` steps (or was cut): remember its positions, those
   * reached after `markedFrom` steps or more marked (default: none).
   */
  succeeded(total: number, markedFrom = Number.POSITIVE_INFINITY): void {
    const end = this.known >= 0 ? this.known : total;
    for (const v of this.trail)
      this.remaining.set(v.key, (end - v.steps) * 2 + (v.steps >= markedFrom ? 1 : 0));
    this.trail = [];
  }

  /** Positions remembered. */
  get size(): number {
    return this.remaining.size;
  }
}
