/**
 * everyRequestAnswered (spec/controller.md §6, bounded liveness, SL1/SL2): after the storm, the
 * §6 drain (protocols/syscall/model/drain.ts: no new requests, every process online, harts and dispatchers
 * in a fixed round-robin) reaches quiescence within `cfg.drainBound` steps, and then every
 * request has been answered and its caller resumed: no caller is left with a call outstanding.
 * (The reference runtime refuses no request with an error result: a full ring makes the caller
 * wait before it writes anything.)
 */
import { layoutOf } from '../model/layout.ts';
import type { SyscallLivenessProperty } from './context.ts';
import { callerSlot, describeAgent, describeSlot } from './words.ts';

export const everyRequestAnswered: SyscallLivenessProperty = {
  id: 'everyRequestAnswered',
  protocol: 'syscall',
  kind: 'liveness',
  on: 'syscallDrain',
  spec: 'controller.md §6 IPC',
  description:
    'After the storm the fair drain reaches quiescence within its bound with every request answered and its caller resumed.',
  check(ctx) {
    const { cfg, state, drain } = ctx;
    if (!drain.reachedQuiescence) {
      const busy = state.agents.findIndex(
        (x) => x.phase !== 'idle' && x.phase !== 'waiting' && x.phase !== 'awaiting',
      );
      const who = busy >= 0 ? `; ${describeAgent(cfg, state, busy)} cannot finish` : '';
      return drain.steps >= cfg.drainBound
        ? `the drain took its bound of ${cfg.drainBound} steps without reaching quiescence${who}`
        : `the drain stopped after ${drain.steps} steps without reaching quiescence${who}`;
    }
    const l = layoutOf(cfg);
    for (let a = 0; a < state.agents.length; a++) {
      const x = state.agents[a];
      if (l.agents[a]?.kind !== 'caller' || x === undefined || x.phase === 'idle') continue;
      const p = l.agents[a]?.p ?? 0;
      const q = callerSlot(cfg, state, a)?.target ?? 0;
      const pending = `ipcPending[${q}][0] = ${state.ctrl.ipcPending[q * cfg.ipcTypes] ?? 0}, ipcPending[${p}][1] = ${state.ctrl.ipcPending[p * cfg.ipcTypes + 1] ?? 0}`;
      return `at quiescence ${describeAgent(cfg, state, a)} was never answered: its slot holds ${describeSlot(cfg, callerSlot(cfg, state, a))} (${pending})`;
    }
    return null;
  },
};
