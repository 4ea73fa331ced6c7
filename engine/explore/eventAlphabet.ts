/**
 * The alphabet of an exploration: events interned by content (their one-line form), so that a
 * transition is recorded as a small index whatever object the model or the runtime built for it.
 * The set is finite per configuration (every enabled event comes from a fixed finite list).
 */
export class EventAlphabet<E> {
  readonly events: E[] = [];
  private readonly index = new Map<string, number>();
  /** The index of event objects already met (the model's events are shared objects): no formatting for them. */
  private readonly byObject = new WeakMap<object, number>();
  private readonly show: (e: E) => string;

  constructor(show: (e: E) => string) {
    this.show = show;
  }

  /** The index of `e`, interning it when new. */
  indexOf(e: E): number {
    const o = typeof e === 'object' && e !== null ? e : undefined;
    if (o !== undefined) {
      const known = this.byObject.get(o);
      if (known !== undefined) return known;
    }
    const s = this.show(e);
    let i = this.index.get(s);
    if (i === undefined) {
      this.events.push(e);
      i = this.events.length - 1;
      this.index.set(s, i);
    }
    if (o !== undefined) this.byObject.set(o, i);
    return i;
  }
}
