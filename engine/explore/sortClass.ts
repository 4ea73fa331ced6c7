/**
 * The renamings a canonical form tries (`StateSpace.canonical`) when it sorts a class of
 * interchangeable agents by a signature naming no other agent: the members in increasing
 * signature, and a run of equal signatures in every order (a collision or a real tie is only
 * tried both ways, never a wrong orbit). Used for the syscall dispatchers and for UIPI's CPUs and
 * senders.
 */
import { permutations } from './permutations.ts';

const SINGLE: readonly (readonly number[])[] = [[0]];

/**
 * Each renaming of `bases` extended so that class `members` is sorted by `sig` (indexed by agent):
 * the member with the k-th smallest signature takes index `members[k]`. A renaming of `bases` is
 * extended in place when the class has no tie (the caller owns them), and copied once per order
 * of a tie otherwise.
 */
export function sortClass(bases: number[][], members: readonly number[], sig: readonly number[]): number[][] {
  const order = members.slice();
  // insertion sort (classes are small)
  for (let i = 1; i < order.length; i++) {
    const x = order[i] ?? 0;
    const sx = sig[x] ?? 0;
    let j = i - 1;
    while (j >= 0 && (sig[order[j] ?? 0] ?? 0) > sx) {
      order[j + 1] = order[j] ?? 0;
      j--;
    }
    order[j + 1] = x;
  }
  let out = bases;
  for (let from = 0; from < order.length; ) {
    let to = from + 1;
    while (to < order.length && sig[order[to] ?? 0] === sig[order[from] ?? 0]) to++;
    const orders = to - from === 1 ? SINGLE : permutations(to - from);
    const next: number[][] = [];
    for (const base of out) {
      for (const o of orders) {
        const perm = orders.length === 1 ? base : base.slice();
        for (let i = 0; i < to - from; i++) {
          const a = order[from + i] ?? 0;
          perm[a] = members[from + (o[i] ?? i)] ?? a;
        }
        next.push(perm);
      }
    }
    out = next;
    from = to;
  }
  return out;
}
