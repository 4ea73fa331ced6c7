/**
 * Coverage of the controller protocol: every event kind, and every transition branch of the
 * controller statechart (CONTROLLER_TRANSITIONS: the machine's one state, `running`, and each
 * `event [guard] / action` branch), found by evaluating the machine's named guards on the model
 * state before the step, in the machine's order.
 */

import { Coverage, type CoverageRow } from '../../../engine/coverage/coverage.ts';
import type { Config } from '../model/config/config.ts';
import { type Operation, toOperation } from '../model/decode.ts';
import { CONTROLLER_EVENT_TYPES, type ControllerEvent } from '../model/events.ts';
import * as G from '../model/guards.ts';
import { CONTROLLER_TRANSITIONS, type MachineGuardName } from '../model/machineTransitions.ts';
import type { ControllerState } from '../model/state.ts';

type OpGuard = (cfg: Config, s: ControllerState, op: Operation) => boolean;

/** Each guard of the machine over a decoded operation (false for an operation it does not judge). */
const GUARDS: Readonly<Record<MachineGuardName, OpGuard>> = {
  badAccess: (_cfg, _s, op) => op.type === 'BadAccess',
  queueFull: (cfg, s, op) =>
    (op.type === 'Enqueue' || op.type === 'IrqRegister' || op.type === 'IpcRegister') &&
    G.queueFull(cfg, s, op),
  irqPendingPositive: (cfg, s, op) => op.type === 'IrqRegister' && G.irqPendingPositive(cfg, s, op),
  irqWaitFull: (cfg, s, op) => op.type === 'IrqRegister' && G.irqWaitFull(cfg, s, op),
  ipcPendingPositive: (cfg, s, op) => op.type === 'IpcRegister' && G.ipcPendingPositive(cfg, s, op),
  ipcWaitFull: (cfg, s, op) => op.type === 'IpcRegister' && G.ipcWaitFull(cfg, s, op),
  irqHasWaiter: (cfg, s, op) => op.type === 'Irq' && G.irqHasWaiter(cfg, s, op),
  irqPendingSaturated: (cfg, s, op) => op.type === 'Irq' && G.irqPendingSaturated(cfg, s, op),
  ipcHasWaiter: (cfg, s, op) => op.type === 'IpcSend' && G.ipcHasWaiter(cfg, s, op),
  ipcPendingSaturated: (cfg, s, op) => op.type === 'IpcSend' && G.ipcPendingSaturated(cfg, s, op),
};

/** The rows: event kinds, the state, then every branch of every event type in machine order. */
const ROWS: readonly CoverageRow[] = [
  ...CONTROLLER_EVENT_TYPES.map((name) => ({ group: 'event', name })),
  { group: 'state', name: 'running' },
  ...CONTROLLER_EVENT_TYPES.flatMap((type) =>
    CONTROLLER_TRANSITIONS[type].map((b) => ({
      group: 'transition',
      name: 'guard' in b ? `${type} [${b.guard}] / ${b.actions}` : `${type} / ${b.actions}`,
    })),
  ),
];

const STATE_ROW = CONTROLLER_EVENT_TYPES.length;
/** Index of the first branch row of each event type. */
const BRANCH_BASE = new Map<string, number>();
{
  let at = STATE_ROW + 1;
  for (const type of CONTROLLER_EVENT_TYPES) {
    BRANCH_BASE.set(type, at);
    at += CONTROLLER_TRANSITIONS[type].length;
  }
}
const EVENT_ROW = new Map<string, number>(CONTROLLER_EVENT_TYPES.map((t, i) => [t, i]));

/** Fresh counters for a controller check. */
export function controllerCoverage(): Coverage {
  return new Coverage(ROWS);
}

function bump(cov: Coverage, row: number): void {
  cov.counts[row] = (cov.counts[row] ?? 0) + 1;
}

/** Counts `e` taken from model state `s`: its kind, the state, and the branch the machine takes. */
export function countControllerStep(
  cov: Coverage,
  cfg: Config,
  s: ControllerState,
  e: ControllerEvent,
): void {
  bump(cov, EVENT_ROW.get(e.type) ?? 0);
  bump(cov, STATE_ROW);
  const op = toOperation(cfg, e);
  const base = BRANCH_BASE.get(e.type) ?? 0;
  if (op.type === 'BadAccess') {
    bump(cov, base);
    return;
  }
  if (e.type === 'Read' || e.type === 'Write') bump(cov, base + 1); // raiseOperation, then the operation's branch
  const branches = CONTROLLER_TRANSITIONS[op.type];
  const opBase = BRANCH_BASE.get(op.type) ?? 0;
  for (let i = 1; i < branches.length; i++) {
    const b = branches[i];
    if (b === undefined) continue;
    if (!('guard' in b) || GUARDS[b.guard](cfg, s, op)) {
      bump(cov, opBase + i);
      return;
    }
  }
}
