/**
 * Many runs of a DUT in one exchange: `reset`, run 1's accesses, `reset`, run 2's accesses, …
 * all pipelined, each reply scored as it arrives by the run's own scoreboard. A run's stimulus
 * never depends on replies, so nothing waits between runs: the pipe stays full across resets.
 * The first run that does not pass stops the sending and is returned with what it showed. Each
 * step is predicted as soon as the reply before it is in: when the predictor ends the run there
 * (a stall, an abort, an undefined effect), the exchange stops at once, without waiting for that
 * reply or judging any later one, and the run is returned as ended early.
 */

import { endsRun } from '../../protocols/controller/model/result.ts';
import { type DutRunOutcome, replyFailure } from './dutRunOutcome.ts';
import type { DutPredictor } from './predictor.ts';
import type { DutFailure } from './process/dutFailure.ts';
import type { DutProcess, ReplyVerdict } from './process/dutProcess.ts';
import type { DutReply } from './process/parseReply.ts';
import { type DutAccess, type DutRequest, requestLine } from './process/requestLine.ts';
import { Scoreboard } from './scoreboard.ts';

/** Every run passed (`last`: the last run's scoreboard), or the first that did not and what it showed. */
export type BatchOutcome =
  | { readonly kind: 'pass'; readonly last: Scoreboard }
  | {
      readonly kind: 'stopped';
      readonly run: number;
      readonly outcome: Exclude<DutRunOutcome, { kind: 'pass' }>;
    };

/** Runs `runs` one after the other through `dut`, each from a reset to the predictor's configuration, in one exchange. */
export async function runBatchOnDut(
  dut: DutProcess,
  predictor: DutPredictor,
  runs: readonly (readonly DutAccess[])[],
  timeoutMs: number,
): Promise<BatchOutcome> {
  const reset: DutRequest = { op: 'reset', cfg: predictor.cfg };
  const requests: DutRequest[] = [];
  const runOf: number[] = [];
  const stepOf: number[] = [];
  runs.forEach((accesses, r) => {
    requests.push(reset);
    runOf.push(r);
    stepOf.push(-1);
    accesses.forEach((a, i) => {
      requests.push(a);
      runOf.push(r);
      stepOf.push(i);
    });
  });
  let board = new Scoreboard(predictor, true);
  let stopped: BatchOutcome | undefined;
  /** A protocol failure, filled in with the DUT's last words once the exchange is over. */
  let failed: { readonly run: number; readonly failure: DutFailure } | undefined;
  const stop = (run: number, outcome: Exclude<DutRunOutcome, { kind: 'pass' }>): void => {
    stopped = { kind: 'stopped', run, outcome };
  };
  const onReply = (n: number, reply: DutReply): ReplyVerdict => {
    if (stopped !== undefined || failed !== undefined) {
      // In flight after the verdict: not judged, but a DUT that breaks the protocol here is not trusted again.
      if (replyFailure(reply, 0) !== undefined) dut.distrust();
      return 'next';
    }
    const r = runOf[n] ?? 0;
    const i = stepOf[n] ?? 0;
    if (i < 0) {
      if (reply.kind === 'refused') {
        stop(r, { kind: 'refused', error: reply.error });
        return 'stop';
      }
      board = new Scoreboard(predictor, true);
    }
    const bad = replyFailure(reply, i);
    if (bad !== undefined) {
      failed = { run: r, failure: bad };
      return 'abort';
    }
    const access = runs[r]?.[i];
    if (access !== undefined) {
      const m = board.score(i, access, reply.kind === 'data' ? reply.data : undefined);
      if (m !== null) {
        stop(r, { kind: 'mismatch', mismatch: m, board });
        return 'stop';
      }
    }
    const next = runs[r]?.[i + 1];
    if (next === undefined) return 'next';
    const obs = board.expect(next);
    if (!endsRun(obs)) return 'next';
    stop(r, { kind: 'ended', step: i + 1, obs, board });
    return 'abort';
  };
  const x = await dut.exchange(requests, timeoutMs, onReply);
  if (stopped !== undefined) return stopped;
  const f = failed ?? (x.kind === 'failed' ? transportFailure(x.failure, runOf, stepOf) : undefined);
  if (f === undefined) return { kind: 'pass', last: board };
  const { run, failure } = f;
  const req = failure.index < 0 ? reset : runs[run]?.[failure.index];
  const request = req === undefined ? '(none)' : requestLine(req);
  const stderr = await dut.stderrReport();
  // A failure at a reset: nothing of that run was scored (the board would be the previous run's).
  const at = failure.index < 0 ? new Scoreboard(predictor, true) : board;
  return {
    kind: 'stopped',
    run,
    outcome: { kind: 'failure', failure, step: failure.index, request, board: at, stderr },
  };
}

/** A failure of the exchange itself (a death, a hang, a bad line), moved from the exchange's request index to its run and step. */
function transportFailure(
  failure: DutFailure,
  runOf: readonly number[],
  stepOf: readonly number[],
): { readonly run: number; readonly failure: DutFailure } {
  const n = Math.min(failure.index, runOf.length - 1);
  return { run: runOf[n] ?? 0, failure: { ...failure, index: stepOf[n] ?? -1 } };
}
