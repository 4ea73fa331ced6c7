/**
 * The drain of the bounded-liveness properties (spec/controller.md §6 `noLostWakeupEventually`):
 * after a storm, no more device events and no new requests (no Irq, no Spawn); every process is
 * brought online (one STATUS write each; the kernel refuses it for a process already online); then the harts are stepped in a
 * fixed round-robin, one executor step per turn, until quiescence or `cfg.drainBound` steps.
 *
 * The round-robin policy (decisions where the spec is silent):
 * - an idle hart is put on process `hart mod N`;
 * - a hart looking for work reads DEQUEUE; after a read that returned 0 its next turn moves it
 *   to the next process (p + 1 mod N), so every hart visits every process;
 * - a running task is polled to completion: an ordinary task `finish`es, a handler `handled`s
 *   (and so re-registers, consuming any counted interrupt);
 * - a returning hart performs its return action; a wedged hart has no step (its turn passes).
 * A whole round in which no hart can step, or a state where only wedged harts hold work, ends
 * the drain without quiescence.
 *
 * The policy runs on any {@link DrainSubject}: the model (`drain`) or an executable runtime over
 * any controller device (impl/runtime), so the two are drained identically.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { Observation } from '../../controller/model/result.ts';
import { FINISH, HANDLED, type SystemEvent } from './events.ts';
import { quiescent } from './quiescent.ts';
import { type SystemState, taskOf } from './state.ts';
import { step } from './step.ts';

/** What applying one event to a drained system reports: accepted (with the access's observation) or not. */
export type DrainApplied =
  | { readonly kind: 'accepted'; readonly obs: Observation | null }
  | { readonly kind: 'rejected' };

/** A system the drain can step: its (abstract) state and a way to apply an event. */
export interface DrainSubject {
  /** The system's state; for an executable runtime, its `abs()`. */
  state(): SystemState;
  apply(e: SystemEvent): DrainApplied;
  /**
   * Optional: told the policy's whole position before each hart turn (the state is neither
   * quiescent nor at the bound): whose turn it is, which harts last read an empty DEQUEUE, the
   * turns passed without a step, and the steps taken. Returning true stops the drain there,
   * reported as not reaching quiescence; a checker that knows the continuation from this position
   * (the explorer's memo of earlier drains) uses it to skip the rest.
   */
  at?(turn: number, sawEmpty: readonly boolean[], stalled: number, steps: number): boolean;
}

export interface DrainOutcome {
  /** Events applied (accepted) by the drain. */
  readonly steps: number;
  /** The accepted events, in order (to append to a counterexample trace). */
  readonly events: readonly SystemEvent[];
  /** Quiescence was reached within `cfg.drainBound` steps. */
  readonly reachedQuiescence: boolean;
}

/** The model drain's outcome, with the state it ended in. */
export interface DrainResult extends DrainOutcome {
  readonly state: SystemState;
}

/** The event hart h takes on its turn, or null when it has none (wedged). */
function hartTurn(cfg: Config, s: SystemState, h: number, sawEmpty: readonly boolean[]): SystemEvent | null {
  const hart = s.harts[h];
  if (hart === undefined) return null;
  switch (hart.phase) {
    case 'idle':
      return { type: 'HartSwitch', hart: h, p: h % cfg.processes };
    case 'fetch': {
      const next = (hart.p + 1) % cfg.processes;
      return sawEmpty[h] === true && next !== hart.p
        ? { type: 'HartSwitch', hart: h, p: next }
        : { type: 'HartFetch', hart: h };
    }
    case 'running': {
      const handler = (taskOf(s, hart.task)?.handlerOf ?? -1) >= 0;
      return { type: 'HartPoll', hart: h, outcome: handler ? HANDLED : FINISH };
    }
    case 'returning':
      return { type: 'HartReturn', hart: h };
    case 'wedged':
      return null;
  }
}

/**
 * Nothing is ready and no hart holds a task except wedged ones: no step can change that, so
 * quiescence is out of reach (the drain stops at once instead of spinning up to its bound).
 */
function onlyWedgedWork(s: SystemState): boolean {
  for (const q of s.ctrl.ready) if (q.length > 0) return false;
  let wedged = false;
  for (const h of s.harts) {
    if (h.phase === 'wedged') wedged = true;
    else if (h.phase !== 'idle' && h.phase !== 'fetch') return false;
  }
  return wedged;
}

/** Drains `subject` with the §6 policy above. */
export function drainSubject(cfg: Config, subject: DrainSubject): DrainOutcome {
  const events: SystemEvent[] = [];
  const bound = cfg.drainBound;
  for (let p = 0; p < cfg.processes && events.length < bound; p++) {
    const e: SystemEvent = { type: 'StatusWrite', p, data: 1n };
    if (subject.apply(e).kind === 'accepted') events.push(e); // rejected: the kernel has it online already
  }
  const sawEmpty = Array.from({ length: cfg.harts }, () => false);
  let h = 0;
  let stalled = 0;
  for (;;) {
    const s = subject.state();
    if (quiescent(cfg, s)) return { steps: events.length, events, reachedQuiescence: true };
    if (events.length >= bound || stalled >= cfg.harts || onlyWedgedWork(s)) {
      return { steps: events.length, events, reachedQuiescence: false };
    }
    const turn = h;
    if (subject.at?.(turn, sawEmpty, stalled, events.length) === true) {
      return { steps: events.length, events, reachedQuiescence: false };
    }
    h = (h + 1) % cfg.harts;
    const e = hartTurn(cfg, s, turn, sawEmpty);
    const r = e === null ? null : subject.apply(e);
    if (e === null || r === null || r.kind === 'rejected') {
      stalled++;
      continue;
    }
    stalled = 0;
    events.push(e);
    if (e.type === 'HartFetch') sawEmpty[turn] = r.obs?.kind === 'value' && r.obs.value === 0n;
    else if (e.type === 'HartSwitch') sawEmpty[turn] = false;
  }
}

/** Drains the model from `state`: `drainSubject` over the pure `step`. */
export function drain(cfg: Config, state: SystemState): DrainResult {
  let s = state;
  const out = drainSubject(cfg, {
    state: () => s,
    apply: (e) => {
      const r = step(cfg, s, e);
      if (r.kind === 'accepted') s = r.state;
      return r;
    },
  });
  return { ...out, state: s };
}
