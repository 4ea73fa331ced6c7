/**
 * The text a person reads after `intcheck replay`: the replay report of the trace's protocol
 * (each one's is in protocols/<name>/replay/).
 */
import { formatControllerReplay } from '../protocols/controller/replay/formatControllerReplay.ts';
import { formatSyscallReplay } from '../protocols/syscall/replay/formatSyscallReplay.ts';
import { formatUipiReplay } from '../protocols/uipi/replay/formatUipiReplay.ts';
import { formatWakeupReplay } from '../protocols/wakeup/replay/formatWakeupReplay.ts';
import type { ParsedTrace } from '../traces/readTrace.ts';
import type { ReplayResult } from './replay.ts';

/** The whole replay report, lines joined with "\n" (no final newline). */
export function formatReplay(result: ReplayResult, parsed: ParsedTrace): string {
  if (result.protocol === 'syscall') return formatSyscallReplay(result, parsed);
  if (result.protocol === 'uipi') return formatUipiReplay(result, parsed);
  if (parsed.protocol === 'uipi')
    throw new Error('formatReplay: a UIPI trace with another protocol’s result');
  return result.protocol === 'wakeup'
    ? formatWakeupReplay(result, parsed)
    : formatControllerReplay(result, parsed);
}
