/** Replay of a syscall-system trace: the storm's events re-run, then the §6 drain, judged afresh. */
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { runSyscall, type SyscallRunResult } from '../engine/runSyscall.ts';
import type { ParsedSyscallTrace } from '../trace/readSyscallTrace.ts';

/** The run's verdict and recording, and the implementation it ran against. */
export type SyscallReplay = SyscallRunResult & {
  readonly protocol: 'syscall';
  readonly implementation: string;
};

/** Re-runs `parsed` on `impl` (a design, a controller mutant or a syscall mutant) with its default properties. */
export function replaySyscallTrace(parsed: ParsedSyscallTrace, impl: ControllerImpl): SyscallReplay {
  const run = runSyscall(parsed.config, impl, parsed.events, { record: true });
  return { ...run, protocol: 'syscall', implementation: impl.name };
}
