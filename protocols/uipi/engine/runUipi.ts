/**
 * The UIPI runner: drives the model or an implementation (checked against the model by
 * refinement) through a storm of UIPI events, then the fair drain, judging the step properties
 * after every step (ghost owed masks advanced beside the run) and the liveness properties at the
 * end. Stops at the first failing step. Storm event i is step i (a rejected event is skipped by
 * model and implementation alike and judged only by refinement); drain steps follow.
 */

import type { Coverage } from '../../../engine/coverage/coverage.ts';
import type { Violation } from '../../../engine/property.ts';
import type { UipiImpl } from '../designs/reference/uipiImpl.ts';
import type { UipiConfig } from '../model/config.ts';
import { drainUipi, type UipiDrainOutcome } from '../model/drain.ts';
import type { UipiEvent } from '../model/events.ts';
import type { UipiStepResult } from '../model/result.ts';
import { initialUipi, type UipiState } from '../model/state.ts';
import { step } from '../model/step.ts';
import { nextUndoClui } from '../model/undoClui.ts';
import type {
  UipiLivenessProperty,
  UipiRunPhase,
  UipiStepContext,
  UipiStepProperty,
} from '../properties/context.ts';
import { initialCredit, initialOwed, nextCredit, nextOwed } from '../properties/ghost.ts';
import { UIPI_LIVENESS_PROPERTIES, UIPI_STEP_PROPERTIES } from '../properties/index.ts';
import { type UipiSubject, uipiImplSubject, uipiModelSubject } from './subject.ts';
import { countUipiStep } from './uipiCoverage.ts';

export interface UipiRunOptions {
  /** Property ids to judge (default: all; refinement only when an implementation runs). */
  readonly properties?: readonly string[];
  /** Keep every step in `recorded` (default true). */
  readonly record?: boolean;
  /** Run the fair drain and the liveness properties (default true). */
  readonly drain?: boolean;
  /** Counts every step (storm and drain, accepted or refused) while it is live (`--report`). */
  readonly coverage?: Coverage;
}

/** One executed step as a trace shows it. */
export interface UipiRecordedStep {
  readonly index: number;
  readonly phase: UipiRunPhase;
  readonly event: UipiEvent;
  readonly accepted: boolean;
  /** abs() after the step. */
  readonly state: UipiState;
}

interface Facts {
  readonly steps: number;
  readonly initial: UipiState;
  readonly final: UipiState;
  readonly recorded: readonly UipiRecordedStep[];
  readonly drain: UipiDrainOutcome | undefined;
}

export type UipiRunResult =
  | ({ readonly ok: true } & Facts)
  | ({
      readonly ok: false;
      readonly violation: Violation;
      readonly violations: readonly Violation[];
      readonly phase: UipiRunPhase | 'quiescence';
    } & Facts);

/** The selected properties for `impl` (refinement needs an implementation). */
function select(ids: readonly string[] | undefined, impl: UipiImpl | undefined) {
  const want = (p: { readonly id: string; readonly kind: string }) =>
    (ids === undefined ? p.kind !== 'refinement' || impl !== undefined : ids.includes(p.id)) &&
    (p.kind !== 'refinement' || impl !== undefined);
  return {
    step: UIPI_STEP_PROPERTIES.filter(want) as readonly UipiStepProperty[],
    liveness: UIPI_LIVENESS_PROPERTIES.filter(want) as readonly UipiLivenessProperty[],
  };
}

/** Runs `events` from the start state, then (unless `drain: false`) the fair drain. */
export function runUipi(
  cfg: UipiConfig,
  impl: UipiImpl | undefined,
  events: readonly UipiEvent[],
  opts: UipiRunOptions = {},
): UipiRunResult {
  const sel = select(opts.properties, impl);
  const record = opts.record ?? true;
  const coverage = opts.coverage;
  const subject: UipiSubject = impl === undefined ? uipiModelSubject(cfg) : uipiImplSubject(cfg, impl);
  const refine = impl !== undefined && sel.step.some((p) => p.kind === 'refinement');
  let shadow: UipiState = initialUipi(cfg);
  const initial = subject.state();
  let owed = initialOwed(cfg);
  let credit = initialCredit(cfg);
  let undo: readonly boolean[] = Array.from({ length: cfg.receivers }, () => false);
  const recorded: UipiRecordedStep[] = [];
  let failure: Violation[] | undefined;
  let index = 0;

  const run = (e: UipiEvent, phase: UipiRunPhase): boolean => {
    const before = subject.state();
    const accepted = subject.apply(e);
    const after = accepted ? subject.state() : before;
    if (coverage?.live) countUipiStep(coverage, e, accepted, after);
    let expected: UipiStepResult | undefined;
    if (refine) {
      expected = step(cfg, shadow, e);
      if (expected.kind === 'accepted') shadow = expected.state;
    }
    const owedAfter = accepted ? nextOwed(cfg, owed, e, before, after) : owed;
    const ctx: UipiStepContext = {
      cfg,
      index,
      phase,
      event: e,
      accepted,
      before,
      after,
      owedBefore: owed,
      owedAfter,
      creditBefore: credit,
      expected,
    };
    const found: Violation[] = [];
    for (const p of sel.step) {
      if (!accepted && !p.judgesRejected) continue;
      const message = p.check(ctx);
      if (message !== null) found.push({ property: p.id, step: index, message });
    }
    if (record || found.length > 0) recorded.push({ index, phase, event: e, accepted, state: after });
    index++;
    owed = owedAfter;
    if (accepted) {
      undo = nextUndoClui(undo, e);
      credit = nextCredit(cfg, credit, e, before, after);
    }
    if (found.length > 0) failure = found;
    return accepted;
  };

  const facts = (drain: UipiDrainOutcome | undefined): Facts => ({
    steps: index,
    initial,
    final: subject.state(),
    recorded,
    drain,
  });
  const failed = (
    phase: UipiRunPhase | 'quiescence',
    drain: UipiDrainOutcome | undefined,
    v: Violation[],
  ): UipiRunResult => {
    const first = v[0];
    if (first === undefined) throw new Error('runUipi: a failure without a violation');
    return { ok: false, violation: first, violations: v, phase, ...facts(drain) };
  };

  for (const e of events) {
    run(e, 'storm');
    if (failure !== undefined) return failed('storm', undefined, failure);
  }
  if (opts.drain === false) return { ok: true, ...facts(undefined) };
  const drain = drainUipi(
    cfg,
    {
      state: () => subject.state(),
      enabled: () => subject.enabled(),
      apply: (e) => failure === undefined && run(e, 'drain'),
    },
    undo,
  );
  if (failure !== undefined) return failed('drain', drain, failure);
  const lctx = { cfg, index: Math.max(0, index - 1), state: subject.state(), drain, owed };
  const v: Violation[] = [];
  for (const p of sel.liveness) {
    const message = p.check(lctx);
    if (message !== null) v.push({ property: p.id, step: lctx.index, message });
  }
  return v.length > 0 ? failed('quiescence', drain, v) : { ok: true, ...facts(drain) };
}
