/**
 * Coverage of the syscall protocol: every syscall event kind accepted and refused, every reason
 * for a refusal, the statechart's agent regions — each phase of a caller, a service dispatcher
 * and a reply dispatcher (counted once per agent per accepted step spent in it) and each phase
 * change of the machine (a caller's Signal to `awaiting` or, its slot already DONE, to
 * `reading`) — and each slot state of the user processes' rings.
 */

import { Coverage, type CoverageRow } from '../../../engine/coverage/coverage.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { SYSCALL_EVENT_TYPES, type SyscallEvent } from '../model/events.ts';
import { type AgentKind, layoutOf } from '../model/layout.ts';
import type { SyscallRejectReason } from '../model/result.ts';
import type { AgentPhase, SlotState, SyscallState } from '../model/state.ts';

/** Every refusal reason (a record, so that a new reason must be added here). */
const REASONS: Readonly<Record<SyscallRejectReason, true>> = {
  outOfRange: true,
  statusUnchanged: true,
  processBusy: true,
  offline: true,
  wrongPhase: true,
  ringFull: true,
  nothingToTake: true,
  nothingToWake: true,
  workLeft: true,
};

/** The phases each role's region has, in the machine's order. */
const PHASES: Readonly<Record<AgentKind, readonly AgentPhase[]>> = {
  caller: ['idle', 'filling', 'submitted', 'awaiting', 'woken', 'reading'],
  service: ['waiting', 'running', 'returning'],
  reply: ['waiting', 'running', 'returning'],
};

/** The phase changes each role's region has (the machine's transitions between states). */
const MOVES: Readonly<Record<AgentKind, readonly (readonly [AgentPhase, AgentPhase])[]>> = {
  caller: [
    ['idle', 'filling'],
    ['filling', 'submitted'],
    ['submitted', 'awaiting'],
    ['submitted', 'reading'],
    ['awaiting', 'woken'],
    ['woken', 'reading'],
    ['reading', 'idle'],
  ],
  service: [
    ['waiting', 'running'],
    ['running', 'returning'],
    ['returning', 'waiting'],
  ],
  reply: [
    ['waiting', 'running'],
    ['running', 'returning'],
    ['returning', 'waiting'],
  ],
};

const KINDS = ['caller', 'service', 'reply'] as const satisfies readonly AgentKind[];
const SLOT_STATES = ['FREE', 'FILLING', 'SUBMITTED', 'TAKEN', 'DONE'] as const satisfies readonly SlotState[];

const ROWS: readonly CoverageRow[] = [
  ...SYSCALL_EVENT_TYPES.map((name) => ({ group: 'event', name })),
  ...SYSCALL_EVENT_TYPES.map((name) => ({ group: 'event refused', name })),
  ...Object.keys(REASONS).map((name) => ({ group: 'refusal', name })),
  ...KINDS.flatMap((k) => PHASES[k].map((p) => ({ group: 'agent state', name: `${k} ${p}` }))),
  ...KINDS.flatMap((k) =>
    MOVES[k].map(([a, b]) => ({ group: 'agent transition', name: `${k} ${a} → ${b}` })),
  ),
  ...SLOT_STATES.map((name) => ({ group: 'slot state', name })),
];

const ROW = new Map<string, number>(ROWS.map((r, i) => [`${r.group}/${r.name}`, i]));
const row = (group: string, name: string): number | undefined => ROW.get(`${group}/${name}`);
const EVENT_ROW = SYSCALL_EVENT_TYPES.map((t) => row('event', t));
const REFUSED_ROW = SYSCALL_EVENT_TYPES.map((t) => row('event refused', t));
const EVENT_INDEX = new Map<string, number>(SYSCALL_EVENT_TYPES.map((t, i) => [t, i]));
const REASON_ROW = new Map<string, number | undefined>(
  Object.keys(REASONS).map((r) => [r, row('refusal', r)]),
);
/** Per role, per phase: its row. */
const PHASE_ROW = new Map<AgentKind, Map<AgentPhase, number | undefined>>(
  KINDS.map((k) => [k, new Map(PHASES[k].map((p) => [p, row('agent state', `${k} ${p}`)]))]),
);
/** Per role, per phase left, per phase entered: its row. */
const MOVE_ROW = new Map<AgentKind, Map<AgentPhase, Map<AgentPhase, number | undefined>>>(
  KINDS.map((k) => {
    const from = new Map<AgentPhase, Map<AgentPhase, number | undefined>>();
    for (const [x, y] of MOVES[k]) {
      const to = from.get(x) ?? new Map<AgentPhase, number | undefined>();
      to.set(y, row('agent transition', `${k} ${x} → ${y}`));
      from.set(x, to);
    }
    return [k, from];
  }),
);
const SLOT_ROW = new Map<string, number | undefined>(SLOT_STATES.map((s) => [s, row('slot state', s)]));

/** Fresh counters for a syscall check. */
export function syscallCoverage(): Coverage {
  return new Coverage(ROWS);
}

function bump(cov: Coverage, at: number | undefined): void {
  if (at !== undefined) cov.counts[at] = (cov.counts[at] ?? 0) + 1;
}

/**
 * Counts step `e` from `before`: refused (its kind and reason), or accepted (its kind, every
 * agent's phase after it and the phase changes it made, every user ring slot's state after it).
 */
export function countSyscallStep(
  cov: Coverage,
  cfg: Config,
  e: SyscallEvent,
  before: SyscallState,
  refused: SyscallRejectReason | undefined,
  after: SyscallState,
): void {
  const i = EVENT_INDEX.get(e.type) ?? 0;
  if (refused !== undefined) {
    bump(cov, REFUSED_ROW[i]);
    bump(cov, REASON_ROW.get(refused));
    return;
  }
  bump(cov, EVENT_ROW[i]);
  const l = layoutOf(cfg);
  after.agents.forEach((x, a) => {
    const kind = l.agents[a]?.kind;
    if (kind === undefined) return;
    bump(cov, PHASE_ROW.get(kind)?.get(x.phase));
    const was = before.agents[a]?.phase;
    if (was !== undefined && was !== x.phase) bump(cov, MOVE_ROW.get(kind)?.get(was)?.get(x.phase));
  });
  after.rings.forEach((r, p) => {
    if ((l.callers[p]?.length ?? 0) === 0) return; // the kernel's ring is never used
    for (const s of r.slots) bump(cov, SLOT_ROW.get(s.state));
  });
}
