/**
 * AssemblyScript, the entry of packedWasm.wasm (scripts/build.mjs compiles it with asc): the names
 * the module exports, which the loaders (packedWasmExplore.ts, judgedWasmExplore.ts) read off the
 * instance. The packed engine configures the layout, writes the initial state at `start()`'s
 * address, calls `begin`, `search` until it is over (it pauses for progress reports) and `finish`,
 * or `explore` for all three, and reads the `answers` (counters and, on a violation, the failing
 * state's id), from which it builds the verdict's words and the path in JavaScript; `expandInto`
 * lists one state's successors for the tests. The judged engine also configures the ghost
 * (`configureGhost`, the state width being the ghost layout's), calls `judgedStart`, then
 * `judgedBegin`, `judgedSearch` until it is over (it pauses for progress reports) and
 * `judgedFinish`, or `exploreJudged` for all three, and reads `judgedAnswers`; `judgeInto` judges
 * one state's successors, `judgeStep` one given step and `judgeEnd` a drain's end state for the
 * tests.
 * The judged engine imports `wasmStepJudge.controllerJudge` (wasmStepJudge.ts); the packed engine's
 * loader supplies one that is never called.
 */
export { controllerBits } from '../../../../controller/engine/wasm/assembly/wasmControllerJudge';
export { configureGhost } from './wasmGhost';
export {
  exploreJudged,
  judgedAnswers,
  judgedBegin,
  judgedBits,
  judgedFinish,
  judgedSearch,
  judgedStart,
  judgeEnd,
  judgeInto,
  judgeStep,
} from './wasmJudgedSearch';
export { configure } from './wasmLayout';
export {
  answers,
  begin,
  expandInto,
  explore,
  finish,
  output,
  search,
  searchDepth,
  searchHead,
  start,
} from './wasmSearch';
export { judgeInJavaScript } from './wasmStepJudge';
