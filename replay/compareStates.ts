/**
 * `replay --match-states`: the recorded states of a trace must be the states the replay reaches.
 * This is how another specification's traces are cross-checked (`quint run --mbt --out-itf`):
 * every action must be accepted, and after each one every state variable intcheck knows (and the
 * observation, when the trace records `obs`) must equal the implementation's abs() and the
 * model's state. Plain replay judges a run afresh and ignores the recorded states (spec/traces.md);
 * this is the stricter reading a cross-check needs. Each protocol that supports it walks its own
 * run and compares state by state here.
 */
import { itfEqual } from '../traces/itfEqual.ts';
import type { StateVars } from '../traces/itfTrace.ts';
import type { ItfValue } from '../traces/itfValue.ts';
import { quintText } from '../traces/quint/quintText.ts';

/** The first recorded state that differs from the replay's, in words. */
export interface StateMismatch {
  /** The ITF state index (0 is the initial state). */
  readonly state: number;
  readonly message: string;
}

/** One replayed state: what one side reached, and who that side is. */
export interface Reached {
  readonly vars: readonly (readonly [string, ItfValue])[];
  readonly who: string;
}

/** The mismatch of a trace state the replay never reached. */
export function notRun(i: number): StateMismatch {
  return { state: i + 1, message: 'the replay stopped before this step' };
}

/**
 * Compares one recorded state with each side's state; `obs` is the step's observation as ITF
 * (undefined for state 0), compared when the trace records `obs`.
 */
export function compareStates(
  recorded: StateVars | undefined,
  state: number,
  sides: readonly Reached[],
  obs: ItfValue | undefined,
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
  if (obs !== undefined && recordedObs !== undefined && !itfEqual(recordedObs, obs)) {
    return {
      state,
      message: `obs is ${quintText(recordedObs)} in the trace but ${quintText(obs)} in the replay`,
    };
  }
  return null;
}
