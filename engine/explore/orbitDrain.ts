/**
 * The leads-to check when the explorer keeps one state per orbit (`--symmetry`) and the drain is
 * not symmetric (it walks agents in index order: UIPI's CPUs and senders, the wakeup system's
 * harts), so a state's drain may succeed where a renamed member's fails. The check drains the
 * state itself (its violations are reported as usual: it is a real state at its orbit's least
 * depth), then every other member of its orbit; one of those failing throws
 * {@link OrbitDrainFails}, and {@link exploreByOrbits} answers with the search without symmetry,
 * whose first violation is the BFS-shortest one (a member need not be reachable, and a path to
 * it would not be the shortest). When every member succeeds, every reachable state of the orbit does.
 */

import type { Violation } from '../property.ts';
import { type ExploreOptions, type ExploreOutcome, explore } from './explore.ts';
import type { StateSpace } from './stateSpace.ts';

/** A member of an explored state's orbit, other than the state, fails its leads-to check. */
class OrbitDrainFails extends Error {
  constructor(readonly violations: readonly Violation[]) {
    super(`symmetry: a renamed member of an explored state fails ${violations[0]?.property ?? 'its drain'}`);
  }
}

/**
 * The leads-to check `drain` of every member of a state's orbit (see above): `others` are the
 * renamings other than the identity, `key` tells members apart.
 */
export function orbitDrain<N>(
  others: readonly ((n: N) => N)[],
  drain: (n: N) => readonly Violation[] | null,
  key: (n: N) => string,
): (n: N) => readonly Violation[] | null {
  return (n) => {
    const own = drain(n);
    if (own !== null || others.length === 0) return own;
    const done = new Set([key(n)]);
    for (const rename of others) {
      const m = rename(n);
      const k = key(m);
      if (done.has(k)) continue;
      done.add(k);
      const vs = drain(m);
      if (vs !== null) throw new OrbitDrainFails(vs);
    }
    return null;
  };
}

/**
 * The search of `space` (built by orbits or not): with `opts.symmetry`, by orbits, unless a
 * renamed member of an explored state fails its drain ({@link orbitDrain}): then the search
 * without symmetry, whose first violation is the BFS-shortest one, answers instead.
 */
export function exploreByOrbits<N, E>(
  space: (orbits: boolean) => StateSpace<N, E>,
  opts: ExploreOptions,
): ExploreOutcome<E> {
  if (opts.symmetry !== true) return explore(space(false), opts);
  try {
    return explore(space(true), opts);
  } catch (err) {
    if (!(err instanceof OrbitDrainFails)) throw err;
    return explore(space(false), { ...opts, symmetry: false });
  }
}
