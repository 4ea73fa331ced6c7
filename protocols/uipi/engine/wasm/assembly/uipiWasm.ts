/**
 * AssemblyScript, the entry of uipiWasm.wasm (scripts/build.mjs compiles every `*Wasm.ts` of an
 * engine's assembly/ with asc): the names the module exports, which the loader (uipiWasmModule.ts)
 * reads off the instance. It configures the layout, writes the events at `configureEvents`'s
 * address, sets the judge, writes the initial node at `start`'s, calls `explore` and reads the
 * `answers`; `expandInto` lists one node's successors for the tests.
 */

export { keyMasks } from './uipiWasmAdmission';
export { configureEvents } from './uipiWasmEvents';
export {
  answers,
  expandInto,
  explore,
  output,
  outputEvents,
  start,
  uipiBegin,
  uipiHead,
  uipiSearch,
} from './uipiWasmExplore';
export { configureJudge } from './uipiWasmJudge';
export { configureLayout } from './uipiWasmLayout';
