/**
 * The wakeup runner: drives the wakeup system (the pure system model, or the software runtime
 * over a controller implementation, with a wakeup mutant's runtime bug when given one) through a
 * storm of system events, then the §6 drain, evaluating the selected properties after every step
 * (controller-step properties on every access the system performs, wakeup step properties on
 * every system step) and the bounded-liveness property at the end. It stops at the first failing
 * step. Used by fast-check checks, replay and the CLI.
 *
 * Indices: storm event i is step i (rejected events included: a storm event the state does not
 * enable is skipped by model and runtime alike, and judged only by refinement); the drain's
 * accepted steps follow from `events.length` on. A liveness violation is reported at the last
 * step executed.
 */
import type { ControllerImpl } from '../impl/device.ts';
import type { Config } from '../model/config/config.ts';
import { type DrainApplied, type DrainOutcome, drainSubject } from '../model/wakeup/drain.ts';
import type { SystemEvent } from '../model/wakeup/events.ts';
import type { SystemState } from '../model/wakeup/state.ts';
import type { Coverage } from './coverage/coverage.ts';
import { countWakeupStep } from './coverage/wakeupCoverage.ts';
import type { Violation } from './property.ts';
import type { RunPhase, WakeupLivenessContext } from './wakeup/context.ts';
import { selectWakeupProperties } from './wakeup/selection.ts';
import { type WakeupRecordedStep, WakeupRun } from './wakeup/wakeupRun.ts';

export type { WakeupRecordedStep } from './wakeup/wakeupRun.ts';

export interface WakeupRunOptions {
  /** Property ids to evaluate; by default every one, refinement only where it applies (selection.ts). */
  readonly properties?: readonly string[];
  /** Keep every accepted step in `recorded` (default true); false keeps only the failing step (speed). */
  readonly record?: boolean;
  /** Run the §6 drain after the storm and judge the liveness property (default true). */
  readonly drain?: boolean;
  /** Counters of the event kinds and states reached (only a `--report` check passes them). */
  readonly coverage?: Coverage;
}

interface RunFacts {
  /** Steps executed: storm events (accepted or not) plus the drain's accepted steps. */
  readonly steps: number;
  readonly initial: SystemState;
  /** abs() when the run ended. */
  readonly final: SystemState;
  /** With `record`, every accepted step (and the failing one); otherwise only the failing one. */
  readonly recorded: readonly WakeupRecordedStep[];
  /** What the drain did, when it ran. */
  readonly drain: DrainOutcome | undefined;
}

export type WakeupRunResult =
  | ({ readonly ok: true } & RunFacts)
  | ({
      readonly ok: false;
      /** The first failing property of the failing step, in evaluation order. */
      readonly violation: Violation;
      /** Every selected property that fails there. */
      readonly violations: readonly Violation[];
      /** Where it failed: a storm step, a drain step, or at quiescence (liveness). */
      readonly phase: RunPhase | 'quiescence';
      /** abs() before the failing step (the final state, for a liveness failure). */
      readonly before: SystemState;
      /** The failing step; undefined for a liveness failure. */
      readonly failing: WakeupRecordedStep | undefined;
    } & RunFacts);

const NOT_APPLIED: DrainApplied = Object.freeze({ kind: 'rejected' });

/**
 * Runs `events` from start-up, then (unless `drain: false`) the §6 drain. `impl` undefined runs
 * the system model; otherwise the software runtime over `impl.create(cfg)`, checked against the
 * model by refinement when the impl refines the reference (the reference and every mutant).
 */
export function runWakeup(
  cfg: Config,
  impl: ControllerImpl | undefined,
  events: readonly SystemEvent[],
  opts: WakeupRunOptions = {},
): WakeupRunResult {
  const sel = selectWakeupProperties(opts.properties, impl);
  const run = new WakeupRun(cfg, impl, sel, opts.record ?? true);
  const coverage = opts.coverage;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e === undefined) continue;
    const o = run.step(e, 'storm', i);
    if (coverage?.live) countWakeupStep(coverage, e, o.kind === 'accepted', run.state());
    if (run.violations !== undefined) return failed(run, 'storm', i + 1, undefined);
  }
  if (opts.drain === false) return { ok: true, ...facts(run, events.length, undefined) };
  let index = events.length;
  const drain = drainSubject(cfg, {
    state: () => run.state(),
    apply: (e) => {
      if (run.violations !== undefined) return NOT_APPLIED; // the run is over: let the drain stop
      const o = run.step(e, 'drain', index);
      if (coverage?.live) countWakeupStep(coverage, e, o.kind === 'accepted', run.state());
      if (o.kind === 'accepted' || run.violations !== undefined) index++;
      return o.kind === 'accepted' ? { kind: 'accepted', obs: o.obs } : NOT_APPLIED;
    },
  });
  if (run.violations !== undefined) return failed(run, 'drain', index, drain);
  const ctx: WakeupLivenessContext = {
    cfg,
    index: Math.max(0, index - 1),
    state: run.state(),
    drain,
    ghost: run.ghost,
  };
  const violations: Violation[] = [];
  for (const p of sel.liveness) {
    const message = p.check(ctx);
    if (message !== null) violations.push({ property: p.id, step: ctx.index, message });
  }
  const first = violations[0];
  if (first === undefined) return { ok: true, ...facts(run, index, drain) };
  return {
    ...facts(run, index, drain),
    ok: false,
    violation: first,
    violations,
    phase: 'quiescence',
    before: run.state(),
    failing: undefined,
  };
}

/** What every result reports about the run. */
function facts(run: WakeupRun, steps: number, drain: DrainOutcome | undefined): RunFacts {
  return { steps, initial: run.initial, final: run.state(), recorded: run.recorded, drain };
}

/** The result of a run that stopped at a failing step. */
function failed(
  run: WakeupRun,
  phase: RunPhase,
  steps: number,
  drain: DrainOutcome | undefined,
): WakeupRunResult {
  const violations = run.violations ?? [];
  const first = violations[0];
  if (first === undefined) throw new Error('runWakeup: a failed run without a violation');
  const failing = run.recorded[run.recorded.length - 1];
  return {
    ...facts(run, steps, drain),
    final: failing?.state ?? run.state(),
    ok: false,
    violation: first,
    violations,
    phase,
    before: run.failedBefore ?? run.state(),
    failing,
  };
}
