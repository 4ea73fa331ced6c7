/**
 * Builds the trace of one UIPI run: state 0 is the start state, then one state per recorded step
 * (storm events, rejected ones marked in `intcheck::obs`, and the drain's steps marked `drain`).
 */

import { itf } from '../../../traces/itfValue.ts';
import type { Trace, TraceMeta, TraceProvenance, TraceState } from '../../../traces/trace.ts';
import { INIT_ACTION } from '../../../traces/trace.ts';
import type { UipiRecordedStep } from '../engine/runUipi.ts';
import type { UipiConfig } from '../model/config.ts';
import { uipiConfigToJson } from '../model/loadUipiConfig.ts';
import type { UipiState } from '../model/state.ts';
import { encodeUipiPicks, encodeUipiState, UIPI_VARS } from './uipiCodec.ts';

export interface UipiTraceArgs extends TraceProvenance<UipiConfig> {
  readonly initial: UipiState;
  readonly steps: readonly UipiRecordedStep[];
}

/** The trace of a UIPI run, ready for `writeTrace`. */
export function uipiTrace(args: UipiTraceArgs): Trace {
  const { cfg, initial, steps, ...rest } = args;
  const meta: TraceMeta = { protocol: 'uipi', ...rest, config: uipiConfigToJson(cfg) };
  const init: TraceState = {
    action: INIT_ACTION,
    picks: itf.record([]),
    obs: itf.variant('ack'),
    vars: encodeUipiState(initial),
  };
  return {
    meta,
    vars: UIPI_VARS,
    states: [
      init,
      ...steps.map((r): TraceState => {
        const state = {
          action: r.event.type,
          picks: encodeUipiPicks(r.event),
          obs: r.accepted ? itf.variant('ack') : itf.variant('rejected'),
          vars: encodeUipiState(r.state),
        };
        return r.phase === 'drain' ? { ...state, phase: 'drain' } : state;
      }),
    ],
  };
}
