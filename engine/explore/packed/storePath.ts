/**
 * The BFS-shortest path to a stored state of a packed search whose events are a fixed list (the
 * controller's alphabet, the syscall candidates): each state's `via` is its event's index there.
 */

/** A store's record of how each state was reached (packedStore.ts, slotKeyStore.ts). */
interface ReachedBy {
  readonly parent: Int32Array;
  readonly via: Int32Array;
}

/** The events from the initial state to state `id` of `store` (`engine` names the search in an internal error). */
export function storePath<E>(store: ReachedBy, events: readonly E[], id: number, engine: string): E[] {
  const out: E[] = [];
  for (let i = id; i > 0; i = store.parent[i] ?? 0) {
    const e = events[store.via[i] ?? -1];
    if (e === undefined) throw new Error(`${engine}: state ${i} has no event ${store.via[i]}`);
    out.push(e);
  }
  return out.reverse();
}
