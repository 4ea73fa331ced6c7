/**
 * The packed engines' growable per-node tables: `a` itself while it has room for `need` entries,
 * otherwise a copy at least `need` long and at least twice as long (the new entries 0; pages not
 * yet written stay untouched), so a search that numbers nodes one by one copies each entry O(1)
 * times. Int32Array only, so the call sites in a search's hot loop stay monomorphic.
 */
export function grownInt32(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}
