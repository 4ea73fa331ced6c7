/**
 * The renamings a symmetry reduction tries (`StateSpace.canonical`): every permutation of a class
 * of interchangeable agents — processes, dispatchers, CPUs, senders.
 */

/** Every permutation of 0..n-1 (the identity first). */
export function permutations(n: number): number[][] {
  if (n <= 1) return [[0]];
  const out: number[][] = [];
  for (const rest of permutations(n - 1)) {
    for (let i = rest.length; i >= 0; i--) out.push([...rest.slice(0, i), n - 1, ...rest.slice(i)]);
  }
  return out;
}
