/**
 * The report of `intcheck conform --dut`: per configuration a pass, a refused configuration
 * (skipped, with a visible note), a difference from the reference (shrunk, traced), or a
 * protocol failure (one line naming the step and the request). Text lines or one JSON object.
 */

import type { ConformResult } from '../../engine/dut/conformConfig.ts';
import { formatEvent } from '../../protocols/controller/model/formatEvent.ts';
import { formatObservation } from '../../protocols/controller/trace/stateCells.ts';

/** One configuration's verdict as reported. */
export type ConformConfigReport =
  | {
      readonly preset: string;
      readonly verdict: 'pass';
      readonly runs: number;
      readonly requests: number;
      readonly seconds: number;
    }
  | { readonly preset: string; readonly verdict: 'refused'; readonly error: string }
  | {
      readonly preset: string;
      readonly verdict: 'mismatch';
      readonly run: number;
      readonly step: number;
      readonly message: string;
      readonly expected: string;
      readonly actual: string;
      readonly cause?: number;
      readonly shrinks: number;
      readonly seed: number;
      readonly path: string;
      readonly counterexample: readonly string[];
      readonly trace: string;
      readonly note?: string;
    }
  | {
      readonly preset: string;
      readonly verdict: 'failure';
      readonly run: number;
      /** -1: at the reset that starts the run. */
      readonly step: number;
      readonly kind: string;
      readonly message: string;
      readonly stderr: readonly string[];
      readonly trace: string;
    };

/** The whole report of one `conform --dut`. */
export interface ConformReport {
  readonly ok: boolean;
  readonly dut: string;
  readonly command: string;
  readonly seed: number;
  readonly runs: number;
  readonly window: number;
  readonly results: readonly ConformConfigReport[];
}

/** What to say about one configuration's result (the trace path already decided). */
export function configReport(
  preset: string,
  r: ConformResult,
  trace: string,
  seconds: number,
  failureLine: string,
  stderr: readonly string[],
): ConformConfigReport {
  switch (r.kind) {
    case 'pass':
      return { preset, verdict: 'pass', runs: r.runs, requests: r.requests, seconds };
    case 'refused':
      return { preset, verdict: 'refused', error: r.error };
    case 'mismatch': {
      const m = r.run.mismatch;
      return {
        preset,
        verdict: 'mismatch',
        run: r.index,
        step: m.step,
        message: m.message,
        expected: formatObservation(m.expected),
        actual: formatObservation(m.actual),
        ...(m.cause === undefined ? {} : { cause: m.cause }),
        shrinks: r.shrinks,
        seed: r.seed,
        path: r.path,
        counterexample: r.counterexample.map(formatEvent),
        trace,
        ...(r.stoppedBy === undefined ? {} : { note: `shrinking stopped early: ${r.stoppedBy}` }),
      };
    }
    case 'failure':
      return {
        preset,
        verdict: 'failure',
        run: r.index,
        step: r.run.step,
        kind: r.run.failure.kind,
        message: failureLine,
        stderr,
        trace,
      };
  }
}

/** The text lines of one configuration's verdict. */
export function formatConform(dut: string, command: string, seed: number, r: ConformConfigReport): string[] {
  const head = `dut ${dut} / ${r.preset}`;
  switch (r.verdict) {
    case 'pass': {
      const rate = r.seconds > 0 ? Math.round(r.requests / r.seconds).toLocaleString('en') : '—';
      return [
        `✓ ${head}: ${r.runs} runs conform to the reference (${r.requests.toLocaleString('en')} requests in ${r.seconds.toFixed(2)} s, ${rate} requests/s) [seed ${seed}]`,
      ];
    }
    case 'refused':
      return [
        `⚠ ${head}: skipped, not counted as a pass: the DUT refused the configuration: ${JSON.stringify(r.error)}`,
      ];
    case 'mismatch':
      return [
        `✗ ${head}: differs from the reference at step ${r.step} (run ${r.run + 1}, shrunk ${r.shrinks} times to ${r.counterexample.length} accesses) [seed ${seed}]`,
        `  ${r.message}`,
        ...(r.note === undefined ? [] : [`  ${r.note}`]),
        '  counterexample:',
        ...r.counterexample.map((e, i) => `  ${i === r.step ? '→' : ' '} ${String(i).padStart(3)}  ${e}`),
        `  trace:  ${r.trace}`,
        `  replay: npx intcheck replay ${r.trace} --dut ${JSON.stringify(command)}`,
        `  fast-check: { seed: ${r.seed}, path: "${r.path}", endOnFailure: true }`,
      ];
    case 'failure':
      return [`✗ ${head}: ${r.message}; the run's trace (not shrunk): ${r.trace}`];
  }
}
