/**
 * Coverage of the UIPI protocol: every UIPI event kind accepted and refused, and the statechart
 * states of its receiver regions — each receiver phase, counted once per receiver per accepted
 * step spent in it — plus what each CPU was doing (idle, running a receiver, between processing
 * steps a and b), counted once per CPU per accepted step.
 */

import { Coverage, type CoverageRow } from '../../../engine/coverage/coverage.ts';
import { UIPI_EVENT_TYPES, type UipiEvent } from '../model/events.ts';
import { RECEIVER_PHASES, type UipiState } from '../model/state.ts';

const CPU_STATES = ['idle', 'running', 'processing'] as const;

const ROWS: readonly CoverageRow[] = [
  ...UIPI_EVENT_TYPES.map((name) => ({ group: 'event', name })),
  ...UIPI_EVENT_TYPES.map((name) => ({ group: 'event refused', name })),
  ...RECEIVER_PHASES.map((name) => ({ group: 'receiver state', name })),
  ...CPU_STATES.map((name) => ({ group: 'cpu state', name })),
];

const N = UIPI_EVENT_TYPES.length;
const EVENT_ROW = new Map<string, number>(UIPI_EVENT_TYPES.map((t, i) => [t, i]));
const PHASE_ROW = new Map<string, number>(RECEIVER_PHASES.map((p, i) => [p, 2 * N + i]));
const CPU_ROW = 2 * N + RECEIVER_PHASES.length;

/** Fresh counters for a UIPI check. */
export function uipiCoverage(): Coverage {
  return new Coverage(ROWS);
}

function bump(cov: Coverage, row: number | undefined): void {
  if (row !== undefined) cov.counts[row] = (cov.counts[row] ?? 0) + 1;
}

/** Counts step `e`, accepted or refused, and the state `after` it. */
export function countUipiStep(cov: Coverage, e: UipiEvent, accepted: boolean, after: UipiState): void {
  const row = EVENT_ROW.get(e.type) ?? 0;
  if (!accepted) {
    bump(cov, N + row);
    return;
  }
  bump(cov, row);
  for (const rc of after.receivers) bump(cov, PHASE_ROW.get(rc.phase));
  for (const c of after.cpus) bump(cov, CPU_ROW + (c.processing ? 2 : c.cur >= 0 ? 1 : 0));
}
