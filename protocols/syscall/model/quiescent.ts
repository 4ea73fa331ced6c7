/**
 * Quiescence of the syscall system (the end of the §6 drain): no task is ready in the
 * controller, and no coroutine is on a hart or owes one a step (no caller filling, submitted,
 * woken or reading; no dispatcher running or returning). Callers still awaiting a reply may be
 * left: `everyRequestAnswered` judges them.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { SyscallState } from './state.ts';

export function syscallQuiescent(_cfg: Config, s: SyscallState): boolean {
  for (const q of s.ctrl.ready) if (q.length > 0) return false;
  for (const a of s.agents) {
    if (a.phase !== 'idle' && a.phase !== 'awaiting' && a.phase !== 'waiting') return false;
  }
  return true;
}
