/**
 * `conform` on one configuration: seeded random runs (fast-check, pinned seed) through one DUT
 * process, each scored against the reference model; the first run with a difference is shrunk
 * by fast-check and then by removing blocks of accesses, every candidate replayed through the
 * same process after a reset. A protocol failure (garbage, a death, a hang) is not shrunk: the
 * process cannot be trusted any more, so the run is reported as it happened.
 */
import fc from 'fast-check';
import type { DutProcess } from '../../impl/dut/dutProcess.ts';
import type { DutAccess } from '../../impl/dut/wire.ts';
import type { Config } from '../../model/config/config.ts';
import { dutRun } from './dutStimulus.ts';
import { type DutRunOutcome, runOnDut } from './runOnDut.ts';
import { shrinkAccesses } from './shrinkAccesses.ts';

export interface ConformOptions {
  readonly cfg: Config;
  readonly runs: number;
  readonly seed: number;
  /** Longest storm generated (in storm events; a wakeup storm's drain comes on top). */
  readonly maxEvents: number;
  readonly timeoutMs: number;
  /** Called after every generated run (not shrink runs) with the count so far. */
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
      /** Set when shrinking stopped early because the DUT failed the protocol on a candidate. */
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

/** Checks one configuration of `dut`. */
export async function conformConfig(dut: DutProcess, o: ConformOptions): Promise<ConformResult> {
  let runs = 0;
  let requests = 0;
  let shrinking = false;
  let stop: { readonly accesses: readonly DutAccess[]; readonly run: DutRunOutcome } | undefined;
  let last: { readonly accesses: readonly DutAccess[]; readonly run: Differs } | undefined;
  let stoppedBy: string | undefined;
  /** Whether the DUT has accepted this configuration (then resets are pipelined with the accesses). */
  let known = false;
  const property = fc.asyncProperty(dutRun(o.cfg, o.maxEvents), async (accesses) => {
    if (stop !== undefined || stoppedBy !== undefined) return true; // the DUT is not usable: let fast-check finish
    if (!shrinking) {
      runs++;
      requests += accesses.length + 1;
      o.onRun?.(runs);
    }
    const run = await runOnDut(dut, o.cfg, accesses, o.timeoutMs, known);
    known = run.kind !== 'refused';
    switch (run.kind) {
      case 'pass':
        return true;
      case 'mismatch':
        shrinking = true;
        last = { accesses, run };
        return false;
      case 'refused':
      case 'failure':
        if (shrinking) {
          stoppedBy = run.kind === 'refused' ? `reset refused: ${run.error}` : run.failure.detail;
          return true;
        }
        stop = { accesses, run };
        return false;
    }
  });
  const details = await fc.check(property, { seed: o.seed, numRuns: o.runs });
  const index = runs - 1;
  if (stop !== undefined) {
    const { run, accesses } = stop;
    if (run.kind === 'refused') return { kind: 'refused', error: run.error };
    if (run.kind === 'failure') {
      const upto = accesses.slice(0, Math.max(0, run.step + 1));
      return { kind: 'failure', runs, requests, index, accesses: upto, run };
    }
  }
  if (last === undefined) return { kind: 'pass', runs, requests };
  const found = { seed: details.seed, path: details.counterexamplePath ?? '', shrinks: details.numShrinks };
  if (stoppedBy !== undefined) {
    const counterexample = last.accesses.slice(0, last.run.mismatch.step + 1);
    return { kind: 'mismatch', runs, requests, index, ...found, counterexample, run: last.run, stoppedBy };
  }
  const more = await shrinkAccesses(dut, o.cfg, last.accesses, last.run, o.timeoutMs);
  const stopped =
    more.stoppedBy === undefined
      ? {}
      : {
          stoppedBy:
            more.stoppedBy.kind === 'refused'
              ? `reset refused: ${more.stoppedBy.error}`
              : more.stoppedBy.failure.detail,
        };
  return {
    kind: 'mismatch',
    runs,
    requests,
    index,
    ...found,
    shrinks: found.shrinks + more.candidates,
    counterexample: more.accesses,
    run: more.run,
    ...stopped,
  };
}
