/**
 * ITF values (research/anchors.md §4.3) in memory, and their JSON encoding. Integers are always
 * `bigint` and always written as `{"#bigint": "…"}` (as Quint writes them); plain JSON numbers
 * are read too. Quint's variants `{"tag": …, "value": …}` are a kind of their own, so a reader
 * never mistakes them for records.
 */
import { TraceError } from '../model/TraceError.ts';

/** One ITF value. Records and maps keep their order, so encoding is deterministic. */
export type ItfValue =
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'list'; readonly items: readonly ItfValue[] }
  | { readonly kind: 'tup'; readonly items: readonly ItfValue[] }
  | { readonly kind: 'set'; readonly items: readonly ItfValue[] }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [ItfValue, ItfValue])[] }
  | { readonly kind: 'record'; readonly fields: ReadonlyMap<string, ItfValue> }
  | { readonly kind: 'variant'; readonly tag: string; readonly value: ItfValue }
  | { readonly kind: 'unserializable'; readonly repr: string };

/** A JSON value as `JSON.parse` returns it and the trace printer accepts it. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Shorthands for building values. */
export const itf = {
  bool: (value: boolean): ItfValue => ({ kind: 'bool', value }),
  str: (value: string): ItfValue => ({ kind: 'str', value }),
  int: (value: bigint | number): ItfValue => ({ kind: 'int', value: BigInt(value) }),
  list: (items: readonly ItfValue[]): ItfValue => ({ kind: 'list', items }),
  tup: (items: readonly ItfValue[] = []): ItfValue => ({ kind: 'tup', items }),
  set: (items: readonly ItfValue[]): ItfValue => ({ kind: 'set', items }),
  map: (entries: readonly (readonly [ItfValue, ItfValue])[]): ItfValue => ({ kind: 'map', entries }),
  record: (fields: Iterable<readonly [string, ItfValue]>): ItfValue => ({
    kind: 'record',
    fields: new Map(fields),
  }),
  variant: (tag: string, value: ItfValue = { kind: 'tup', items: [] }): ItfValue => ({
    kind: 'variant',
    tag,
    value,
  }),
  /** Quint's `Some(v)`, as `mbt::nondetPicks` wraps every pick. */
  some: (value: ItfValue): ItfValue => ({ kind: 'variant', tag: 'Some', value }),
} as const;

/** The JSON encoding of a value. Throws a {@link TraceError} for a record field ITF reserves. */
export function itfToJson(v: ItfValue): Json {
  switch (v.kind) {
    case 'bool':
    case 'str':
      return v.value;
    case 'int':
      return { '#bigint': v.value.toString() };
    case 'list':
      return v.items.map(itfToJson);
    case 'tup':
      return { '#tup': v.items.map(itfToJson) };
    case 'set':
      return { '#set': v.items.map(itfToJson) };
    case 'map':
      return { '#map': v.entries.map(([k, x]) => [itfToJson(k), itfToJson(x)]) };
    case 'record':
      return Object.fromEntries(
        [...v.fields].map(([k, x]) => {
          if (k.startsWith('#'))
            throw new TraceError(`record field "${k}": names starting with # are reserved`);
          return [k, itfToJson(x)];
        }),
      );
    case 'variant':
      return { tag: v.tag, value: itfToJson(v.value) };
    case 'unserializable':
      return { '#unserializable': v.repr };
  }
}

const BIGINT = /^-?[0-9]+$/;

/**
 * Decodes untrusted JSON as an ITF value. `{tag, value}` with a string tag is a variant and
 * Apalache's `{"tag": "UNIT"}` the unit value, as Quint reads them. Problems are
 * {@link TraceError}s naming the position inside the value, starting from `path`
 * (`ready[0][1][2]: bad #bigint "1x"`).
 */
export function itfFromJson(j: unknown, path = 'value'): ItfValue {
  const fail = (what: string): never => {
    throw new TraceError(`${path}: ${what}`);
  };
  if (typeof j === 'boolean') return itf.bool(j);
  if (typeof j === 'string') return itf.str(j);
  if (typeof j === 'number') {
    return Number.isSafeInteger(j) ? itf.int(j) : fail(`${j} is not an integer (write big ones as #bigint)`);
  }
  if (Array.isArray(j)) return itf.list(items(j, path));
  if (typeof j !== 'object' || j === null) return fail('null is not an ITF value');
  const o = j as Readonly<Record<string, unknown>>;
  const keys = Object.keys(o);
  const only = keys.length === 1 ? keys[0] : undefined;
  const listOf = (x: unknown, form: string): readonly unknown[] =>
    Array.isArray(x) ? x : fail(`${form} must hold a list`);
  switch (only) {
    case '#bigint': {
      const s = o['#bigint'];
      return typeof s === 'string' && BIGINT.test(s)
        ? itf.int(BigInt(s))
        : fail(`bad #bigint ${JSON.stringify(s)}`);
    }
    case '#tup':
      return itf.tup(items(listOf(o['#tup'], '#tup'), path));
    case '#set':
      return itf.set(items(listOf(o['#set'], '#set'), path));
    case '#map':
      return itf.map(
        listOf(o['#map'], '#map').map((e, i) =>
          Array.isArray(e) && e.length === 2
            ? ([itfFromJson(e[0], `${path}[#${i} key]`), itfFromJson(e[1], `${path}[#${i}]`)] as const)
            : fail(`#map entry ${i} is not a [key, value] pair`),
        ),
      );
    case '#unserializable':
      return { kind: 'unserializable', repr: String(o['#unserializable']) };
    case 'tag':
      if (o.tag === 'UNIT') return itf.tup();
      break;
  }
  if (keys.length === 2 && typeof o.tag === 'string' && 'value' in o) {
    return itf.variant(o.tag, itfFromJson(o.value, `${path}(${o.tag})`));
  }
  const reserved = keys.find((k) => k.startsWith('#'));
  if (reserved !== undefined) return fail(`unknown ITF form "${reserved}"`);
  return itf.record(keys.map((k) => [k, itfFromJson(o[k], `${path}.${k}`)] as const));
}

function items(xs: readonly unknown[], path: string): ItfValue[] {
  return xs.map((x, i) => itfFromJson(x, `${path}[${i}]`));
}
