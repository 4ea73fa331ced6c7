/**
 * The explorer's visited set with covering (subsumption, as UPPAAL's inclusion check or the
 * coverability graphs of well-structured systems): a state is its key plus a measure, a vector of
 * integers kept out of the key, and a state is already known when a stored state with the same
 * key has a measure componentwise ≤ its own (it covers it). Only an antichain is kept per key: a
 * new state that is not covered is stored, and the stored measures it covers are dropped.
 *
 * What makes this sound is the state space's contract (StateSpace.measure): nothing but the
 * properties' verdicts reads the measure, its updates are monotone, and every violation is
 * upward-closed in it; then a covering state reaches every violation the covered one does, in as
 * many steps or fewer (see the explorer).
 */

/** A measure: integers, lower is stronger (the states it reaches violate at least as much). */
export type Measure = readonly number[];

/** `a` ≤ `b` componentwise: a state measured `a` covers one measured `b` with the same key. */
function covers(a: Measure, b: Measure): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) > (b[i] ?? 0)) return false;
  return true;
}

export class CoverSet {
  /** String key → its id (the keys {@link add} is given). */
  private readonly ids = new Map<string, number>();
  /** Key id → its antichain of measures (one measure stored bare, the usual case). */
  private readonly stored: (Measure | Measure[])[] = [];
  private count = 0;

  /** States admitted (not covered when found): the explorer's distinct states. */
  get size(): number {
    return this.count;
  }

  /** Admits (key, m) and returns true when no stored state covers it; false when one does. */
  add(key: string, m: Measure): boolean {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return this.addAt(id, m);
  }

  /**
   * {@link add} for a key the caller numbers itself (a KeyTable id: dense, from 0, in the order
   * first seen), so no string is built; one set takes string keys or ids, never both.
   */
  addAt(id: number, m: Measure): boolean {
    const s = this.stored[id];
    if (s === undefined) {
      this.stored[id] = m;
    } else if (!isList(s)) {
      if (covers(s, m)) return false;
      this.stored[id] = covers(m, s) ? m : [s, m];
    } else {
      for (const x of s) if (covers(x, m)) return false;
      const kept = s.filter((x) => !covers(m, x));
      kept.push(m);
      this.stored[id] = kept.length === 1 ? m : kept;
    }
    this.count++;
    return true;
  }
}

/** A stored antichain of more than one measure (a bare measure holds numbers). */
function isList(s: Measure | Measure[]): s is Measure[] {
  return s.length > 0 && typeof s[0] !== 'number';
}
