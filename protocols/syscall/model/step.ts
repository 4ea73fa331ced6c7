/**
 * The syscall system's pure transition function. An event the state does not enable is
 * rejected with a reason and changes nothing; the guards are checked in a fixed order (indices,
 * role, phase, then the rest), so the reason is deterministic. The XState machine in machine.ts
 * is the same decision tree over the same named guards and actions.
 */

import { assertNever } from '../../../model/assertNever.ts';
import type { Config } from '../../controller/model/config/config.ts';
import * as A from './actions.ts';
import type { AgentEvent, SyscallEvent } from './events.ts';
import * as G from './guards.ts';
import type { AgentKind } from './layout.ts';
import { syscallRejected as no, type SyscallStepResult } from './result.ts';
import type { AgentPhase, SyscallState } from './state.ts';

/** The role and phase an agent event needs, or a rejection. */
function roleAndPhase(
  cfg: Config,
  s: SyscallState,
  e: AgentEvent,
  kinds: readonly AgentKind[],
  phase: AgentPhase,
): SyscallStepResult | null {
  if (!kinds.some((k) => G.agentIs(cfg, s, e, k))) return no('outOfRange');
  return G.inPhase(cfg, s, e, phase) ? null : no('wrongPhase');
}

const CALLER = ['caller'] as const;
const SERVICE = ['service'] as const;
const REPLY = ['reply'] as const;
const DISPATCHER = ['service', 'reply'] as const;

export function step(cfg: Config, s: SyscallState, e: SyscallEvent): SyscallStepResult {
  switch (e.type) {
    case 'StatusWrite':
      if (!G.processExists(cfg, s, e)) return no('outOfRange');
      if (!G.statusChanges(cfg, s, e)) return no('statusUnchanged');
      return G.processIdle(cfg, s, e) ? A.writeStatus(cfg, s, e) : no('processBusy');
    case 'Fetch':
      if (!G.processExists(cfg, s, e)) return no('outOfRange');
      return G.processOnline(cfg, s, e) ? A.fetch(cfg, s, e) : no('offline');
    case 'Call':
      return (
        roleAndPhase(cfg, s, e, CALLER, 'idle') ??
        (!G.targetServed(cfg, s, e)
          ? no('outOfRange')
          : !G.callerOnline(cfg, s, e)
            ? no('offline')
            : G.ringHasRoom(cfg, s, e)
              ? A.call(cfg, s, e)
              : no('ringFull'))
      );
    case 'Publish':
      return roleAndPhase(cfg, s, e, CALLER, 'filling') ?? A.publish(cfg, s, e);
    case 'Signal':
      return roleAndPhase(cfg, s, e, CALLER, 'submitted') ?? A.signal(cfg, s, e);
    case 'Read':
      return roleAndPhase(cfg, s, e, CALLER, 'reading') ?? A.read(cfg, s, e);
    case 'Take':
      return (
        roleAndPhase(cfg, s, e, SERVICE, 'running') ??
        (!G.holdsNothing(cfg, s, e)
          ? no('wrongPhase')
          : G.workToTake(cfg, s, e)
            ? A.take(cfg, s, e)
            : no('nothingToTake'))
      );
    case 'Complete':
      return (
        roleAndPhase(cfg, s, e, SERVICE, 'running') ??
        (G.holdsIn(cfg, s, e, 'TAKEN') ? A.complete(cfg, s, e) : no('wrongPhase'))
      );
    case 'Reply':
      return (
        roleAndPhase(cfg, s, e, SERVICE, 'running') ??
        (G.holdsIn(cfg, s, e, 'DONE') ? A.reply(cfg, s, e) : no('wrongPhase'))
      );
    case 'Wake':
      return (
        roleAndPhase(cfg, s, e, REPLY, 'running') ??
        (G.workToWake(cfg, s, e) ? A.wake(cfg, s, e) : no('nothingToWake'))
      );
    case 'Park':
      return (
        roleAndPhase(cfg, s, e, DISPATCHER, 'running') ??
        (G.noWorkLeft(cfg, s, e) ? A.park(cfg, s, e) : no('workLeft'))
      );
    case 'Return':
      return roleAndPhase(cfg, s, e, DISPATCHER, 'returning') ?? A.ret(cfg, s, e);
    default:
      return assertNever(e, 'syscall event');
  }
}
