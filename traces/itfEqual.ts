/**
 * Structural equality of ITF values, as two tools that write the same state must agree on it:
 * integers by value, lists and tuples in order, records by field name whatever the field order
 * (Quint writes fields sorted, intcheck in declaration order), sets and maps as collections.
 */
import type { ItfValue } from './itfValue.ts';

/** True when `a` and `b` denote the same ITF value. */
export function itfEqual(a: ItfValue, b: ItfValue): boolean {
  switch (a.kind) {
    case 'bool':
    case 'str':
    case 'int':
      return b.kind === a.kind && b.value === a.value;
    case 'list':
    case 'tup':
      return b.kind === a.kind && sameSequence(a.items, b.items);
    case 'set':
      return b.kind === 'set' && sameCollection(a.items, b.items, itfEqual);
    case 'map':
      return (
        b.kind === 'map' &&
        sameCollection(a.entries, b.entries, (x, y) => itfEqual(x[0], y[0]) && itfEqual(x[1], y[1]))
      );
    case 'record': {
      if (b.kind !== 'record' || b.fields.size !== a.fields.size) return false;
      for (const [name, v] of a.fields) {
        const w = b.fields.get(name);
        if (w === undefined || !itfEqual(v, w)) return false;
      }
      return true;
    }
    case 'variant':
      return b.kind === 'variant' && b.tag === a.tag && itfEqual(a.value, b.value);
    case 'unserializable':
      return b.kind === 'unserializable' && b.repr === a.repr;
  }
}

function sameSequence(xs: readonly ItfValue[], ys: readonly ItfValue[]): boolean {
  if (xs.length !== ys.length) return false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === undefined || y === undefined || !itfEqual(x, y)) return false;
  }
  return true;
}

/** Same elements regardless of order (each element of `xs` matched to a distinct one of `ys`). */
function sameCollection<T>(xs: readonly T[], ys: readonly T[], eq: (x: T, y: T) => boolean): boolean {
  if (xs.length !== ys.length) return false;
  const used = new Array<boolean>(ys.length).fill(false);
  return xs.every((x) => {
    const i = ys.findIndex((y, j) => !used[j] && eq(x, y));
    if (i < 0) return false;
    used[i] = true;
    return true;
  });
}
