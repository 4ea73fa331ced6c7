/**
 * AssemblyScript, the entry of uipiWasm.wasm (scripts/build.mjs compiles every `*Wasm.ts` of an
 * engine's assembly/ with asc): the names the module exports, which the loader (uipiWasmModule.ts)
 * reads off the instance. The search's loader calls `uipiSetup` (uipiWasmSetup.ts: the layout,
 * events, judge, initial node and key masks computed here, the search begun), then `uipiSearch`,
 * and reads the `answers`; the tests also set an instance up from JavaScript's tables
 * (`configureLayout`, `configureEvents`, `configureJudge`, `start`), and `expandInto` lists one
 * node's successors for them.
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
export { setupItem, uipiSetup } from './uipiWasmSetup';
