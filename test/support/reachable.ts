/**
 * A plain breadth-first walk of an explorer state space for tests: every distinct state (by the
 * space's key) up to a cap, each expanded with every enabled event (successors that violate a
 * property are not expanded), and no node ever stepped in place, so visited nodes stay usable.
 */
import type { StateSpace } from '../../engine/explore/stateSpace.ts';

/** Calls `visit` on each distinct state expanded and `duplicate` on each successor whose key was already known (with the first node of that key); returns the distinct states found. */
export function reachable<N, E>(
  space: StateSpace<N, E>,
  cap: number,
  visit: (n: N) => void,
  duplicate?: (first: N, again: N) => void,
): number {
  const first = new Map<string, N>();
  const init = space.initial();
  const queue: N[] = [init];
  first.set(space.key(init), init);
  for (let head = 0; head < queue.length && first.size < cap; head++) {
    const n = queue[head] as N;
    visit(n);
    for (const e of space.enabled(n)) {
      const t = space.step(n, e, head, false);
      if (t.kind !== 'next') continue;
      const k = space.key(t.node);
      const known = first.get(k);
      if (known !== undefined) {
        duplicate?.(known, t.node);
        continue;
      }
      first.set(k, t.node);
      queue.push(t.node);
    }
  }
  return first.size;
}
