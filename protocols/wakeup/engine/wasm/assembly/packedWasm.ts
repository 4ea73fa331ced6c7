/**
 * AssemblyScript, the entry of packedWasm.wasm (scripts/build.mjs compiles it with asc): the names
 * the module exports, which the loader (packedWasmExplore.ts) reads off the instance. It configures
 * the layout, writes the initial state at `start()`'s address, calls `explore` and reads the
 * `answers` (counters and, on a violation, the failing state's id), from which it builds the verdict's words and the
 * path in JavaScript; `expandInto` lists one state's successors for the tests.
 */
export { configure } from './wasmLayout';
export { answers, expandInto, explore, output, start } from './wasmSearch';
