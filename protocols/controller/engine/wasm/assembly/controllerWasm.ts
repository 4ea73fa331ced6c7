/**
 * AssemblyScript, the entry of controllerWasm.wasm (scripts/build.mjs compiles it with asc): the
 * names the module exports, which the loader (controllerJudgedWasm.ts) reads off the instance. The
 * loader configures the layout (`configure`), the alphabet (`eventsInit`, `setEvent` per event)
 * and the properties' bits (`controllerBits`), calls `start` and writes the initial node at its
 * address, then `judgedBegin`, `judgedSearch` until it is over (it pauses for progress reports)
 * and `judgedFinish`, and reads `judgedAnswers`; `judgeInto` judges one state's successors for the
 * tests. It imports `wasmControllerStep.controllerStepInJs` (wasmControllerStep.ts).
 */
export { controllerBits } from './wasmControllerJudge';
export { configure } from './wasmControllerLayout';
export {
  judgedAnswers,
  judgedBegin,
  judgedBits,
  judgedFinish,
  judgedSearch,
  judgeInto,
  output,
  start,
} from './wasmControllerSearch';
export { eventsInit, setEvent } from './wasmControllerStep';
