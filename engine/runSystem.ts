/**
 * The runner of a system over the controller (wakeup, syscall), protocol-independent: drives the
 * system through a storm of events, then the §6 drain, evaluating the selected properties after
 * every step (the protocol's run object does that: WakeupRun, SyscallRun) and the liveness
 * properties at the end. It stops at the first failing step. What differs between the systems is
 * given by a {@link SystemRunSpec}: the drain, the coverage counter and the liveness properties.
 *
 * Indices: storm event i is step i (rejected events included: a storm event the state does not
 * enable is skipped by model and runtime alike, and judged only by refinement); the drain's
 * accepted steps follow from `events.length` on. A liveness violation is reported at the last
 * step executed.
 */
import type { Config } from '../protocols/controller/model/config/config.ts';
import type { RunPhase } from '../protocols/wakeup/properties/context.ts';
import type { EndReason } from './check/endedEarly.ts';
import type { Coverage } from './coverage/coverage.ts';
import type { Violation } from './property.ts';

export interface SystemRunOptions {
  /** Property ids to evaluate; by default every one, refinement only where it applies (selection.ts). */
  readonly properties?: readonly string[];
  /** Keep every accepted step in `recorded` (default true); false keeps only the failing step (speed). */
  readonly record?: boolean;
  /** Run the §6 drain after the storm and judge the liveness property (default true). */
  readonly drain?: boolean;
  /** Counters of the event kinds and states reached (only a `--report` check passes them); counted while `live`. */
  readonly coverage?: Coverage;
}

/** A system being run step by step, its properties judged on each step (WakeupRun, SyscallRun). */
export interface SystemRun<S, E, O, R, G> {
  readonly initial: S;
  /** With `record`, every accepted step (and the failing one); otherwise only the failing one. */
  readonly recorded: readonly R[];
  /** The violations of the step that failed, once one has. */
  readonly violations: readonly Violation[] | undefined;
  /** The state before the step that failed, once one has. */
  readonly failedBefore: S | undefined;
  /** How the design stopped, when an access of the run stalled, aborted or had an undefined outcome. */
  readonly endedBy: EndReason | undefined;
  readonly ghost: G;
  state(): S;
  step(e: E, phase: RunPhase, index: number): O;
}

/** What a system's runner adds to the common loop. */
export interface SystemRunSpec<S, E, O, G, D> {
  /** The runner's name, for an internal error. */
  readonly name: string;
  /**
   * Runs the system's fair drain: `apply` performs one event as the next step (undefined once
   * the run has failed), `over` says whether it has.
   */
  readonly drain: (state: () => S, apply: (e: E) => O | undefined, over: () => boolean) => D;
  /** Counts one step (storm or drain) into the coverage counters. */
  readonly count: (coverage: Coverage, e: E, before: S, o: O, after: S) => void;
  /** The selected liveness properties, judged after the drain. */
  readonly liveness: readonly {
    readonly id: string;
    check(ctx: SystemLivenessContext<S, G, D>): string | null;
  }[];
}

/** What a liveness property of a system is given. */
export interface SystemLivenessContext<S, G, D> {
  readonly cfg: Config;
  /** The index of the last step executed (storm and drain), where the verdict is given. */
  readonly index: number;
  /** abs() when the drain ended. */
  readonly state: S;
  readonly drain: D;
  /** Ghost data after every step of the storm and the drain. */
  readonly ghost: G;
}

interface RunFacts<S, R, D> {
  /** Steps executed: storm events (accepted or not) plus the drain's accepted steps. */
  readonly steps: number;
  readonly initial: S;
  /** abs() when the run ended. */
  readonly final: S;
  /** With `record`, every accepted step (and the failing one); otherwise only the failing one. */
  readonly recorded: readonly R[];
  /** What the drain did, when it ran. */
  readonly drain: D | undefined;
  /** How the design stopped during the run, if it did (the run went on, with the design stopped). */
  readonly endedBy: EndReason | undefined;
}

export type SystemRunResult<S, R, D> =
  | ({ readonly ok: true } & RunFacts<S, R, D>)
  | ({
      readonly ok: false;
      /** The first failing property of the failing step, in evaluation order. */
      readonly violation: Violation;
      /** Every selected property that fails there. */
      readonly violations: readonly Violation[];
      /** Where it failed: a storm step, a drain step, or at quiescence (liveness). */
      readonly phase: RunPhase | 'quiescence';
      /** abs() before the failing step (the final state, for a liveness failure). */
      readonly before: S;
      /** The failing step; undefined for a liveness failure. */
      readonly failing: R | undefined;
    } & RunFacts<S, R, D>);

/** Runs `events` on `run` from start-up, then (unless `drain: false`) the drain of `spec`. */
export function runSystem<S, E, O extends { readonly kind: string }, R extends { readonly state: S }, G, D>(
  cfg: Config,
  run: SystemRun<S, E, O, R, G>,
  spec: SystemRunSpec<S, E, O, G, D>,
  events: readonly E[],
  opts: SystemRunOptions,
): SystemRunResult<S, R, D> {
  const coverage = opts.coverage;
  const facts = (steps: number, drain: D | undefined): RunFacts<S, R, D> => ({
    steps,
    initial: run.initial,
    final: run.state(),
    recorded: run.recorded,
    drain,
    endedBy: run.endedBy,
  });
  const failed = (phase: RunPhase, steps: number, drain: D | undefined): SystemRunResult<S, R, D> => {
    const violations = run.violations ?? [];
    const first = violations[0];
    if (first === undefined) throw new Error(`${spec.name}: a failed run without a violation`);
    const failing = run.recorded[run.recorded.length - 1];
    return {
      ...facts(steps, drain),
      final: failing?.state ?? run.state(),
      ok: false,
      violation: first,
      violations,
      phase,
      before: run.failedBefore ?? run.state(),
      failing,
    };
  };
  const step = (e: E, phase: RunPhase, index: number): O => {
    const before = run.state();
    const o = run.step(e, phase, index);
    if (coverage?.live) spec.count(coverage, e, before, o, run.state());
    return o;
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e === undefined) continue;
    step(e, 'storm', i);
    if (run.violations !== undefined) return failed('storm', i + 1, undefined);
  }
  if (opts.drain === false) return { ok: true, ...facts(events.length, undefined) };
  let index = events.length;
  const drain = spec.drain(
    () => run.state(),
    (e) => {
      if (run.violations !== undefined) return undefined; // the run is over: let the drain stop
      const o = step(e, 'drain', index);
      if (o.kind === 'accepted' || run.violations !== undefined) index++;
      return o;
    },
    () => run.violations !== undefined,
  );
  if (run.violations !== undefined) return failed('drain', index, drain);
  const ctx: SystemLivenessContext<S, G, D> = {
    cfg,
    index: Math.max(0, index - 1),
    state: run.state(),
    drain,
    ghost: run.ghost,
  };
  const violations: Violation[] = [];
  for (const p of spec.liveness) {
    const message = p.check(ctx);
    if (message !== null) violations.push({ property: p.id, step: ctx.index, message });
  }
  const first = violations[0];
  if (first === undefined) return { ok: true, ...facts(index, drain) };
  return {
    ...facts(index, drain),
    ok: false,
    violation: first,
    violations,
    phase: 'quiescence',
    before: run.state(),
    failing: undefined,
  };
}
