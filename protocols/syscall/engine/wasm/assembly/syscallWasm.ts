/**
 * AssemblyScript, the entry of syscallWasm.wasm (scripts/build.mjs compiles it with asc): the
 * names the module exports, which the loader (syscallWasmModule.ts) reads off the instance. The
 * loader configures the controller prefix (`configure`, `controllerBits`, `eventsInit` for the
 * occupancies, `controllerJudgeInit`), the syscall layout (`syscallConfigure`, `syscallAgent` per
 * agent, `syscallJudgeInit`), the syscall properties' bits (`syscallBits`) and the alphabet
 * (`syscallEventsInit`, `syscallSetEvent` per event), makes room for two nodes (`room`), then
 * loads a node (`syscallLoad`) and steps it (`syscallStep`) per candidate (the tests); or, for a
 * search, `searchStart` (which builds the drain's tables and writes the initial node), `searchGuards`
 * (the guard tables), `searchBegin`, `searchRun` until it is over (it pauses for
 * progress reports), `searchFinish`, and `searchAnswers`. It imports nothing.
 */
export { alloc as room } from '../../../../../engine/explore/wasm/assembly/wasmMemory';
export {
  controllerBits,
  controllerJudgeInit,
} from '../../../../controller/engine/wasm/assembly/wasmControllerJudge';
export { configure } from '../../../../controller/engine/wasm/assembly/wasmControllerLayout';
export { eventsInit } from '../../../../controller/engine/wasm/assembly/wasmControllerStep';
export { syscallBits, syscallJudgeInit, syscallLeftOut } from './syscallWasmJudge';
export { syscallAgent, syscallConfigure } from './syscallWasmLayout';
export {
  searchAnswers,
  searchBegin,
  searchDrainTable,
  searchFinish,
  searchGuards,
  searchGuardTable,
  searchLivenessAt,
  searchRun,
  searchStart,
} from './syscallWasmSearch';
export {
  syscallCtrlBits,
  syscallEventsInit,
  syscallLoad,
  syscallQuiescent,
  syscallSetEvent,
  syscallStateBits,
  syscallStep,
  syscallSysBits,
} from './syscallWasmSuccessors';
