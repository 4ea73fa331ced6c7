/**
 * offlineRetention (spec/controller.md §6, S8): wakes and sends for an offline process are kept
 * and served when it is online again. Per step: an IPC_SEND to an offline process wakes one of
 * its handlers into its ready queue, or counts in its pending counter, or reports
 * PENDING_OVERFLOW; an ENQUEUE (a reply dispatcher's wake) into an offline process lands in its
 * ready queue. Serving them once online is `everyRequestAnswered`'s drain.
 */
import type { Config } from '../../controller/model/config/config.ts';
import { ERR } from '../../controller/model/registers.ts';
import type { ControllerState } from '../../controller/model/state.ts';
import type { SyscallStepProperty } from './context.ts';

function readyCount(cfg: Config, c: ControllerState, p: number): number {
  let n = 0;
  for (let k = 0; k < cfg.priorities; k++) n += c.ready[p * cfg.priorities + k]?.length ?? 0;
  return n;
}

export const offlineRetention: SyscallStepProperty = {
  id: 'offlineRetention',
  protocol: 'syscall',
  kind: 'step',
  on: 'syscallStep',
  judgesRejected: false,
  spec: 'controller.md §6 IPC',
  description: 'Wakes and sends for an offline process are kept (and served when it is online again).',
  check(ctx) {
    const { cfg, outcome, before, after } = ctx;
    if (outcome.kind !== 'accepted' || outcome.access === null) return null;
    const a = outcome.access;
    const b = before.ctrl;
    const c = after.ctrl;
    if (a.type === 'IpcSend' && b.online[a.target] === false) {
      const i = a.target * cfg.ipcTypes + a.ipcType;
      const woke = readyCount(cfg, c, a.target) > readyCount(cfg, b, a.target);
      const counted = (c.ipcPending[i] ?? 0) > (b.ipcPending[i] ?? 0);
      const reported = (c.error & ERR.PENDING_OVERFLOW) !== 0;
      if (!woke && !counted && !reported)
        return `IPC_SEND of type ${a.ipcType} to offline process ${a.target} was dropped: no handler woken, ipcPending[${a.target}][${a.ipcType}] stayed ${b.ipcPending[i] ?? 0}, no PENDING_OVERFLOW`;
    }
    if (a.type === 'Enqueue' && b.online[a.p] === false && readyCount(cfg, c, a.p) <= readyCount(cfg, b, a.p))
      return `the wake of task 0x${a.task.toString(16)} into offline process ${a.p} was dropped`;
    return null;
  },
};
