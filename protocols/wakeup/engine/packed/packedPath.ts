/**
 * The path of a packed violation as the model's events: from the parent ids and the indices each
 * state's event has in its parent's `enabled` list (the packed successors come in that order),
 * decoding only the states on the path. Cold path: run once, on a violation.
 */
import { enabled } from '../../model/enabled.ts';
import type { SystemEvent } from '../../model/events.ts';
import { decodeSystem, type PackedLayout } from './packedLayout.ts';

/** The events from the initial state to state `id`, then that state's HartFetch of `fetchHart` when it is ≥ 0. */
export function packedPath(
  L: PackedLayout,
  words: Int32Array,
  parent: Int32Array,
  via: Int32Array,
  id: number,
  fetchHart: number,
  /** Bytes per stored state (the layout's width, or more when a ghost follows it). */
  stride = L.width,
): SystemEvent[] {
  const bytes = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  const eventOf = (from: number, k: number): SystemEvent => {
    const e = enabled(L.cfg, decodeSystem(L, bytes, from * stride))[k];
    if (e === undefined) throw new Error(`packed engine: state ${from} has no event ${k}`);
    return e;
  };
  const ids: number[] = [];
  for (let i = id; i > 0; i = parent[i] ?? 0) ids.push(i);
  const out = ids.reverse().map((i) => eventOf(parent[i] ?? 0, via[i] ?? 0));
  if (fetchHart >= 0) {
    const s = decodeSystem(L, bytes, id * stride);
    const e = enabled(L.cfg, s).find((x) => x.type === 'HartFetch' && x.hart === fetchHart);
    if (e === undefined) throw new Error(`packed engine: hart ${fetchHart} cannot fetch in state ${id}`);
    out.push(e);
  }
  return out;
}
