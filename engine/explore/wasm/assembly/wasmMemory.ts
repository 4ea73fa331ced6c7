/**
 * AssemblyScript, shared by the packed engines compiled to WebAssembly (the wakeup engine's
 * protocols/wakeup/engine/wasm/, the controller's protocols/controller/engine/wasm/): the width of
 * one stored state, set once per instance by its engine's `configure`, the linear memory's
 * allocator, and the word-wise copy and comparison of states the stores and searches use.
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
  if (pages > have && memory.grow(pages - have) < 0) unreachable();
  return p;
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
