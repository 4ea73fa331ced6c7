/**
 * The UIPI runner: drives the model or an implementation (checked against the model by
 * refinement) through a storm of UIPI events, then the drain `cfg.drain` names, each step judged by the step
 * judge (uipiJudge.ts: the step properties, the ghost beside the run), and the liveness
 * properties at the end. Stops at the first failing step. Storm event i is step i (a rejected event is skipped by
 * model and implementation alike and judged only by refinement); drain steps follow.
 */

import type { Coverage } from '../../../engine/coverage/coverage.ts';
import { failures } from '../../../engine/judge.ts';
import type { Violation } from '../../../engine/property.ts';
import type { UipiImpl } from '../designs/reference/uipiImpl.ts';
import type { UipiConfig } from '../model/config.ts';
import { drainUipi, type UipiDrainOutcome } from '../model/drain.ts';
import { enabled } from '../model/enabled.ts';
import type { UipiEvent } from '../model/events.ts';
import type { UipiState } from '../model/state.ts';
import type { UipiRunPhase } from '../properties/context.ts';
import { selectUipi } from '../properties/selection.ts';
import { countUipiStep } from './uipiCoverage.ts';
import { uipiJudge } from './uipiJudge.ts';

export interface UipiRunOptions {
  /** Property ids to judge (default: all; refinement only when an implementation runs). */
  readonly properties?: readonly string[];
  /** Keep every step in `recorded` (default true). */
  readonly record?: boolean;
  /** Run the drain (`cfg.drain`) and the liveness properties (default true). */
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
  /** The state the drain started from (the storm's end), when the run got that far. */
  readonly atDrain: UipiState | undefined;
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

/** Runs `events` from the start state, then (unless `drain: false`) the drain `cfg.drain` names. */
export function runUipi(
  cfg: UipiConfig,
  impl: UipiImpl | undefined,
  events: readonly UipiEvent[],
  opts: UipiRunOptions = {},
): UipiRunResult {
  const sel = selectUipi(opts.properties, impl);
  const record = opts.record ?? true;
  const coverage = opts.coverage;
  const judge = uipiJudge(cfg, impl, sel, false);
  let node = judge.initial();
  const initial = node.sys;
  const recorded: UipiRecordedStep[] = [];
  let failure: readonly Violation[] | undefined;
  let index = 0;

  const run = (e: UipiEvent, phase: UipiRunPhase): boolean => {
    const r = judge.step(node, e, index, 'own');
    const { accepted, after } = r.detail;
    if (coverage?.live) countUipiStep(coverage, e, accepted, after);
    if (record || r.violations !== undefined)
      recorded.push({ index, phase, event: e, accepted, state: after });
    index++;
    node = r.node;
    failure = r.violations;
    return accepted;
  };

  let atDrain: UipiState | undefined;
  const facts = (drain: UipiDrainOutcome | undefined): Facts => ({
    steps: index,
    initial,
    final: node.sys,
    atDrain,
    recorded,
    drain,
  });
  const failed = (
    phase: UipiRunPhase | 'quiescence',
    drain: UipiDrainOutcome | undefined,
    v: readonly Violation[],
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
  atDrain = node.sys;
  const drain = drainUipi(
    cfg,
    {
      state: () => node.sys,
      enabled: () => (node.m === undefined ? enabled(cfg, node.sys) : node.m.enabled()),
      apply: (e) => failure === undefined && run(e, 'drain'),
    },
    node.undo,
  );
  if (failure !== undefined) return failed('drain', drain, failure);
  const lctx = { cfg, index: Math.max(0, index - 1), state: node.sys, drain, owed: node.owed };
  const v = failures(sel.liveness, lctx, lctx.index);
  return v !== undefined ? failed('quiescence', drain, v) : { ok: true, ...facts(drain) };
}
