/**
 * The syscall runner: drives the syscall system (the model, or the syscall runtime over a
 * controller implementation, with a syscall mutant's bug when given one) through a storm of
 * events, then the §6 drain, evaluating the selected properties after every step and
 * `everyRequestAnswered` at the end; it stops at the first failing step. Indices as in the
 * wakeup runner: storm event i is step i (rejected ones included), drain steps follow.
 */
import type { ControllerImpl } from '../impl/device.ts';
import type { Config } from '../model/config/config.ts';
import { drainSyscallSubject, type SyscallDrainOutcome } from '../model/syscall/drain.ts';
import type { SyscallEvent } from '../model/syscall/events.ts';
import type { SyscallState } from '../model/syscall/state.ts';
import type { Coverage } from './coverage/coverage.ts';
import { countSyscallStep } from './coverage/syscallCoverage.ts';
import type { Violation } from './property.ts';
import type { RunPhase, SyscallLivenessContext, SyscallStepOutcome } from './syscall/context.ts';
import { selectSyscallProperties } from './syscall/selection.ts';
import { type SyscallRecordedStep, SyscallRun } from './syscall/syscallRun.ts';

export type { SyscallRecordedStep } from './syscall/syscallRun.ts';

export interface SyscallRunOptions {
  readonly properties?: readonly string[];
  /** Keep every accepted step in `recorded` (default true). */
  readonly record?: boolean;
  /** Run the §6 drain and judge the liveness property (default true). */
  readonly drain?: boolean;
  /** Counters to count every step into (a `--report` check); counted only while `live`. */
  readonly coverage?: Coverage;
}

interface RunFacts {
  readonly steps: number;
  readonly initial: SyscallState;
  readonly final: SyscallState;
  readonly recorded: readonly SyscallRecordedStep[];
  readonly drain: SyscallDrainOutcome | undefined;
}

export type SyscallRunResult =
  | ({ readonly ok: true } & RunFacts)
  | ({
      readonly ok: false;
      readonly violation: Violation;
      readonly violations: readonly Violation[];
      readonly phase: RunPhase | 'quiescence';
      readonly before: SyscallState;
    } & RunFacts);

/** Runs `events` from start-up, then (unless `drain: false`) the §6 drain. `impl` undefined runs the model. */
export function runSyscall(
  cfg: Config,
  impl: ControllerImpl | undefined,
  events: readonly SyscallEvent[],
  opts: SyscallRunOptions = {},
): SyscallRunResult {
  const sel = selectSyscallProperties(opts.properties, impl);
  const run = new SyscallRun(cfg, impl, sel, opts.record ?? true);
  const facts = (steps: number, drain: SyscallDrainOutcome | undefined): RunFacts => ({
    steps,
    initial: run.initial,
    final: run.state(),
    recorded: run.recorded,
    drain,
  });
  const failed = (
    phase: RunPhase,
    steps: number,
    drain: SyscallDrainOutcome | undefined,
  ): SyscallRunResult => {
    const violations = run.violations ?? [];
    const first = violations[0];
    if (first === undefined) throw new Error('runSyscall: a failed run without a violation');
    const last = run.recorded[run.recorded.length - 1];
    return {
      ...facts(steps, drain),
      final: last?.state ?? run.state(),
      ok: false,
      violation: first,
      violations,
      phase,
      before: run.failedBefore ?? run.state(),
    };
  };
  const coverage = opts.coverage;
  const count = (e: SyscallEvent, before: SyscallState, o: SyscallStepOutcome) => {
    if (coverage?.live)
      countSyscallStep(coverage, cfg, e, before, o.kind === 'rejected' ? o.reason : undefined, run.state());
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e === undefined) continue;
    const before = run.state();
    count(e, before, run.step(e, 'storm', i));
    if (run.violations !== undefined) return failed('storm', i + 1, undefined);
  }
  if (opts.drain === false) return { ok: true, ...facts(events.length, undefined) };
  let index = events.length;
  const drain = drainSyscallSubject(cfg, {
    state: () => run.state(),
    apply: (e) => {
      if (run.violations !== undefined) return false;
      const before = run.state();
      const o = run.step(e, 'drain', index);
      count(e, before, o);
      if (o.kind === 'accepted' || run.violations !== undefined) index++;
      return o.kind === 'accepted' && run.violations === undefined;
    },
  });
  if (run.violations !== undefined) return failed('drain', index, drain);
  const ctx: SyscallLivenessContext = {
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
  if (first === undefined) return { ok: true, ...facts(index, drain) };
  return {
    ...facts(index, drain),
    ok: false,
    violation: first,
    violations,
    phase: 'quiescence',
    before: run.state(),
  };
}
