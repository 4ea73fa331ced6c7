/**
 * Builds the trace of one syscall run: state 0 is the system after start-up, then one state per
 * recorded step (accepted storm events, the failing one, and the drain's steps marked `drain`).
 */
import type { SyscallState } from '../model/syscall/state.ts';
import type { SyscallRecordedStep } from '../properties/runSyscall.ts';
import { encodeObservation } from './controllerVars.ts';
import { INIT_ACTION } from './eventCodec.ts';
import { itf } from './itfValue.ts';
import { encodeSyscallPicks, encodeSyscallState, SYSCALL_VARS } from './syscallCodec.ts';
import type { Trace, TraceMeta, TraceProvenance, TraceState } from './trace.ts';

export interface SyscallTraceArgs extends TraceProvenance {
  readonly initial: SyscallState;
  readonly steps: readonly SyscallRecordedStep[];
}

/** The trace of a syscall run, ready for `writeTrace`. */
export function syscallTrace(args: SyscallTraceArgs): Trace {
  const { cfg, initial, steps, ...rest } = args;
  const meta: TraceMeta = { protocol: 'syscall', ...rest, config: cfg };
  const init: TraceState = {
    action: INIT_ACTION,
    picks: itf.record([]),
    obs: encodeObservation(null),
    vars: encodeSyscallState(cfg, initial),
  };
  return {
    meta,
    vars: SYSCALL_VARS,
    states: [
      init,
      ...steps.map((r): TraceState => {
        const obs =
          r.outcome.kind === 'accepted'
            ? encodeObservation(r.outcome.obs)
            : itf.variant('rejected', itf.str(r.outcome.reason));
        const state = {
          action: r.event.type,
          picks: encodeSyscallPicks(r.event),
          obs,
          vars: encodeSyscallState(cfg, r.state),
        };
        return r.phase === 'drain' ? { ...state, phase: 'drain' as const } : state;
      }),
    ],
  };
}
