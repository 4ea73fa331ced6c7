/**
 * Builds the trace of one controller run (a storm's shrunk counterexample, an explorer path, or
 * a replay): state 0 is the initial state, then one state per event with the state after it; for
 * a design that shows its own state (TAIC), that state too, beside abs().
 */

import { type ItfValue, itf } from '../../../traces/itfValue.ts';
import type { Trace, TraceMeta, TraceProvenance } from '../../../traces/trace.ts';
import { INIT_ACTION } from '../../../traces/trace.ts';
import type { DesignValue } from '../designs/device.ts';
import type { Config } from '../model/config/config.ts';
import { configToJson } from '../model/config/loadConfig.ts';
import type { ControllerEvent } from '../model/events.ts';
import type { Observation } from '../model/result.ts';
import type { ControllerState } from '../model/state.ts';
import {
  CONTROLLER_VARS,
  DESIGN_VAR,
  encodeControllerState,
  encodeDesignValue,
  encodeObservation,
} from './controllerVars.ts';
import { encodePicks } from './eventCodec.ts';

/** One step of a controller run: the event, what it observed, the (abstract) state after it. */
export interface ControllerTraceStep {
  readonly event: ControllerEvent;
  readonly obs: Observation;
  readonly state: ControllerState;
  /** The design's own state after the step, for a design that shows it. */
  readonly design?: DesignValue;
}

export interface ControllerTraceArgs extends TraceProvenance<Config> {
  readonly initial: ControllerState;
  /** The design's own state at reset; given, every state of the trace shows `intcheck::design`. */
  readonly initialDesign?: DesignValue | undefined;
  readonly steps: readonly ControllerTraceStep[];
}

/** The state variables of one ITF state: abs(), and the design's own state when the trace shows it. */
function varsOf(
  cfg: Config,
  state: ControllerState,
  design: DesignValue | undefined,
  shown: boolean,
): [string, ItfValue][] {
  const vars = encodeControllerState(cfg, state);
  if (!shown) return vars;
  if (design === undefined) throw new Error('controllerTrace: a step without the design state it shows');
  return [...vars, [DESIGN_VAR, encodeDesignValue(design)]];
}

/** The trace of a controller run, ready for `writeTrace`. */
export function controllerTrace(args: ControllerTraceArgs): Trace {
  const { cfg, initial, initialDesign, steps, ...rest } = args;
  const meta: TraceMeta = { protocol: 'controller', ...rest, config: configToJson(cfg) };
  const shown = initialDesign !== undefined;
  return {
    meta,
    vars: shown ? [...CONTROLLER_VARS, DESIGN_VAR] : CONTROLLER_VARS,
    states: [
      {
        action: INIT_ACTION,
        picks: itf.record([]),
        obs: encodeObservation(null),
        vars: varsOf(cfg, initial, initialDesign, shown),
      },
      ...steps.map((s) => ({
        action: s.event.type,
        picks: encodePicks(s.event),
        obs: encodeObservation(s.obs),
        vars: varsOf(cfg, s.state, s.design, shown),
      })),
    ],
  };
}
