/**
 * Builds the trace of one syscall run (systemTrace.ts with the syscall codec): state 0 is the
 * system after start-up, then one state per recorded step (accepted storm events, the failing
 * one, and the drain's steps marked `drain`).
 */

import type { Trace } from '../../../traces/trace.ts';
import { type SystemTraceArgs, type SystemTraceCodec, systemTrace } from '../../wakeup/trace/systemTrace.ts';
import type { SyscallEvent } from '../model/events.ts';
import type { SyscallState } from '../model/state.ts';
import { encodeSyscallPicks, encodeSyscallState, SYSCALL_VARS } from './syscallCodec.ts';

export type SyscallTraceArgs = SystemTraceArgs<SyscallState, SyscallEvent>;

const SYSCALL_TRACE: SystemTraceCodec<SyscallState, SyscallEvent> = {
  protocol: 'syscall',
  vars: SYSCALL_VARS,
  encodeState: encodeSyscallState,
  encodePicks: encodeSyscallPicks,
};

/** The trace of a syscall run, ready for `writeTrace`. */
export function syscallTrace(args: SyscallTraceArgs): Trace {
  return systemTrace(SYSCALL_TRACE, args);
}
