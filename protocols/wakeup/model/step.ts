/**
 * The wakeup system's pure transition function: one device interrupt, one kernel step or one
 * step of one hart's executor. Each MMIO access is one step (through the controller model's
 * `step`); the software steps between accesses are steps of their own. An event the state does
 * not enable is rejected with a reason and changes nothing. The guards are checked in a fixed
 * order (indices, then phase, then the rest), so the reason is deterministic. The XState machine
 * in `machine.ts` is the same decision tree over the same named guards and actions.
 */

import { assertNever } from '../../../model/assertNever.ts';
import type { Config } from '../../controller/model/config/config.ts';
import * as A from './actions.ts';
import type { SystemEvent } from './events.ts';
import * as G from './guards.ts';
import { rejected, type SystemStepResult } from './result.ts';
import type { SystemState } from './state.ts';

export function step(cfg: Config, s: SystemState, e: SystemEvent): SystemStepResult {
  switch (e.type) {
    case 'Irq':
      return G.lineExists(cfg, s, e) ? A.interrupt(cfg, s, e) : rejected('outOfRange');
    case 'StatusWrite':
      if (!G.processExists(cfg, s, e)) return rejected('outOfRange');
      if (!G.statusChanges(cfg, s, e)) return rejected('statusUnchanged');
      return G.noHartLeftOn(cfg, s, e) ? A.writeStatus(cfg, s, e) : rejected('hartOnProcess');
    case 'Spawn':
      if (!G.spawnInRange(cfg, s, e)) return rejected('outOfRange');
      if (!G.poolHasFreeId(cfg, s)) return rejected('poolExhausted');
      return G.spawnFits(cfg, s, e) ? A.spawn(cfg, s, e) : rejected('processFull');
    case 'HartSwitch':
      if (!G.hartExists(cfg, s, e)) return rejected('outOfRange');
      if (!G.hartHoldsNoTask(cfg, s, e)) return rejected('wrongPhase');
      return G.switchTargetRunnable(cfg, s, e) ? A.switchHart(cfg, s, e) : rejected('targetNotRunnable');
    case 'HartPark':
      if (!G.hartExists(cfg, s, e)) return rejected('outOfRange');
      return G.hartFetching(cfg, s, e) ? A.parkHart(cfg, s, e) : rejected('wrongPhase');
    case 'HartFetch':
      if (!G.hartExists(cfg, s, e)) return rejected('outOfRange');
      return G.hartFetching(cfg, s, e) ? A.fetch(cfg, s, e) : rejected('wrongPhase');
    case 'HartPoll':
      if (!G.hartExists(cfg, s, e)) return rejected('outOfRange');
      if (!G.hartRunning(cfg, s, e)) return rejected('wrongPhase');
      if (!G.outcomeAllowed(cfg, s, e)) return rejected('outcomeNotAllowed');
      switch (e.outcome.kind) {
        case 'yield':
          return A.pollYield(cfg, s, e);
        case 'block':
          return A.pollBlock(cfg, s, e);
        case 'handled':
          return A.pollHandled(cfg, s, e);
        case 'finish':
          return A.pollFinish(cfg, s, e);
        default:
          return assertNever(e.outcome, 'poll outcome');
      }
    case 'HartReturn':
      if (!G.hartExists(cfg, s, e)) return rejected('outOfRange');
      if (!G.hartReturning(cfg, s, e)) return rejected('wrongPhase');
      return G.returnEnqueues(cfg, s, e) ? A.returnEnqueue(cfg, s, e) : A.returnRegister(cfg, s, e);
    default:
      return assertNever(e, 'system event');
  }
}
