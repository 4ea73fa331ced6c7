/**
 * `replay --match-states`: the recorded states of a trace must be the states the replay reaches.
 * This is how another specification's traces are cross-checked (`quint run --mbt --out-itf`):
 * every action must be accepted, and after each one every state variable intcheck knows (and the
 * observation, when the trace records `obs`) must equal the implementation's abs() and the
 * model's state. Plain replay judges a run afresh and ignores the recorded states (spec/traces.md);
 * this is the stricter reading a cross-check needs.
 */
import type { Observation } from '../protocols/controller/model/result.ts';
import type { ControllerState } from '../protocols/controller/model/state.ts';
import { encodeControllerState, encodeObservation } from '../protocols/controller/trace/controllerVars.ts';
import type { ParsedTrace, StateVars } from '../protocols/readTrace.ts';
import type { SystemState } from '../protocols/wakeup/model/state.ts';
import { encodeSystemState } from '../protocols/wakeup/trace/wakeupCodec.ts';
import { itfEqual } from '../traces/itfEqual.ts';
import type { ItfValue } from '../traces/itfValue.ts';
import { quintText } from '../traces/quint/quintText.ts';
import type { ReplayResult } from './replay.ts';

/** The first recorded state that differs from the replay's, in words. */
export interface StateMismatch {
  /** The ITF state index (0 is the initial state). */
  readonly state: number;
  readonly message: string;
}

/** One replayed state: what each side reached, and the observation of the step into it. */
interface Reached {
  readonly vars: readonly (readonly [string, ItfValue])[];
  readonly who: string;
}

/** The first state whose recorded variables differ from the replay's, or null when all agree. */
export function matchStates(parsed: ParsedTrace, result: ReplayResult): StateMismatch | null {
  const impl = `implementation "${result.implementation}"`;
  if (parsed.protocol === 'controller' && result.protocol === 'controller') {
    const cfg = parsed.config;
    const ctrl = (s: ControllerState, who: string): Reached => ({ vars: encodeControllerState(cfg, s), who });
    const first = compare(parsed.recordedVars[0], 0, [ctrl(result.initial, impl)], undefined);
    if (first !== null) return first;
    for (let i = 0; i < parsed.events.length; i++) {
      const step = result.recorded[i];
      if (step === undefined) return result.ok ? notRun(i) : null;
      const sides = [ctrl(step.state, impl)];
      if (step.expected !== undefined) sides.push(ctrl(step.expected.state, 'the model'));
      const m = compare(parsed.recordedVars[i + 1], i + 1, sides, step.obs);
      if (m !== null) return m;
    }
    return null;
  }
  if (parsed.protocol === 'wakeup' && result.protocol === 'wakeup') {
    const cfg = parsed.config;
    const sys = (s: SystemState, who: string): Reached => ({ vars: encodeSystemState(cfg, s), who });
    const first = compare(parsed.recordedVars[0], 0, [sys(result.initial, impl)], undefined);
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
      const m = compare(parsed.recordedVars[i + 1], i + 1, sides, step.outcome.obs);
      if (m !== null) return m;
    }
    return null;
  }
  return { state: 0, message: `a ${parsed.protocol} trace replayed as ${result.protocol}` };
}

function notRun(i: number): StateMismatch {
  return { state: i + 1, message: 'the replay stopped before this step' };
}

/**
 * Compares one recorded state with each side's state; `obs` is the step's observation (undefined
 * for state 0, null for a software step), compared when the trace records `obs`.
 */
function compare(
  recorded: StateVars | undefined,
  state: number,
  sides: readonly Reached[],
  obs: Observation | null | undefined,
): StateMismatch | null {
  if (recorded === undefined) return { state, message: 'the trace has no such state' };
  for (const side of sides) {
    for (const [name, actual] of side.vars) {
      const v = recorded(name);
      if (v === undefined) return { state, message: `the trace records no variable "${name}"` };
      if (!itfEqual(v, actual)) {
        return {
          state,
          message: `${name} is ${quintText(v)} in the trace but ${quintText(actual)} in ${side.who}`,
        };
      }
    }
  }
  const recordedObs = recorded('obs');
  if (obs !== undefined && recordedObs !== undefined) {
    const actual = encodeObservation(obs);
    if (!itfEqual(recordedObs, actual)) {
      return {
        state,
        message: `obs is ${quintText(recordedObs)} in the trace but ${quintText(actual)} in the replay`,
      };
    }
  }
  return null;
}
