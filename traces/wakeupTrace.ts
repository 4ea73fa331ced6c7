/**
 * Builds the trace of one wakeup-system run: state 0 is the initial system, then one state per
 * recorded step (accepted storm events, the failing one, and the drain's steps marked `drain`).
 */
import type { SystemState } from '../model/wakeup/state.ts';
import type { WakeupRecordedStep } from '../properties/runWakeup.ts';
import { encodeObservation } from './controllerVars.ts';
import { INIT_ACTION } from './eventCodec.ts';
import { itf } from './itfValue.ts';
import type { Trace, TraceMeta, TraceProvenance, TraceState } from './trace.ts';
import { encodeSystemPicks, encodeSystemState, WAKEUP_VARS } from './wakeupCodec.ts';

export interface WakeupTraceArgs extends TraceProvenance {
  readonly initial: SystemState;
  /** The recorded steps; `failingStep` counts storm events first, then drain steps. */
  readonly steps: readonly WakeupRecordedStep[];
}

/** The trace of a wakeup run, ready for `writeTrace`. */
export function wakeupTrace(args: WakeupTraceArgs): Trace {
  const { cfg, initial, steps, ...rest } = args;
  const meta: TraceMeta = { protocol: 'wakeup', ...rest, config: cfg };
  const init: TraceState = {
    action: INIT_ACTION,
    picks: itf.record([]),
    obs: encodeObservation(null),
    vars: encodeSystemState(cfg, initial),
  };
  return {
    meta,
    vars: WAKEUP_VARS,
    states: [
      init,
      ...steps.map((r): TraceState => {
        const obs =
          r.outcome.kind === 'accepted'
            ? encodeObservation(r.outcome.obs)
            : itf.variant('rejected', itf.str(r.outcome.reason));
        const state = {
          action: r.event.type,
          picks: encodeSystemPicks(r.event),
          obs,
          vars: encodeSystemState(cfg, r.state),
        };
        return r.phase === 'drain' ? { ...state, phase: 'drain' } : state;
      }),
    ],
  };
}
