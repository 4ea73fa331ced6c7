/**
 * AssemblyScript (compiled into each engine's .wasm by asc, not by tsc): the linear memory of a
 * WebAssembly engine (protocols/wakeup/engine/wasm/, protocols/uipi/engine/wasm/) — an allocator
 * that never frees (each search has an instance of its own), arrays that double by copying, and
 * the open-addressing tables of (id + 1, hash) slots their stores keep, doubled as they fill.
 */

/** The first free byte of linear memory (16-aligned; 0 until the first allocation). */
let top: usize = 0;

/**
 * Room for `count` items of `size` bytes, zeroed (never used before: memory.grow's pages are
 * zero), never freed (a search's buffers live as long as the instance; the loader makes one
 * instance per search). Traps when wasm32's 4 GB cannot hold it (the size reckoned in 64 bits).
 */
export function alloc(count: i32, size: i32): usize {
  if (top === 0) top = (__heap_base + 15) & ~(<usize>15);
  const end = (<u64>top + <u64>count * <u64>size + 15) & ~(<u64>15);
  if (end > 0xffff_0000) unreachable();
  const p = top;
  top = <usize>end;
  const pages = <i32>((top + 0xffff) >>> 16);
  const have = memory.size();
  // at least doubled: a grow is a call out of the wasm code, and V8 may copy the memory
  if (
    pages > have &&
    memory.grow(max(pages - have, min(have, 65536 - have))) < 0 &&
    memory.grow(pages - have) < 0
  )
    unreachable();
  return p;
}

/** A copy of the `count` items of `size` bytes at `from` in new room for `n` of them (the old ones left unused). */
export function moved(from: usize, count: i32, n: i32, size: i32): usize {
  const to = alloc(n, size);
  memory.copy(to, from, <usize>count * <usize>size);
  return to;
}

/**
 * The table of `slots` slots at `old` (a power of two; 8 bytes a slot: id + 1, 0 when empty,
 * and the hash) in a new table of twice as many, read in slot order (packedStore.ts:133-149);
 * its slot mask is then `2 * slots - 1`.
 */
export function rehashed(old: usize, slots: i32): usize {
  const m = 2 * slots - 1;
  const table = alloc(m + 1, 8);
  for (let s = 0; s < slots; s++) {
    const e = old + ((<usize>s) << 3);
    const id1 = load<i32>(e);
    if (id1 === 0) continue;
    const h = load<i32>(e, 4);
    let slot = h & m;
    while (load<i32>(table + ((<usize>slot) << 3)) !== 0) slot = (slot + 1) & m;
    store<i32>(table + ((<usize>slot) << 3), id1);
    store<i32>(table + ((<usize>slot) << 3), h, 4);
  }
  return table;
}
