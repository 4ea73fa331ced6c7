/**
 * The alphabet of an exploration: events interned by content (their one-line form), so that a
 * transition is recorded as a small index whatever object the model or the runtime built for it.
 * The set is finite per configuration (every enabled event comes from a fixed finite list).
 */
export class EventAlphabet<E> {
  readonly events: E[] = [];
  private readonly index = new Map<string, number>();
  private readonly show: (e: E) => string;

  constructor(show: (e: E) => string) {
    this.show = show;
  }

  /** The index of `e`, interning it when new. */
  indexOf(e: E): number {
    const s = this.show(e);
    const i = this.index.get(s);
    if (i !== undefined) return i;
    this.events.push(e);
    this.index.set(s, this.events.length - 1);
    return this.events.length - 1;
  }
}
