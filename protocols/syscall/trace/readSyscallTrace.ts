/**
 * A syscall-system trace read for replay: the storm's events (drain steps are replayed by the
 * runner, not read), with every recorded variable checked as the wakeup system's are.
 */
import { within } from '../../../model/TraceError.ts';
import { type ItfTrace, type ParsedMeta, stormEvents } from '../../../traces/itfTrace.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { traceConfig } from '../../controller/trace/readControllerTrace.ts';
import { checkSystemVars } from '../../wakeup/trace/readWakeupTrace.ts';
import { initialSyscall } from '../model/boot.ts';
import type { SyscallEvent } from '../model/events.ts';
import { decodeSyscallEvent, encodeSyscallState } from './syscallCodec.ts';

/** A syscall-system trace ready for replay. */
export interface ParsedSyscallTrace {
  readonly file: string;
  readonly meta: ParsedMeta;
  readonly protocol: 'syscall';
  readonly config: Config;
  readonly implementation: string;
  readonly events: readonly SyscallEvent[];
}

/** The syscall trace `itf` (read with `config` in place of `#meta.config` when given). */
export function readSyscallTrace(itf: ItfTrace, config?: Config): ParsedSyscallTrace {
  const cfg = config ?? traceConfig(itf);
  return within(itf.file, () => {
    checkSystemVars(itf, cfg, encodeSyscallState(cfg, initialSyscall(cfg)));
    const events = stormEvents(itf, (action, picks) => decodeSyscallEvent(cfg, action, picks));
    return {
      file: itf.file,
      meta: itf.meta,
      protocol: 'syscall',
      config: cfg,
      implementation: itf.implementation,
      events,
    };
  });
}
