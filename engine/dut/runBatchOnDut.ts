/**
 * Many runs of a DUT in one exchange: `reset`, run 1's accesses, `reset`, run 2's accesses, …
 * all pipelined, each reply scored as it arrives by the run's own scoreboard. A run's stimulus
 * never depends on replies, so nothing waits between runs: the pipe stays full across resets.
 * The first run that does not pass stops the sending and is returned with what it showed.
 */

import type { Config } from '../../protocols/controller/model/config/config.ts';
import { type DutRunOutcome, replyFailure } from './dutRunOutcome.ts';
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

/** Runs `runs` one after the other through `dut`, each from a reset to `cfg`, in one exchange. */
export async function runBatchOnDut(
  dut: DutProcess,
  cfg: Config,
  runs: readonly (readonly DutAccess[])[],
  timeoutMs: number,
): Promise<BatchOutcome> {
  const reset: DutRequest = { op: 'reset', cfg };
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
  let board = new Scoreboard(cfg, true);
  let stopped: BatchOutcome | undefined;
  const stop = (run: number, outcome: Exclude<DutRunOutcome, { kind: 'pass' }>): BatchOutcome => {
    stopped = { kind: 'stopped', run, outcome };
    return stopped;
  };
  const failure = (run: number, f: DutFailure) => {
    const req = f.index < 0 ? reset : runs[run]?.[f.index];
    const request = req === undefined ? '(none)' : requestLine(req);
    return stop(run, { kind: 'failure', failure: f, step: f.index, request, board });
  };
  const onReply = (n: number, reply: DutReply): ReplyVerdict => {
    if (stopped !== undefined) return 'next'; // in flight after the verdict
    const r = runOf[n] ?? 0;
    const i = stepOf[n] ?? 0;
    if (i < 0) {
      if (reply.kind === 'refused') {
        stop(r, { kind: 'refused', error: reply.error });
        return 'stop';
      }
      board = new Scoreboard(cfg, true);
    }
    const bad = replyFailure(reply, i);
    if (bad !== undefined) {
      failure(r, bad);
      return 'abort';
    }
    const access = runs[r]?.[i];
    if (access === undefined) return 'next'; // a reset's acknowledgement
    const m = board.score(i, access, reply.kind === 'data' ? reply.data : undefined);
    if (m === null) return 'next';
    stop(r, { kind: 'mismatch', mismatch: m, board });
    return 'stop';
  };
  const x = await dut.exchange(requests, timeoutMs, onReply);
  if (stopped !== undefined) return stopped;
  if (x.kind === 'done') return { kind: 'pass', last: board };
  const n = x.failure.index;
  const r = runOf[n] ?? 0;
  return failure(r, { ...x.failure, index: stepOf[n] ?? -1 });
}
