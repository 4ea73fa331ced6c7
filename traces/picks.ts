/**
 * Reading `mbt::nondetPicks`: a record whose values may be wrapped as Quint's `Some(v)` (or
 * `None`, which counts as missing) and whose integers may be `#bigint` or plain numbers. Shared
 * by every protocol's event codec; errors name the action and the pick.
 */
import { type ItfValue, itf } from './itfValue.ts';
import { TraceError } from './TraceError.ts';

export interface PicksReader {
  /** The pick as an ITF value, unwrapped from `Some`. */
  value(name: string): ItfValue;
  /** The pick as an integer of any size. */
  big(name: string): bigint;
  /** The pick as a small integer (an index). */
  num(name: string): number;
  /** Whether the pick is present (not missing, not `None`): for optional fields. */
  has(name: string): boolean;
}

export function readPicks(action: string, picks: ItfValue | undefined): PicksReader {
  const rec = picks ?? itf.record([]);
  if (rec.kind !== 'record') throw new TraceError(`${action}: mbt::nondetPicks is not a record`);
  const value = (name: string): ItfValue => {
    let v = rec.fields.get(name);
    if (v?.kind === 'variant' && v.tag === 'Some') v = v.value;
    if (v === undefined || (v.kind === 'variant' && v.tag === 'None')) {
      throw new TraceError(`${action}: missing pick "${name}"`);
    }
    return v;
  };
  const big = (name: string): bigint => {
    const v = value(name);
    if (v.kind !== 'int') throw new TraceError(`${action}: pick "${name}" is not an integer`);
    return v.value;
  };
  const num = (name: string): number => {
    const v = big(name);
    if (v < BigInt(Number.MIN_SAFE_INTEGER) || v > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new TraceError(`${action}: pick "${name}" ${v} is far outside any index`);
    }
    return Number(v);
  };
  const has = (name: string): boolean => {
    const v = rec.fields.get(name);
    return v !== undefined && !(v.kind === 'variant' && v.tag === 'None');
  };
  return { value, big, num, has };
}
