/**
 * The implementation part of a product state's key: a canonical walk of an implementation's own
 * fields (numbers, bigints, booleans, strings, arrays, typed arrays, Maps, Sets, nested objects, in
 * field order), packed into the explorer's key. Two implementation objects with the same field
 * contents get the same fingerprint, so the product of model and implementation is explored on
 * the implementation's whole state, hidden parts included (a gateway bit the abstraction
 * function does not show). Fields listed in `skip` (caches kept only to make `abs()` fast, equal
 * states may hold them differently) are left out; shared objects (the configuration) are skipped.
 */
import type { KeyBuilder } from './keyBuilder.ts';

const T_UNDEF = 0;
const T_NULL = 1;
const T_FALSE = 2;
const T_TRUE = 3;
const T_NUM = 4;
const T_BIG = 5;
const T_STR = 6;
const T_ARR = 7;
const T_OBJ = 8;
const T_MAP = 9;
const T_REF = 10;

/** Appends the fingerprint of `root` to `k`. */
export function fingerprint(
  k: KeyBuilder,
  root: unknown,
  skip: ReadonlySet<string>,
  shared?: ReadonlySet<object>,
): void {
  walk(k, root, skip, shared, new Map());
}

function walk(
  k: KeyBuilder,
  v: unknown,
  skip: ReadonlySet<string>,
  shared: ReadonlySet<object> | undefined,
  seen: Map<object, number>,
): void {
  switch (typeof v) {
    case 'undefined':
      k.int(T_UNDEF);
      return;
    case 'boolean':
      k.int(v ? T_TRUE : T_FALSE);
      return;
    case 'number':
      if (Number.isInteger(v) && v >= 0 && v < 0xfff0) k.int(T_NUM).int(v);
      else
        k.int(T_STR)
          .int(String(v).length)
          .big(BigInt(Math.trunc(v * 1024)));
      return;
    case 'bigint':
      k.int(T_BIG).big(v);
      return;
    case 'string':
      k.int(T_STR).int(v.length);
      for (let i = 0; i < v.length; i++) k.int(v.charCodeAt(i));
      return;
    case 'function':
    case 'symbol':
      return;
    case 'object':
      break;
  }
  if (v === null) {
    k.int(T_NULL);
    return;
  }
  if (shared?.has(v) === true) return;
  const id = seen.get(v);
  if (id !== undefined) {
    k.int(T_REF).int(id);
    return;
  }
  seen.set(v, seen.size);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const a = v as ArrayLike<unknown>;
    k.int(T_ARR).int(a.length);
    for (let i = 0; i < a.length; i++) walk(k, a[i], skip, shared, seen);
    return;
  }
  if (v instanceof Map || v instanceof Set) {
    k.int(T_MAP).int(v.size);
    for (const e of v) walk(k, e, skip, shared, seen);
    return;
  }
  k.int(T_OBJ);
  const o = v as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (skip.has(key)) continue;
    walk(k, o[key], skip, shared, seen);
  }
}
