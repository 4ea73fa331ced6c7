/**
 * AssemblyScript (compiled into each engine's .wasm by asc, not by tsc): the linear memory of a
 * WebAssembly engine (protocols/wakeup/engine/wasm/, protocols/uipi/engine/wasm/,
 * protocols/controller/engine/wasm/) — an allocator that never frees (each search has an instance
 * of its own), arrays that double by copying, and the open-addressing tables of (id + 1, hash)
 * slots their stores keep, doubled as they fill; and the width of one stored state (set once per
 * instance by its engine's `configure`) with the word-wise copy and comparison of states the
 * shared store (wasmStore.ts) and the searches use.
 */

/** Bytes per state (a multiple of 4), set by {@link setWidth}. */
export let WIDTH: i32 = 0;

/** Sets the bytes per state (a multiple of 4): one call per instance, before any allocation. */
export function setWidth(width: i32): void {
  WIDTH = width;
}

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

/**
 * Copies one state (WIDTH bytes, a multiple of 4) from `src` to `dst` word by word: inline code,
 * where `memory.copy` of a size known only at run time is a call out of the wasm code per state.
 */
export function copyState(dst: usize, src: usize): void {
  const end = src + <usize>WIDTH;
  let s = src;
  let d = dst;
  for (; s + 8 <= end; s += 8, d += 8) store<u64>(d, load<u64>(s));
  if (s < end) store<u32>(d, load<u32>(s));
}

/** Whether the states at `a` and `b` are equal (WIDTH bytes), word by word (see {@link copyState}). */
export function sameState(a: usize, b: usize): bool {
  const end = a + <usize>WIDTH;
  let x = a;
  let y = b;
  for (; x + 8 <= end; x += 8, y += 8) if (load<u64>(x) !== load<u64>(y)) return false;
  return x >= end || load<u32>(x) === load<u32>(y);
}
