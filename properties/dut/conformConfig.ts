/**
 * `conform` on one configuration: seeded random runs through one DUT process, each scored
 * against the reference model. Run `i` is the `i`-th value fast-check generates for the seed (its
 * replay path `"i"`, as in properties/check/seededRuns.ts), so runs can be generated in batches
 * and sent back to back in one pipelined exchange. The first run with a difference is replayed
 * and shrunk by fast-check (path `"i"`), then by removing blocks of accesses, every candidate
 * run through the same process after a reset. A protocol failure (garbage, a death, a hang) is
 * not shrunk: the process cannot be trusted any more, so the run is reported as it happened.
 */
import fc from 'fast-check';
import type { DutProcess } from '../../impl/dut/dutProcess.ts';
import type { DutAccess } from '../../impl/dut/wire.ts';
import type { Config } from '../../model/config/config.ts';
import type { DutRunOutcome } from './dutRunOutcome.ts';
import { dutRun } from './dutStimulus.ts';
import { runBatchOnDut } from './runBatchOnDut.ts';
import { runOnDut } from './runOnDut.ts';
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

/** Runs `from` … `from + count - 1` of the check with `seed`, exactly as fast-check generates them. */
function generate(arb: fc.Arbitrary<DutAccess[]>, seed: number, from: number, count: number): DutAccess[][] {
  const out: DutAccess[][] = [];
  const collect = fc.property(arb, (v) => {
    out.push(v);
    return true;
  });
  fc.check(collect, { seed, numRuns: count, ...(from > 0 ? { path: String(from) } : {}) });
  return out;
}

/** Checks one configuration of `dut`. */
export async function conformConfig(dut: DutProcess, o: ConformOptions): Promise<ConformResult> {
  const arb = dutRun(o.cfg, o.maxEvents);
  let requests = 0;
  let from = 0;
  let perRun = 64; // requests per run, re-estimated as runs are generated
  while (from < o.runs) {
    // The first run goes alone with a lone reset: a DUT refusing the configuration sees no access.
    const count = from === 0 ? 1 : Math.max(1, Math.min(o.runs - from, Math.ceil(BATCH_REQUESTS / perRun)));
    const batch = generate(arb, o.seed, from, count);
    const sent = batch.reduce((n, r) => n + r.length + 1, 0);
    perRun = Math.max(1, sent / batch.length);
    const first = batch[0];
    const out =
      from === 0 && first !== undefined
        ? await runOnDut(dut, o.cfg, first, o.timeoutMs, false).then((run) =>
            run.kind === 'pass'
              ? ({ kind: 'pass' } as const)
              : ({ kind: 'stopped', run: 0, outcome: run } as const),
          )
        : await runBatchOnDut(dut, o.cfg, batch, o.timeoutMs);
    if (out.kind === 'pass') {
      requests += sent;
      from += batch.length;
      o.onRun?.(from);
      continue;
    }
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
  return { kind: 'pass', runs: from, requests };
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
    shrinks: common.shrinks + more.candidates,
    counterexample: more.accesses,
    run: more.run,
    ...note,
  };
}
