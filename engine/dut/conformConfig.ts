/**
 * `conform` on one configuration: seeded random runs through one DUT process, each scored
 * against the reference model. Runs are generated in the background while the DUT works
 * ({@link RunProducer}: run `i` is fast-check's `i`-th value for the seed, its replay path
 * `"i"`) and sent back to back in batches, each one pipelined exchange. The first run with a difference is replayed
 * and shrunk by fast-check (path `"i"`), then by removing blocks of accesses, every candidate
 * run through the same process after a reset. A protocol failure (garbage, a death, a hang) is
 * not shrunk: the process cannot be trusted any more, so the run is reported as it happened.
 */
import fc from 'fast-check';
import type { Config } from '../../protocols/controller/model/config/config.ts';
import { dutRun } from './dutRun.ts';
import type { DutRunOutcome } from './dutRunOutcome.ts';
import type { DutProcess } from './process/dutProcess.ts';
import type { DutAccess } from './process/requestLine.ts';
import { runBatchOnDut } from './runBatchOnDut.ts';
import { runOnDut } from './runOnDut.ts';
import { RunProducer } from './runProducer.ts';
import { shrinkAccesses } from './shrinkAccesses.ts';

export interface ConformOptions {
  readonly cfg: Config;
  readonly runs: number;
  readonly seed: number;
  /** Longest storm generated (in storm events; a wakeup storm's drain comes on top). */
  readonly maxEvents: number;
  readonly timeoutMs: number;
  /** Called after every batch of generated runs with the count so far. */
  readonly onRun?: (done: number) => void;
}

type Failed = Extract<DutRunOutcome, { kind: 'failure' }>;
type Differs = Extract<DutRunOutcome, { kind: 'mismatch' }>;

/** What checking one configuration found; `runs` and `requests` count generated runs up to the verdict. */
export type ConformResult =
  | { readonly kind: 'pass'; readonly runs: number; readonly requests: number }
  | { readonly kind: 'refused'; readonly error: string }
  | {
      readonly kind: 'mismatch';
      readonly runs: number;
      readonly requests: number;
      /** 0-based index of the failing run. */
      readonly index: number;
      readonly shrinks: number;
      readonly seed: number;
      readonly path: string;
      readonly counterexample: readonly DutAccess[];
      readonly run: Differs;
      /** Set when shrinking stopped early (the DUT failed the protocol on a candidate, or did not fail again). */
      readonly stoppedBy?: string;
    }
  | {
      readonly kind: 'failure';
      readonly runs: number;
      readonly requests: number;
      readonly index: number;
      /** The run as it was sent, up to and including the failing request. */
      readonly accesses: readonly DutAccess[];
      readonly run: Failed;
    };

/** Requests per batch (about): enough to keep the pipe full, few enough to stop soon after a failure. */
const BATCH_REQUESTS = 2048;
/** Most runs in one batch. */
const MAX_BATCH_RUNS = 64;

/** Checks one configuration of `dut`. */
export async function conformConfig(dut: DutProcess, o: ConformOptions): Promise<ConformResult> {
  const arb = dutRun(o.cfg, o.maxEvents);
  const producer = new RunProducer(arb, o.seed, o.runs, 2 * MAX_BATCH_RUNS);
  try {
    return await consume(dut, o, arb, producer);
  } finally {
    producer.stop();
    await producer.finished;
  }
}

/** Takes the producer's runs in batches and sends each batch in one exchange, until a run fails. */
async function consume(
  dut: DutProcess,
  o: ConformOptions,
  arb: fc.Arbitrary<DutAccess[]>,
  producer: RunProducer,
): Promise<ConformResult> {
  let requests = 0;
  let from = 0;
  let perRun = 64; // requests per run, re-estimated as runs come
  for (;;) {
    // The first run goes alone with a lone reset: a DUT refusing the configuration sees no access.
    const max = from === 0 ? 1 : Math.max(1, Math.min(MAX_BATCH_RUNS, Math.ceil(BATCH_REQUESTS / perRun)));
    const batch = await producer.take(max);
    const first = batch[0];
    if (first === undefined) return { kind: 'pass', runs: from, requests };
    const sent = batch.reduce((n, r) => n + r.length + 1, 0);
    perRun = Math.max(1, sent / batch.length);
    const out =
      from === 0
        ? await runOnDut(dut, o.cfg, first, o.timeoutMs, false).then((run) =>
            run.kind === 'pass'
              ? ({ kind: 'pass', last: run.board } as const)
              : ({ kind: 'stopped', run: 0, outcome: run } as const),
          )
        : await runBatchOnDut(dut, o.cfg, batch, o.timeoutMs);
    if (out.kind === 'pass') {
      requests += sent;
      from += batch.length;
      o.onRun?.(from);
      continue;
    }
    producer.stop();
    const index = from + out.run;
    const runs = index + 1;
    for (let r = 0; r <= out.run; r++) requests += (batch[r]?.length ?? 0) + 1;
    const run = out.outcome;
    switch (run.kind) {
      case 'refused':
        return { kind: 'refused', error: run.error };
      case 'failure': {
        const accesses = (batch[out.run] ?? []).slice(0, Math.max(0, run.step + 1));
        return { kind: 'failure', runs, requests, index, accesses, run };
      }
      case 'mismatch':
        return shrink(dut, o, arb, index, batch[out.run] ?? [], run, { runs, requests });
    }
  }
}

/** Replays run `index` under fast-check (path "index") to shrink it, then removes blocks of accesses. */
async function shrink(
  dut: DutProcess,
  o: ConformOptions,
  arb: fc.Arbitrary<DutAccess[]>,
  index: number,
  accesses: readonly DutAccess[],
  found: Differs,
  counts: { readonly runs: number; readonly requests: number },
): Promise<ConformResult> {
  let last = { accesses, run: found };
  let failedAgain = false;
  let stoppedBy: string | undefined;
  const property = fc.asyncProperty(arb, async (candidate) => {
    if (stoppedBy !== undefined) return true; // the DUT is not usable: let fast-check finish
    const run = await runOnDut(dut, o.cfg, candidate, o.timeoutMs);
    switch (run.kind) {
      case 'pass':
        return true;
      case 'mismatch':
        failedAgain = true;
        last = { accesses: candidate, run };
        return false;
      case 'refused':
        stoppedBy = `reset refused: ${run.error}`;
        return true;
      case 'failure':
        stoppedBy = run.failure.detail;
        return true;
    }
  });
  const details = await fc.check(property, { seed: o.seed, numRuns: 1, path: String(index) });
  if (!failedAgain)
    stoppedBy ??= 'the DUT did not fail again when the run was replayed (is it deterministic?)';
  const common = {
    kind: 'mismatch',
    ...counts,
    index,
    seed: details.seed,
    path: details.counterexamplePath ?? String(index),
    shrinks: details.numShrinks,
  } as const;
  if (stoppedBy !== undefined) {
    const counterexample = last.accesses.slice(0, last.run.mismatch.step + 1);
    return { ...common, counterexample, run: last.run, stoppedBy };
  }
  const more = await shrinkAccesses(dut, o.cfg, last.accesses, last.run, o.timeoutMs);
  const stop = more.stoppedBy;
  const note =
    stop === undefined
      ? {}
      : { stoppedBy: stop.kind === 'refused' ? `reset refused: ${stop.error}` : stop.failure.detail };
  return {
    ...common,
    shrinks: common.shrinks + more.shrinks,
    counterexample: more.accesses,
    run: more.run,
    ...note,
  };
}
