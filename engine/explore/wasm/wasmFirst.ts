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
 * Runs `pass`; a pass that `holds` without a seeded bug (`seeded`) is answered by `complete` from
 * its counts, anything else by `javascript`, told whether to report progress (see above).
 */
export function wasmFirst<O>(
  pass: () => WasmPass,
  seeded: boolean,
  javascript: (reportProgress: boolean) => O,
  complete: (counts: WasmCounts) => O,
): O {
  let found: WasmPass;
  try {
    found = pass();
  } catch (e) {
    if (e instanceof Error && e.name === 'RuntimeError') return javascript(true);
    throw e;
  }
  if (found.kind !== 'holds' || seeded) return javascript(false);
  return complete({ distinct: found.distinct, transitions: found.transitions, diameter: found.diameter });
}
