/**
 * Builds the trace of one run of a system over the controller (the wakeup system, the syscall
 * system): state 0 is the system after start-up, then one state per recorded step (accepted
 * storm events, the failing one, and the drain's steps marked `drain`). What differs between the
 * systems is only the codec: the protocol's name, its state variables and how its states and
 * events are encoded ({@link SystemTraceCodec}).
 */

import type { ItfValue } from '../../../traces/itfValue.ts';
import { itf } from '../../../traces/itfValue.ts';
import type { Trace, TraceMeta, TraceProvenance, TraceState } from '../../../traces/trace.ts';
import { INIT_ACTION } from '../../../traces/trace.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { configToJson } from '../../controller/model/config/loadConfig.ts';
import type { Observation } from '../../controller/model/result.ts';
import { encodeObservation } from '../../controller/trace/controllerVars.ts';
import type { RunPhase } from '../properties/context.ts';

/** How one system's states and events become ITF. */
export interface SystemTraceCodec<S, E extends { readonly type: string }> {
  readonly protocol: 'wakeup' | 'syscall';
  /** The state variable names, in the order `encodeState` gives them. */
  readonly vars: readonly string[];
  readonly encodeState: (cfg: Config, s: S) => [string, ItfValue][];
  readonly encodePicks: (e: E) => ItfValue;
}

/** One recorded step, as both systems' runners record it. */
export interface SystemRecordedStep<S, E> {
  readonly phase: RunPhase;
  readonly event: E;
  readonly outcome:
    | { readonly kind: 'accepted'; readonly obs: Observation | null }
    | { readonly kind: 'rejected'; readonly reason: string };
  readonly state: S;
}

export interface SystemTraceArgs<S, E> extends TraceProvenance<Config> {
  readonly initial: S;
  /** The recorded steps; `failingStep` counts storm events first, then drain steps. */
  readonly steps: readonly SystemRecordedStep<S, E>[];
}

/** The trace of a run of the system `codec` encodes, ready for `writeTrace`. */
export function systemTrace<S, E extends { readonly type: string }>(
  codec: SystemTraceCodec<S, E>,
  args: SystemTraceArgs<S, E>,
): Trace {
  const { cfg, initial, steps, ...rest } = args;
  const meta: TraceMeta = { protocol: codec.protocol, ...rest, config: configToJson(cfg) };
  const init: TraceState = {
    action: INIT_ACTION,
    picks: itf.record([]),
    obs: encodeObservation(null),
    vars: codec.encodeState(cfg, initial),
  };
  return {
    meta,
    vars: codec.vars,
    states: [
      init,
      ...steps.map((r): TraceState => {
        const obs =
          r.outcome.kind === 'accepted'
            ? encodeObservation(r.outcome.obs)
            : itf.variant('rejected', itf.str(r.outcome.reason));
        const state = {
          action: r.event.type,
          picks: codec.encodePicks(r.event),
          obs,
          vars: codec.encodeState(cfg, r.state),
        };
        return r.phase === 'drain' ? { ...state, phase: 'drain' as const } : state;
      }),
    ],
  };
}
