/**
 * The §6 drain of the syscall system (spec/controller.md §6 `everyRequestAnswered`, "same
 * drain"): after the storm, no new requests (no `Call`, no STATUS 0); every process brought
 * online (one STATUS write each); then a fixed round-robin over the units — each process's hart
 * (a `Fetch` when the process has a ready task), then each agent — giving each unit its next step,
 * until quiescence or `cfg.drainBound` steps. A unit's step is the first of its candidates that
 * the subject accepts (decisions where the spec is silent):
 * - a caller finishes what it is doing: Publish, Signal, Read;
 * - a running service dispatcher: Complete, Reply, Take, else Park; a running reply dispatcher:
 *   Wake, else Park; a returning dispatcher: Return.
 * A whole round with no step accepted ends the drain without quiescence. The policy runs on any
 * {@link SyscallDrainSubject}: the model or an executable runtime, drained identically.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { SyscallEvent } from './events.ts';
import { layoutOf } from './layout.ts';
import { syscallQuiescent } from './quiescent.ts';
import type { SyscallState } from './state.ts';
import { step } from './step.ts';

/** A system the drain can step: its (abstract) state and a way to apply an event. */
export interface SyscallDrainSubject {
  state(): SyscallState;
  /** Applies `e`; true when it was accepted. */
  apply(e: SyscallEvent): boolean;
  /**
   * Optional: told the policy's position before each unit's turn once the processes are online
   * (whose turn it is and the steps taken; the state is neither quiescent nor at the bound).
   * Returning true stops the drain there, reported as not reaching quiescence: a checker that
   * knows the continuation from this position (the explorer's memo of earlier drains) skips the
   * rest. The turns passed without a step are not part of the position: from a state and a turn,
   * the next accepted step is the same whatever the turns before it (a drain stops idle only
   * when no unit at all can step).
   */
  at?(turn: number, steps: number): boolean;
}

export interface SyscallDrainOutcome {
  /** Events applied (accepted) by the drain. */
  readonly steps: number;
  readonly events: readonly SyscallEvent[];
  readonly reachedQuiescence: boolean;
}

/** The candidate steps of unit u (processes first, then agents) in `s`, in the order the drain tries them. */
export function drainCandidates(cfg: Config, s: SyscallState, u: number): SyscallEvent[] {
  if (u < cfg.processes) {
    const from = u * cfg.priorities;
    for (let k = 0; k < cfg.priorities; k++) {
      if ((s.ctrl.ready[from + k]?.length ?? 0) > 0) return [{ type: 'Fetch', p: u }];
    }
    return [];
  }
  const a = u - cfg.processes;
  const kind = layoutOf(cfg).agents[a]?.kind;
  switch (s.agents[a]?.phase) {
    case 'filling':
      return [{ type: 'Publish', a }];
    case 'submitted':
      return [{ type: 'Signal', a }];
    case 'reading':
      return [{ type: 'Read', a }];
    case 'running':
      return kind === 'service'
        ? [
            { type: 'Complete', a },
            { type: 'Reply', a },
            { type: 'Take', a },
            { type: 'Park', a },
          ]
        : [
            { type: 'Wake', a },
            { type: 'Park', a },
          ];
    case 'returning':
      return [{ type: 'Return', a }];
    default:
      return [];
  }
}

/** Drains `subject` with the policy above. */
export function drainSyscallSubject(cfg: Config, subject: SyscallDrainSubject): SyscallDrainOutcome {
  const events: SyscallEvent[] = [];
  const bound = cfg.drainBound;
  for (let p = 0; p < cfg.processes && events.length < bound; p++) {
    const e: SyscallEvent = { type: 'StatusWrite', p, data: 1n };
    if (subject.apply(e)) events.push(e);
  }
  const units = cfg.processes + layoutOf(cfg).agents.length;
  let u = 0;
  let idle = 0;
  // Quiescence can only begin with an accepted step: it is checked at the start and after each
  // one (not on every turn, which would cost a scan of every agent per unit visited).
  if (syscallQuiescent(cfg, subject.state()))
    return { steps: events.length, events, reachedQuiescence: true };
  for (;;) {
    if (events.length >= bound || idle >= units)
      return { steps: events.length, events, reachedQuiescence: false };
    const turn = u;
    if (idle === 0 && subject.at?.(turn, events.length) === true)
      return { steps: events.length, events, reachedQuiescence: false };
    u = (u + 1) % units;
    const taken = drainCandidates(cfg, subject.state(), turn).find((e) => subject.apply(e));
    if (taken === undefined) {
      idle++;
      continue;
    }
    idle = 0;
    events.push(taken);
    if (syscallQuiescent(cfg, subject.state()))
      return { steps: events.length, events, reachedQuiescence: true };
  }
}

/** Drains the model from `state`. */
export function drainSyscall(
  cfg: Config,
  state: SyscallState,
): SyscallDrainOutcome & { readonly state: SyscallState } {
  let s = state;
  const out = drainSyscallSubject(cfg, {
    state: () => s,
    apply: (e) => {
      const r = step(cfg, s, e);
      if (r.kind === 'accepted') s = r.state;
      return r.kind === 'accepted';
    },
  });
  return { ...out, state: s };
}
