/**
 * Coverage of the wakeup protocol: every system event kind accepted and refused, every poll
 * outcome, and the statechart states of its regions — each hart phase and each task life,
 * counted once per hart (task) per accepted step spent in it.
 */

import { Coverage, type CoverageRow } from '../../../engine/coverage/coverage.ts';
import { SYSTEM_EVENT_TYPES, type SystemEvent } from '../model/events.ts';
import type { HartPhase, SystemState, TaskLife } from '../model/state.ts';

const HART_PHASES = [
  'idle',
  'fetch',
  'running',
  'returning',
  'wedged',
] as const satisfies readonly HartPhase[];
const TASK_LIVES = ['free', 'ready', 'running', 'blocked', 'done'] as const satisfies readonly TaskLife[];
const OUTCOMES = ['yield', 'block', 'handled', 'finish'] as const;

const ROWS: readonly CoverageRow[] = [
  ...SYSTEM_EVENT_TYPES.map((name) => ({ group: 'event', name })),
  ...SYSTEM_EVENT_TYPES.map((name) => ({ group: 'event refused', name })),
  ...OUTCOMES.map((name) => ({ group: 'poll outcome', name })),
  ...HART_PHASES.map((name) => ({ group: 'hart state', name })),
  ...TASK_LIVES.map((name) => ({ group: 'task state', name })),
];

const N = SYSTEM_EVENT_TYPES.length;
const EVENT_ROW = new Map<string, number>(SYSTEM_EVENT_TYPES.map((t, i) => [t, i]));
const OUTCOME_ROW = new Map<string, number>(OUTCOMES.map((o, i) => [o, 2 * N + i]));
const HART_ROW = new Map<string, number>(HART_PHASES.map((p, i) => [p, 2 * N + OUTCOMES.length + i]));
const TASK_ROW = new Map<string, number>(
  TASK_LIVES.map((l, i) => [l, 2 * N + OUTCOMES.length + HART_PHASES.length + i]),
);

/** Fresh counters for a wakeup check. */
export function wakeupCoverage(): Coverage {
  return new Coverage(ROWS);
}

function bump(cov: Coverage, row: number | undefined): void {
  if (row !== undefined) cov.counts[row] = (cov.counts[row] ?? 0) + 1;
}

/** Counts step `e`, accepted or refused, and the state `after` it. */
export function countWakeupStep(cov: Coverage, e: SystemEvent, accepted: boolean, after: SystemState): void {
  const row = EVENT_ROW.get(e.type) ?? 0;
  if (!accepted) {
    bump(cov, N + row);
    return;
  }
  bump(cov, row);
  if (e.type === 'HartPoll') bump(cov, OUTCOME_ROW.get(e.outcome.kind));
  for (const h of after.harts) bump(cov, HART_ROW.get(h.phase));
  for (const t of after.tasks) bump(cov, TASK_ROW.get(t.life));
}
