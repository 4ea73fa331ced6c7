/**
 * What one DUT run showed (the scoreboard's verdict, the protocol failure that cut it short, or
 * the predictor's end of the run), how a reply that cannot count as an answer becomes a protocol
 * failure, and when two failing runs fail "the same way" (what shrinking keeps).
 */
import type { EndingObservation } from '../../protocols/controller/model/result.ts';
import type { DutFailure, DutFailureKind } from './process/dutFailure.ts';
import type { DutReply } from './process/parseReply.ts';
import type { DutAccess } from './process/requestLine.ts';
import type { Mismatch, Scoreboard } from './scoreboard.ts';

/** What one run showed. `board` holds the prediction of every step scored. */
export type DutRunOutcome =
  | { readonly kind: 'pass'; readonly board: Scoreboard }
  | { readonly kind: 'mismatch'; readonly mismatch: Mismatch; readonly board: Scoreboard }
  /** The DUT answered `reset` with "ok": false: it does not support this configuration. */
  | { readonly kind: 'refused'; readonly error: string }
  /**
   * The predictor ends the run at `step` (a stall, an abort, an undefined effect: controller.md
   * §7): steps before it conformed, the replies from `step` on were not judged. Not a failure.
   */
  | {
      readonly kind: 'ended';
      readonly step: number;
      readonly obs: EndingObservation;
      readonly board: Scoreboard;
    }
  /** A protocol failure at `step` (-1: at the reset), with the request it concerns and the DUT's last words. */
  | {
      readonly kind: 'failure';
      readonly failure: DutFailure;
      readonly step: number;
      readonly request: string;
      readonly board: Scoreboard;
      /** The DUT's stderr lines worth quoting, diagnoses first (StderrTail.report). */
      readonly stderr: readonly string[];
    };

/** A run that showed the design wrong: a difference, or a protocol failure. */
export type FailingRun = Extract<DutRunOutcome, { kind: 'mismatch' | 'failure' }>;

/** A reply that is not usable as an answer, as a protocol failure at request `index`; undefined for an answer. */
export function replyFailure(reply: DutReply, index: number): DutFailure | undefined {
  switch (reply.kind) {
    case 'malformed':
      return { kind: reply.what, index, detail: reply.why };
    case 'refused':
      return {
        kind: 'refused',
        index,
        detail: `the DUT answered "ok": false: ${JSON.stringify(reply.error)}`,
      };
    case 'data':
    case 'ack':
    case 'hello':
      return undefined;
  }
}

/** The kind of request a step is: `reset` (step -1), `read`, `write` or `irq`. */
export type RequestKind = 'reset' | 'read' | 'write' | 'irq';

/** The kind of the request at `step` of `accesses` (-1: the reset). */
function requestKind(accesses: readonly DutAccess[], step: number): RequestKind {
  const a = accesses[step];
  if (step < 0 || a === undefined) return 'reset';
  switch (a.type) {
    case 'Read':
      return 'read';
    case 'Write':
      return 'write';
    case 'Irq':
      return 'irq';
  }
}

/** How a run failed, as far as shrinking compares failures: a difference, or a protocol failure's kind at a kind of request. */
export type FailureSignature =
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'failure'; readonly failure: DutFailureKind; readonly at: RequestKind };

/** The signature of `run` (whose stimulus was `accesses`). */
export function signatureOf(run: FailingRun, accesses: readonly DutAccess[]): FailureSignature {
  return run.kind === 'mismatch'
    ? { kind: 'mismatch' }
    : { kind: 'failure', failure: run.failure.kind, at: requestKind(accesses, run.step) };
}

/** Whether `run` fails the way `s` says: any difference for a difference, else the same failure at the same kind of request. */
export function failsLike(
  s: FailureSignature,
  run: DutRunOutcome,
  accesses: readonly DutAccess[],
): run is FailingRun {
  if (run.kind !== s.kind) return false;
  if (s.kind === 'mismatch') return true;
  if (run.kind !== 'failure') return false;
  return run.failure.kind === s.failure && requestKind(accesses, run.step) === s.at;
}

/** The step a failing run stopped at: its difference, or the request its protocol failure concerns. */
export function failingStep(run: FailingRun): number {
  return run.kind === 'mismatch' ? run.mismatch.step : run.step;
}

/** Words for a signature: "a difference from the predictor", "crash at a write". */
export function describeSignature(s: FailureSignature): string {
  return s.kind === 'mismatch' ? 'a difference' : `${s.failure} at a ${s.at} request`;
}
