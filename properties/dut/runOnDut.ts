/**
 * One run of a DUT (the testbench's test): `reset` with the configuration, then the run's
 * accesses pipelined through the process, each reply scored against the reference model as it
 * arrives. The first difference stops the sending (replies in flight are still read, so the
 * process is ready for the next reset); a protocol failure ends the run at once.
 */
import type { DutFailure } from '../../impl/dut/dutFailure.ts';
import type { DutProcess, ReplyVerdict } from '../../impl/dut/dutProcess.ts';
import { type DutAccess, type DutReply, type DutRequest, requestLine } from '../../impl/dut/wire.ts';
import type { Config } from '../../model/config/config.ts';
import { type Mismatch, Scoreboard } from './scoreboard.ts';

/** What one run showed. `board` holds the model's prediction of every step scored. */
export type DutRunOutcome =
  | { readonly kind: 'pass'; readonly board: Scoreboard }
  | { readonly kind: 'mismatch'; readonly mismatch: Mismatch; readonly board: Scoreboard }
  /** The DUT answered `reset` with "ok": false: it does not support this configuration. */
  | { readonly kind: 'refused'; readonly error: string }
  /** A protocol failure at `step` (-1: at the reset), with the request it concerns. */
  | {
      readonly kind: 'failure';
      readonly failure: DutFailure;
      readonly step: number;
      readonly request: string;
      readonly board: Scoreboard;
    };

/** A reply that is not usable as an answer, as a protocol failure at request `index`. */
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
    default:
      return undefined;
  }
}

/**
 * Runs `accesses` from a reset of `dut` to `cfg`. Once the DUT has accepted `cfg`
 * (`known: true`), the reset is pipelined with the accesses (request 0 of one exchange);
 * before that it goes alone, so that a DUT refusing the configuration never sees accesses.
 */
export async function runOnDut(
  dut: DutProcess,
  cfg: Config,
  accesses: readonly DutAccess[],
  timeoutMs: number,
  known = true,
): Promise<DutRunOutcome> {
  const board = new Scoreboard(cfg, true);
  const reset: DutRequest = { op: 'reset', cfg };
  let refused: string | undefined;
  let mismatch: Mismatch | undefined;
  let failure: DutFailure | undefined;
  /** Index in the exchange of access 0: 1 when the reset leads the exchange. */
  let first = 1;
  const onReply = (n: number, reply: DutReply): ReplyVerdict => {
    if (mismatch !== undefined || refused !== undefined) return 'next'; // in flight after the verdict
    const i = n - first;
    if (i < 0 && reply.kind === 'refused') {
      refused = reply.error;
      return 'stop';
    }
    failure = replyFailure(reply, i);
    if (failure !== undefined) return 'abort';
    const access = accesses[i];
    if (access === undefined) return 'next'; // the reset's acknowledgement
    const m = board.score(i, access, reply.kind === 'data' ? reply.data : undefined);
    if (m === null) return 'next';
    mismatch = m;
    return 'stop';
  };
  let x = known ? undefined : await dut.exchange([reset], timeoutMs, onReply);
  if (x?.kind !== 'failed' && failure === undefined && refused === undefined) {
    first = known ? 1 : 0;
    x = await dut.exchange(known ? [reset, ...accesses] : accesses, timeoutMs, onReply);
  }
  // A verdict found first stands even if the DUT then fails on a reply in flight.
  if (mismatch !== undefined) return { kind: 'mismatch', mismatch, board };
  if (refused !== undefined) return { kind: 'refused', error: refused };
  if (x?.kind === 'failed') failure ??= { ...x.failure, index: x.failure.index - first };
  if (failure === undefined) return { kind: 'pass', board };
  const access = failure.index < 0 ? reset : accesses[failure.index];
  const request = access === undefined ? '(none)' : requestLine(access);
  return { kind: 'failure', failure, step: failure.index, request, board };
}
