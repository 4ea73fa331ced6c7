/**
 * The decision every WebAssembly engine's loader makes about what its wasm search may answer
 * (protocols/wakeup/engine/wasm/judgedWasmExplore.ts, protocols/controller/engine/wasm/
 * controllerJudgedWasm.ts, protocols/syscall/engine/wasm/syscallWasmExplore.ts), in one place.
 *
 * Decision: the one step judge stays the specification, so a wasm search answers only a search
 * that passes, with its counts (the JavaScript engine's: the same distinct states, transitions
 * and diameter, which the tests check). Anything else is the JavaScript engine's whole answer: a
 * violation (its path, properties and counts), a seeded bug (the wasm pass still runs under it, so
 * the tests can require the wasm search to find it), and a search whose wasm code traps (a
 * WebAssembly.RuntimeError: out of its 4 GB of linear memory, or a state its successor function
 * refuses), which the JavaScript engine answers within its own heap or refuses with its own error.
 * A search handed over after the wasm pass has run is repeated without progress reports (the
 * pass showed that progress); one handed over on a trap reports again, from the start.
 */

/** What a wasm pass found: whether it passed (`holds`) or not, and its counts. */
export interface WasmPass {
  readonly kind: string;
  readonly distinct: number;
  readonly transitions: number;
  readonly diameter: number;
}

/** A passing search's counts. */
export type WasmCounts = Pick<WasmPass, 'distinct' | 'transitions' | 'diameter'>;

/**
 * Runs `pass`; a pass that `holds` with no seeded bug in `opts` (its `mutation`) is answered by
 * `complete` from its counts, anything else by `javascript`, given `opts` after a trap and `opts`
 * without its progress callback after a pass that ran (see above).
 */
export function wasmFirst<P extends { readonly mutation?: unknown; readonly onProgress?: unknown }, O>(
  opts: P,
  pass: () => WasmPass,
  javascript: (opts: Omit<P, 'onProgress'>) => O,
  complete: (counts: WasmCounts) => O,
): O {
  let found: WasmPass;
  try {
    found = pass();
  } catch (e) {
    if (e instanceof Error && e.name === 'RuntimeError') return javascript(opts);
    throw e;
  }
  const { onProgress: _shown, ...again } = opts;
  if (found.kind !== 'holds' || opts.mutation !== undefined) return javascript(again);
  return complete({ distinct: found.distinct, transitions: found.transitions, diameter: found.diameter });
}
