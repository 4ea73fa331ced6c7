/**
 * Builds the trace of one controller run (a storm's shrunk counterexample, an explorer path, or
 * a replay): state 0 is the initial state, then one state per event with the state after it.
 */

import { itf } from '../../../traces/itfValue.ts';
import type { Trace, TraceMeta, TraceProvenance } from '../../../traces/trace.ts';
import { INIT_ACTION } from '../../../traces/trace.ts';
import type { Config } from '../model/config/config.ts';
import { configToJson } from '../model/config/loadConfig.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { Observation } from '../model/result.ts';
import type { ControllerState } from '../model/state.ts';
import { CONTROLLER_VARS, encodeControllerState, encodeObservation } from './controllerVars.ts';
import { encodePicks } from './eventCodec.ts';

/** One step of a controller run: the event, what it observed, the (abstract) state after it. */
export interface ControllerTraceStep {
  readonly event: ControllerEvent;
  readonly obs: Observation;
  readonly state: ControllerState;
}

export interface ControllerTraceArgs extends TraceProvenance<Config> {
  readonly initial: ControllerState;
  readonly steps: readonly ControllerTraceStep[];
}

/** The trace of a controller run, ready for `writeTrace`. */
export function controllerTrace(args: ControllerTraceArgs): Trace {
  const { cfg, initial, steps, ...rest } = args;
  const meta: TraceMeta = { protocol: 'controller', ...rest, config: configToJson(cfg) };
  return {
    meta,
    vars: CONTROLLER_VARS,
    states: [
      {
        action: INIT_ACTION,
        picks: itf.record([]),
        obs: encodeObservation(null),
        vars: encodeControllerState(cfg, initial),
      },
      ...steps.map((s) => ({
        action: s.event.type,
        picks: encodePicks(s.event),
        obs: encodeObservation(s.obs),
        vars: encodeControllerState(cfg, s.state),
      })),
    ],
  };
}
