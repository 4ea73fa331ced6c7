/**
 * The progress reports of a WebAssembly search (every protocol's `engine/wasm/` loader): the wasm
 * search cannot call a report mid-loop without a call out of wasm per state, so it pauses between
 * two expansions once `reportAt` states are known and returns; the loader reports and calls again
 * with the next multiple of `every`, as the JavaScript engines report every `every` states.
 */

/** What the wakeup, controller and syscall searches answer when they pause (assembly/wasmPause.ts SEARCH_PAUSED). */
export const SEARCH_PAUSED = 1;

/** A `reportAt` no search reaches: the search runs to its end without a pause. */
const NEVER = 0x7fffffff;

/**
 * Runs `search(reportAt)` until it answers anything but `paused`, and returns that answer. At each
 * pause `report` reports the search's progress and returns the states known then; with no
 * `report` the search never pauses.
 */
export function progressPauses(
  search: (reportAt: number) => number,
  paused: number,
  every: number,
  report: (() => number) | undefined,
): number {
  let reportAt = report === undefined ? NEVER : every;
  for (;;) {
    const code = search(reportAt);
    if (code !== paused || report === undefined) return code;
    reportAt = (Math.floor(report() / every) + 1) * every;
  }
}
