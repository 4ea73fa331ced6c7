/** `replay --match-states` on a controller trace: each recorded state against the device's abs() and the model's. */
import { compareStates, notRun, type Reached, type StateMismatch } from '../../../replay/compareStates.ts';
import type { ControllerState } from '../model/state.ts';
import { encodeControllerState, encodeObservation } from '../trace/controllerVars.ts';
import type { ParsedControllerTrace } from '../trace/readControllerTrace.ts';
import type { ControllerReplay } from './replayControllerTrace.ts';

/** The first state whose recorded variables differ from the replay's, or null when all agree. */
export function matchControllerStates(
  parsed: ParsedControllerTrace,
  result: ControllerReplay,
): StateMismatch | null {
  const cfg = parsed.config;
  const impl = `implementation "${result.implementation}"`;
  const ctrl = (s: ControllerState, who: string): Reached => ({ vars: encodeControllerState(cfg, s), who });
  const first = compareStates(parsed.recordedVars[0], 0, [ctrl(result.initial, impl)], undefined);
  if (first !== null) return first;
  for (let i = 0; i < parsed.events.length; i++) {
    const step = result.recorded[i];
    if (step === undefined) return result.ok ? notRun(i) : null;
    const sides = [ctrl(step.state, impl)];
    if (step.expected !== undefined) sides.push(ctrl(step.expected.state, 'the model'));
    const m = compareStates(parsed.recordedVars[i + 1], i + 1, sides, encodeObservation(step.obs));
    if (m !== null) return m;
  }
  return null;
}
