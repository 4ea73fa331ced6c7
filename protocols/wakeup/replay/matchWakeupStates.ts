/** `replay --match-states` on a wakeup-system trace: each recorded storm state against the runtime's abs() and the model's. */
import { compareStates, type Reached, type StateMismatch } from '../../../replay/compareStates.ts';
import { encodeObservation } from '../../controller/trace/controllerVars.ts';
import type { SystemState } from '../model/state.ts';
import type { ParsedWakeupTrace } from '../trace/readWakeupTrace.ts';
import { encodeSystemState } from '../trace/wakeupCodec.ts';
import type { WakeupReplay } from './replayWakeupTrace.ts';

/** The first state whose recorded variables differ from the replay's, or null when all agree. */
export function matchWakeupStates(parsed: ParsedWakeupTrace, result: WakeupReplay): StateMismatch | null {
  const cfg = parsed.config;
  const impl = `implementation "${result.implementation}"`;
  const sys = (s: SystemState, who: string): Reached => ({ vars: encodeSystemState(cfg, s), who });
  const first = compareStates(parsed.recordedVars[0], 0, [sys(result.initial, impl)], undefined);
  if (first !== null) return first;
  const storm = new Map(result.recorded.filter((r) => r.phase === 'storm').map((r) => [r.index, r]));
  for (let i = 0; i < parsed.events.length; i++) {
    if (!result.ok && i >= result.steps) return null;
    const step = storm.get(i);
    const event = parsed.events[i];
    if (step === undefined || step.outcome.kind !== 'accepted') {
      return { state: i + 1, message: `${event?.type ?? 'the event'} is not enabled in the replay` };
    }
    const sides = [sys(step.state, impl)];
    if (step.expected !== undefined) sides.push(sys(step.expected, 'the model'));
    const m = compareStates(parsed.recordedVars[i + 1], i + 1, sides, encodeObservation(step.outcome.obs));
    if (m !== null) return m;
  }
  return null;
}
