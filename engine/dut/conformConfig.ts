/**
 * `conform` on one configuration: seeded random runs through the DUT, each scored against the
 * predictor (the reference model, or the implementation `--against` names). Runs are generated
 * in the background while the DUT works ({@link RunProducer}: run `i` is fast-check's `i`-th value
 * for the seed, its replay path `"i"`) and sent back to back in batches, each one pipelined
 * exchange. A run the predictor ends early (a stall, an abort, an undefined effect) is counted,
 * the DUT restarted, and the runs after it in its batch sent again after the restart. The first
 * run that fails — a difference, or a protocol failure (a death, a hang, garbage) — is replayed
 * and shrunk by fast-check (path `"i"`), then by removing blocks of accesses, to the shortest run
 * that still fails the same way; the DUT is restarted whenever a candidate leaves it unusable
 * (restarts after failures are capped: DutSession).
 */
import fc from 'fast-check';
import { dutRun } from './dutRun.ts';
import {
  type DutRunOutcome,
  describeSignature,
  type FailingRun,
  failingStep,
  failsLike,
  signatureOf,
} from './dutRunOutcome.ts';
import type { DutPredictor } from './predictor.ts';
import type { DutSession } from './process/dutSession.ts';
import type { DutAccess } from './process/requestLine.ts';
import { runBatchOnDut } from './runBatchOnDut.ts';
import { runOnDut } from './runOnDut.ts';
import { RunProducer } from './runProducer.ts';
import { type Attempt, cutAt, shrinkAccesses } from './shrinkAccesses.ts';

export interface ConformOptions {
  readonly predictor: DutPredictor;
  readonly runs: number;
  readonly seed: number;
  /** Longest storm generated (in storm events; a wakeup storm's drain comes on top). */
  readonly maxEvents: number;
  readonly timeoutMs: number;
  /** Called after every batch of generated runs with the count so far. */
  readonly onRun?: (done: number) => void;
}

/** Runs the predictor ended early, by how (controller.md §7). */
export interface EndedEarly {
  readonly runs: number;
  readonly stall: number;
  readonly abort: number;
  readonly undefined: number;
}

/** What every verdict that ran counts: runs and requests up to the verdict, runs ended early, DUT restarts. */
export interface ConformCounts {
  readonly runs: number;
  readonly requests: number;
  readonly endedEarly: EndedEarly;
  readonly restarts: number;
}

type MismatchRun = Extract<FailingRun, { kind: 'mismatch' }>;
type FailureRun = Extract<FailingRun, { kind: 'failure' }>;

/** A failing run, shrunk. */
export interface Found<R extends FailingRun> extends ConformCounts {
  readonly kind: R['kind'];
  /** 0-based index of the failing run among the generated ones (reports print it from 1). */
  readonly index: number;
  readonly shrinks: number;
  /** DUT restarts while shrinking (included in `restarts`). */
  readonly shrinkRestarts: number;
  readonly seed: number;
  readonly path: string;
  /** The shrunk run, up to and including the step that failed. */
  readonly counterexample: readonly DutAccess[];
  /** Length of the failing run as found, up to its failing step included. */
  readonly foundLength: number;
  readonly run: R;
  /** Set when shrinking stopped early (the DUT could not be restarted, or did not fail again). */
  readonly stoppedBy?: string;
}

/** What checking one configuration found. */
export type ConformResult =
  | ({ readonly kind: 'pass' } & ConformCounts)
  | { readonly kind: 'refused'; readonly error: string }
  /** The check could not go on: the DUT could not be restarted after a run that ended early. */
  | ({ readonly kind: 'halted'; readonly reason: string } & ConformCounts)
  | Found<MismatchRun>
  | Found<FailureRun>;

/** Requests per batch (about): enough to keep the pipe full, few enough to stop soon after a failure. */
const BATCH_REQUESTS = 2048;
/** Most runs in one batch. */
const MAX_BATCH_RUNS = 64;

/** Checks one configuration of the DUT `session` runs. */
export async function conformConfig(session: DutSession, o: ConformOptions): Promise<ConformResult> {
  const arb = dutRun(o.predictor, o.maxEvents);
  const producer = new RunProducer(arb, o.seed, o.runs, 2 * MAX_BATCH_RUNS);
  try {
    return await consume(session, o, arb, producer);
  } finally {
    producer.stop();
    await producer.finished;
  }
}

/** Mutable tallies of {@link ConformCounts}. */
class Tally {
  runs = 0;
  requests = 0;
  ended = { runs: 0, stall: 0, abort: 0, undefined: 0 };
  constructor(private readonly session: DutSession) {}
  counts(restartsBefore: number): ConformCounts {
    return {
      runs: this.runs,
      requests: this.requests,
      endedEarly: { ...this.ended },
      restarts: this.session.restarts - restartsBefore,
    };
  }
}

/** Takes the producer's runs in batches and sends each batch in one exchange, until a run fails. */
async function consume(
  session: DutSession,
  o: ConformOptions,
  arb: fc.Arbitrary<DutAccess[]>,
  producer: RunProducer,
): Promise<ConformResult> {
  const restartsBefore = session.restarts;
  const tally = new Tally(session);
  /** Runs taken from the producer but not yet run (after a run that ended early in their batch). */
  const pending: DutAccess[][] = [];
  let perRun = 64; // requests per run, re-estimated as runs come
  for (;;) {
    const why = await session.ready(false);
    if (why !== undefined) return { kind: 'halted', reason: why, ...tally.counts(restartsBefore) };
    const from = tally.runs;
    // The first run goes alone with a lone reset: a DUT refusing the configuration sees no access.
    const max = from === 0 ? 1 : Math.max(1, Math.min(MAX_BATCH_RUNS, Math.ceil(BATCH_REQUESTS / perRun)));
    const batch = pending.length > 0 ? pending.splice(0, max) : await producer.take(max);
    const first = batch[0];
    if (first === undefined) return { kind: 'pass', ...tally.counts(restartsBefore) };
    const sent = batch.reduce((n, r) => n + r.length + 1, 0);
    perRun = Math.max(1, sent / batch.length);
    const dut = session.process;
    const out =
      from === 0
        ? await runOnDut(dut, o.predictor, first, o.timeoutMs, false).then((run) =>
            run.kind === 'pass'
              ? ({ kind: 'pass', last: run.board } as const)
              : ({ kind: 'stopped', run: 0, outcome: run } as const),
          )
        : await runBatchOnDut(dut, o.predictor, batch, o.timeoutMs);
    if (out.kind === 'pass') {
      tally.requests += sent;
      tally.runs += batch.length;
      o.onRun?.(tally.runs);
      continue;
    }
    const r = out.run;
    for (let k = 0; k < r; k++) tally.requests += (batch[k]?.length ?? 0) + 1;
    tally.runs += r + 1;
    const run = out.outcome;
    const accesses = batch[r] ?? [];
    switch (run.kind) {
      case 'ended':
        tally.requests += run.step + 1;
        tally.ended.runs++;
        tally.ended[run.obs.kind]++;
        session.discard('ended');
        pending.unshift(...batch.slice(r + 1));
        o.onRun?.(tally.runs);
        continue;
      case 'refused':
        return { kind: 'refused', error: run.error };
      case 'failure':
      case 'mismatch': {
        tally.requests += failingStep(run) + 2;
        producer.stop();
        if (run.kind === 'failure') session.discard('failure');
        const index = tally.runs - 1;
        return shrink(session, o, arb, index, accesses, run, tally, restartsBefore);
      }
    }
  }
}

/** One candidate on the DUT: restarted first when it cannot be trusted, discarded after a failure or an early end. */
function attemptOn(session: DutSession, o: ConformOptions): Attempt {
  return async (accesses) => {
    const why = await session.ready();
    if (why !== undefined) return why;
    const run = await runOnDut(session.process, o.predictor, accesses, o.timeoutMs);
    if (run.kind === 'failure') session.discard('failure');
    if (run.kind === 'ended') session.discard('ended');
    return run;
  };
}

/**
 * Replays run `index` under fast-check (path "index") to shrink it, then removes blocks of
 * accesses; a candidate counts as failing when it fails the way the run did.
 */
async function shrink(
  session: DutSession,
  o: ConformOptions,
  arb: fc.Arbitrary<DutAccess[]>,
  index: number,
  accesses: readonly DutAccess[],
  found: FailingRun,
  tally: Tally,
  restartsBefore: number,
): Promise<ConformResult> {
  const signature = signatureOf(found, accesses);
  const shrinkFrom = session.restarts;
  const attempt = attemptOn(session, o);
  const foundLength = cutAt(accesses, found).length;
  let last: { accesses: readonly DutAccess[]; run: FailingRun } = {
    accesses: cutAt(accesses, found),
    run: found,
  };
  let failedAgain = false;
  let stoppedBy: string | undefined;
  const property = fc.asyncProperty(arb, async (candidate) => {
    if (stoppedBy !== undefined) return true; // the DUT is not usable: let fast-check finish
    const run: DutRunOutcome | string = await attempt(candidate);
    if (typeof run === 'string') {
      stoppedBy = run;
      return true;
    }
    if (failsLike(signature, run, candidate)) {
      failedAgain = true;
      last = { accesses: cutAt(candidate, run), run };
      return false;
    }
    if (run.kind === 'refused') stoppedBy = `reset refused: ${run.error}`;
    return true;
  });
  const details = await fc.check(property, { seed: o.seed, numRuns: 1, path: String(index) });
  if (!failedAgain && stoppedBy === undefined) {
    stoppedBy = `the DUT did not fail again (${describeSignature(signature)}) when the run was replayed after a reset (is it deterministic?)`;
  }
  let shrinks = details.numShrinks;
  if (stoppedBy === undefined) {
    const more = await shrinkAccesses(attempt, last.accesses, last.run, signature);
    last = { accesses: more.accesses, run: more.run };
    shrinks += more.shrinks;
    stoppedBy = more.stoppedBy;
  }
  const common = {
    ...tally.counts(restartsBefore),
    index,
    seed: details.seed,
    path: details.counterexamplePath ?? String(index),
    shrinks,
    shrinkRestarts: session.restarts - shrinkFrom,
    counterexample: last.accesses,
    foundLength,
    ...(stoppedBy === undefined ? {} : { stoppedBy }),
  };
  const run = last.run;
  return run.kind === 'mismatch' ? { ...common, kind: 'mismatch', run } : { ...common, kind: 'failure', run };
}
