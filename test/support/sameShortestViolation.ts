/**
 * The check the symmetry tests share: a seeded violation is found by the search by orbits
 * (`exploreByOrbits`, engine/explore/orbitDrain.ts) at the BFS-shortest length of the full
 * search, in the same place (a step or the leads-to check) and by the same properties.
 */
import { expect } from 'vitest';
import { exploreByOrbits } from '../../engine/explore/orbitDrain.ts';
import type { StateSpace } from '../../engine/explore/stateSpace.ts';

/** Explores `space` with and without symmetry and expects the same shortest violation. */
export function expectSameShortestViolation<N, E>(space: (orbits: boolean) => StateSpace<N, E>): void {
  const full = exploreByOrbits(space, {});
  const reduced = exploreByOrbits(space, { symmetry: true });
  expect(full.kind).toBe('violation');
  expect(reduced.kind).toBe('violation');
  if (full.kind !== 'violation' || reduced.kind !== 'violation') return;
  expect(reduced.path.length).toBe(full.path.length);
  expect(reduced.where).toBe(full.where);
  expect(reduced.violations.map((v) => v.property)).toEqual(full.violations.map((v) => v.property));
}
