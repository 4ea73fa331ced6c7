/**
 * AssemblyScript: one judged step, a port of uipiPackedStep.ts's: the successor
 * (uipiWasmSuccessors.ts `step`), the selected step properties on words (uipiWasmJudge.ts), and on
 * a step that changed a credit the slack check (`slackFalls`). Where the JavaScript engine judges
 * a failing step again on the decoded states, or throws on a falling slack, the wasm search only
 * says the step did not pass: the loader hands the search over to JavaScript, which answers.
 */
import { byteVerdicts } from './uipiWasmJudge';
import { creditChanged, slackFalls, step } from './uipiWasmSuccessors';

/** uipiPackedStep.ts:170-190: steps event k; true when it passes (no selected property fails, the slack does not fall). */
export function judgedStep(k: i32): bool {
  step(k);
  if (byteVerdicts(k) !== 0) return false;
  return !creditChanged || slackFalls() < 0;
}
