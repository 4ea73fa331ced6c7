/**
 * Hand-made controller steps for the property tests: run a prefix of events through the model
 * (advancing the ghost as the runner does), then build the context of one more step with an
 * `after` state and observation of the test's choosing.
 */
import type { Config } from '../../../../../protocols/controller/model/config/config.ts';
import { toOperation } from '../../../../../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../../../../../protocols/controller/model/events.ts';
import type { Observation } from '../../../../../protocols/controller/model/result.ts';
import { endsRun } from '../../../../../protocols/controller/model/result.ts';
import {
  type ControllerState,
  initialState,
  type Waiter,
} from '../../../../../protocols/controller/model/state.ts';
import { step } from '../../../../../protocols/controller/model/step.ts';
import type {
  ControllerStepContext,
  Prediction,
} from '../../../../../protocols/controller/properties/context.ts';
import {
  advanceGhost,
  initialGhost,
  type MutableControllerGhost,
} from '../../../../../protocols/controller/properties/ghost.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../../../../../protocols/controller/properties/index.ts';

/** Where a run stands after a prefix of events: the model state and the ghost beside it. */
export interface Prefix {
  readonly cfg: Config;
  readonly state: ControllerState;
  readonly ghost: MutableControllerGhost;
  readonly index: number;
}

/** The model run through `events` from reset, with the ghost advanced after every step. */
export function prefix(cfg: Config, events: readonly ControllerEvent[]): Prefix {
  let s = initialState(cfg);
  const ghost = initialGhost(cfg);
  events.forEach((event, index) => {
    const r = step(cfg, s, event);
    const ctx = {
      cfg,
      index,
      event,
      op: toOperation(cfg, event),
      before: s,
      after: r.state,
      obs: r.obs,
      expected: undefined,
      ghost,
    };
    advanceGhost(ghost, ctx);
    s = r.state;
  });
  return { cfg, state: s, ghost, index: events.length };
}

/** The context of `event` after `pre`, with the given outcome (the model's own outcome by default). */
export function stepAfter(
  pre: Prefix,
  event: ControllerEvent,
  outcome: {
    readonly after?: ControllerState;
    readonly obs?: Observation;
    readonly expected?: Prediction;
  } = {},
): ControllerStepContext {
  const { cfg, state: before, ghost, index } = pre;
  const model = step(cfg, before, event);
  return {
    cfg,
    index,
    event,
    op: toOperation(cfg, event),
    before,
    after: outcome.after ?? model.state,
    obs: outcome.obs ?? model.obs,
    expected: outcome.expected,
    ghost,
  };
}

/** The ids of every controller-step property that fails on `ctx`. */
export function failingIds(ctx: ControllerStepContext): string[] {
  const ended = endsRun(ctx.obs); // as the runners judge: an access that ended the run only by the properties about it
  return CONTROLLER_STEP_PROPERTIES.filter(
    (p) => (!ended || p.judgesIncomplete) && p.check(ctx) !== null,
  ).map((p) => p.id);
}

/** `s` with ready[p][k] replaced. */
export function withReady(
  cfg: Config,
  s: ControllerState,
  p: number,
  k: number,
  q: readonly bigint[],
): ControllerState {
  const ready = s.ready.slice();
  ready[p * cfg.priorities + k] = q;
  return { ...s, ready };
}

/** `s` with irqWait[d] replaced. */
export function withIrqWait(s: ControllerState, d: number, q: readonly Waiter[]): ControllerState {
  const irqWait = s.irqWait.slice();
  irqWait[d] = q;
  return { ...s, irqWait };
}

/** `s` with ipcWait[p][t] replaced. */
export function withIpcWait(
  cfg: Config,
  s: ControllerState,
  p: number,
  t: number,
  q: readonly bigint[],
): ControllerState {
  const ipcWait = s.ipcWait.slice();
  ipcWait[p * cfg.ipcTypes + t] = q;
  return { ...s, ipcWait };
}

/** `s` with irqPending[d] replaced. */
export function withIrqPending(s: ControllerState, d: number, n: number): ControllerState {
  const irqPending = s.irqPending.slice();
  irqPending[d] = n;
  return { ...s, irqPending };
}

export const value = (v: bigint): Observation => ({ kind: 'value', value: v });
export const ACK: Observation = { kind: 'ack' };
