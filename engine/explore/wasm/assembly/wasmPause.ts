/**
 * AssemblyScript: what a wasm search that pauses for progress reports answers (the wakeup,
 * controller and syscall searches' `search`/`judgedSearch`/`searchRun`): it stopped between two
 * expansions so the loader can report (SEARCH_PAUSED), or it is over (SEARCH_OVER). The loaders
 * hand SEARCH_PAUSED's value to engine/explore/wasm/progressPauses.ts (its `SEARCH_PAUSED`).
 */
export const SEARCH_OVER: i32 = 0;
export const SEARCH_PAUSED: i32 = 1;
