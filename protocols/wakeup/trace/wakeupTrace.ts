/**
 * Builds the trace of one wakeup-system run (systemTrace.ts with the wakeup codec): state 0 is
 * the initial system, then one state per recorded step (accepted storm events, the failing one,
 * and the drain's steps marked `drain`).
 */

import type { Trace } from '../../../traces/trace.ts';
import type { SystemEvent } from '../model/events.ts';
import type { SystemState } from '../model/state.ts';
import { type SystemTraceArgs, type SystemTraceCodec, systemTrace } from './systemTrace.ts';
import { encodeSystemPicks, encodeSystemState, WAKEUP_VARS } from './wakeupCodec.ts';

export type WakeupTraceArgs = SystemTraceArgs<SystemState, SystemEvent>;

const WAKEUP_TRACE: SystemTraceCodec<SystemState, SystemEvent> = {
  protocol: 'wakeup',
  vars: WAKEUP_VARS,
  encodeState: encodeSystemState,
  encodePicks: encodeSystemPicks,
};

/** The trace of a wakeup run, ready for `writeTrace`. */
export function wakeupTrace(args: WakeupTraceArgs): Trace {
  return systemTrace(WAKEUP_TRACE, args);
}
