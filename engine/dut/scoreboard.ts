/**
 * The scoreboard of a DUT run: the predictor (the reference model, or with `--against` another
 * implementation) stepped beside the design, access by access. Every reply is compared with the
 * prediction (reads by their data, writes and interrupts by their acknowledgement); the first
 * difference is a {@link Mismatch}. A prediction can be asked for before its reply is awaited
 * ({@link Scoreboard.expect}), so a run the predictor ends (a stall, an abort, an undefined
 * effect) is cut before the suite waits for a reply that need not come. For a wrong
 * ERROR read it also names the earliest step since the previous ERROR read that could have set
 * (or should have set) a differing bit, since the cause of a wrong error bit is usually earlier.
 */

import type { JudgedOp } from '../../protocols/controller/model/decode.ts';
import { ERR, errorBitNames } from '../../protocols/controller/model/registers.ts';
import { ACK, type Observation, valueObs } from '../../protocols/controller/model/result.ts';
import type { ControllerState } from '../../protocols/controller/model/state.ts';
import { formatObservation } from '../../protocols/controller/model/stateCells.ts';
import { describeOp } from '../../protocols/controller/properties/explain.ts';
import {
  type DutPredictor,
  operationOf,
  type Prediction,
  predictRun,
  type RunPrediction,
} from './predictor.ts';
import { type DutAccess, requestLine } from './process/requestLine.ts';

/** One scored step: the access, what the DUT returned, the model's state after it. */
export interface ScoredStep {
  readonly event: DutAccess;
  readonly obs: Observation;
  readonly state: ControllerState;
  readonly expected: Observation;
}

/** The first difference of a run. */
export interface Mismatch {
  readonly step: number;
  readonly access: DutAccess;
  readonly expected: Observation;
  readonly actual: Observation;
  /** For an ERROR read: the earliest step since the previous ERROR read that could have set a differing bit. */
  readonly cause?: number;
  /** One line: the step in domain words, expected and actual, and the cause. */
  readonly message: string;
}

/** The error bits an operation can set (§5): what a wrong ERROR read is traced back to. */
function settable(op: JudgedOp): number {
  switch (op.type) {
    case 'Irq':
      return ERR.PENDING_OVERFLOW;
    case 'IpcSend':
      return ERR.PENDING_OVERFLOW | ERR.BAD_ACCESS;
    case 'Enqueue':
      return ERR.QUEUE_FULL | ERR.BAD_ACCESS;
    case 'IrqRegister':
    case 'IpcRegister':
      return ERR.QUEUE_FULL | ERR.WAIT_FULL | ERR.BAD_ACCESS;
    default:
      return ERR.BAD_ACCESS;
  }
}

const sameObs = (a: Observation, b: Observation): boolean =>
  a.kind === b.kind && (a.kind !== 'value' || (b.kind === 'value' && a.value === b.value));

/** The predictor beside one DUT run, from reset. */
export class Scoreboard {
  readonly predictor: DutPredictor;
  private readonly run: RunPrediction;
  private state: ControllerState;
  /** The prediction of the next access, asked for before its reply came. */
  private pending: { readonly access: DutAccess; readonly p: Prediction } | undefined;
  readonly initial: ControllerState;
  /** Every scored step (when recording). */
  readonly steps: ScoredStep[] = [];
  private readonly record: boolean;
  /** Steps since the previous ERROR read, with the bits the model set and the bits each could set. */
  private windowSteps: number[] = [];
  private windowRaised: number[] = [];
  private windowSettable: number[] = [];

  constructor(predictor: DutPredictor, record: boolean) {
    this.predictor = predictor;
    this.run = predictRun(predictor);
    this.state = this.run.initial;
    this.initial = this.state;
    this.record = record;
  }

  /** What a conforming design replies to `access`, the next step (asked once, ahead of its reply). */
  expect(access: DutAccess): Observation {
    const p = this.run.next(access);
    this.pending = { access, p };
    return p.obs;
  }

  /** Scores step `i`: the DUT returned `data` (a read) or acknowledged (`undefined`). Null when it matches. */
  score(i: number, access: DutAccess, data: bigint | undefined): Mismatch | null {
    const r = this.pending?.access === access ? this.pending.p : this.run.next(access);
    this.pending = undefined;
    this.state = r.state;
    const actual = data === undefined ? ACK : valueObs(data);
    if (this.record) this.steps.push({ event: access, obs: actual, state: r.state, expected: r.obs });
    const op = operationOf(this.predictor, access);
    const isErrorRead = op.type === 'ErrorRead';
    if (!sameObs(r.obs, actual)) return this.mismatch(i, access, op, r.obs, actual, isErrorRead);
    if (isErrorRead) {
      this.windowSteps = [];
      this.windowRaised = [];
      this.windowSettable = [];
    } else {
      this.windowSteps.push(i);
      this.windowRaised.push(r.raised);
      this.windowSettable.push(settable(op));
    }
    return null;
  }

  /** The predictor's state after the last scored step. */
  current(): ControllerState {
    return this.state;
  }

  /**
   * The predicted step for `access` when the DUT gave no usable reply to it (the run is over):
   * the state a conforming design would be in after it.
   */
  unanswered(access: DutAccess): Prediction {
    const r = this.pending?.access === access ? this.pending.p : this.run.next(access);
    this.pending = undefined;
    return r;
  }

  private mismatch(
    i: number,
    access: DutAccess,
    op: JudgedOp,
    expected: Observation,
    actual: Observation,
    isErrorRead: boolean,
  ): Mismatch {
    const show = (o: Observation) =>
      isErrorRead && o.kind === 'value'
        ? `${formatObservation(o)} (${errorBitNames(Number(o.value & 0xfn))})`
        : formatObservation(o);
    let message = `step ${i} (${describeOp(access, op)}), request ${requestLine(access)}: expected ${show(expected)}, actual ${show(actual)}`;
    const cause = isErrorRead ? this.cause(expected, actual) : undefined;
    if (cause !== undefined) {
      message += `; earliest step since the previous ERROR read that could have set ${errorBitNames(cause.bits)}: step ${cause.step}`;
    }
    return cause === undefined
      ? { step: i, access, expected, actual, message }
      : { step: i, access, expected, actual, cause: cause.step, message };
  }

  /** The earliest step of the window that set (model) or could set (DUT) a bit in which expected and actual differ. */
  private cause(expected: Observation, actual: Observation): { step: number; bits: number } | undefined {
    const e = expected.kind === 'value' ? Number(expected.value & 0xffffn) : 0;
    const a = actual.kind === 'value' ? Number(actual.value & 0xffffn) : 0;
    const missing = e & ~a; // bits the model set and the DUT did not report
    const extra = a & ~e & 0xf; // bits the DUT reported and the model did not set
    for (let j = 0; j < this.windowSteps.length; j++) {
      const bits = ((this.windowRaised[j] ?? 0) & missing) | ((this.windowSettable[j] ?? 0) & extra);
      const s = this.windowSteps[j];
      if (bits !== 0 && s !== undefined) return { step: s, bits };
    }
    return undefined;
  }
}
