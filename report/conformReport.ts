/**
 * The report of `intcheck conform --dut`: per configuration a pass, a refused configuration
 * (skipped, with a visible note), a configuration not run (after a failure elsewhere, or when the
 * DUT could not go on), a difference from the predictor or a protocol failure (a death, a hang,
 * garbage), each shrunk and traced. Runs are numbered from 1 and steps from 0, in the text and in
 * `--json` alike (as the counterexample listing prints them). Runs the predictor ended early are
 * counted ("N of M runs ended early: …"), and a summary line counts the configurations checked,
 * skipped and refused. Text lines or one JSON object.
 */

import type { ConformResult, EndedEarly } from '../engine/dut/conformConfig.ts';
import { thousands } from '../model/thousands.ts';
import { formatEvent } from '../protocols/controller/model/formatEvent.ts';
import { formatObservation } from '../protocols/controller/model/stateCells.ts';

/** What a shrunk failure reports, whichever kind it is. */
interface Shrunk {
  /** 1-based run number. */
  readonly run: number;
  /** 0-based step at which the run failed (-1: the reset). */
  readonly step: number;
  readonly message: string;
  readonly shrinks: number;
  /** Requests of the failing run as found, and of the counterexample (its failing step included). */
  readonly foundLength: number;
  readonly length: number;
  readonly restarts: number;
  readonly shrinkRestarts: number;
  readonly endedEarly: EndedEarly;
  readonly seed: number;
  readonly path: string;
  readonly counterexample: readonly string[];
  readonly trace: string;
  readonly note?: string;
}

/** One configuration's verdict as reported. */
export type ConformConfigReport =
  | {
      readonly preset: string;
      readonly verdict: 'pass';
      readonly runs: number;
      readonly requests: number;
      readonly seconds: number;
      readonly endedEarly: EndedEarly;
      readonly restarts: number;
    }
  | { readonly preset: string; readonly verdict: 'refused'; readonly error: string }
  /** Not run: the check stopped before it (`how` says how to run it), or the DUT could not go on. */
  | { readonly preset: string; readonly verdict: 'skipped'; readonly reason: string; readonly how?: string }
  | ({
      readonly preset: string;
      readonly verdict: 'mismatch';
      readonly expected: string;
      readonly actual: string;
      readonly cause?: number;
    } & Shrunk)
  | ({
      readonly preset: string;
      readonly verdict: 'failure';
      /** The protocol failure's kind (exit, crash, timeout, json, …). */
      readonly kind: string;
      /** The request that failed, as sent. */
      readonly request: string;
      /** What happened, in words (an exit code, a signal, a timeout, the bad line). */
      readonly detail: string;
      /** The DUT's stderr lines, diagnoses first, bounded. */
      readonly stderr: readonly string[];
    } & Shrunk);

/** The configurations of one `conform --dut` by what became of them. */
export interface ConfigurationCounts {
  readonly checked: number;
  readonly skipped: number;
  readonly refused: number;
}

/** Counts `results` for the summary line. */
export function configurationCounts(results: readonly ConformConfigReport[]): ConfigurationCounts {
  const n = (v: ConformConfigReport['verdict']) => results.filter((r) => r.verdict === v).length;
  return {
    checked: results.length - n('skipped') - n('refused'),
    skipped: n('skipped'),
    refused: n('refused'),
  };
}

/** The report of `conform --dut` (what `--json` prints, and the programmatic API's `conform`). */
export interface ConformReport {
  /** Every configuration the DUT accepted conforms, and at least one was checked. */
  readonly ok: boolean;
  /** The DUT's name, from its `hello`. */
  readonly dut: string;
  readonly command: string;
  /** The predictor's name (`reference`, or `--against`'s). */
  readonly against: string;
  readonly seed: number;
  readonly runs: number;
  readonly window: number;
  readonly configurations: ConfigurationCounts;
  readonly results: readonly ConformConfigReport[];
}

/** Whether the DUT was shown not to conform (a difference or a protocol failure). */
export const conformFailed = (r: ConformReport): boolean =>
  r.results.some((c) => c.verdict === 'mismatch' || c.verdict === 'failure');

/** What a report needs besides the result. */
export interface ReportContext {
  readonly preset: string;
  /** The predictor's name (`reference`, or `--against`'s). */
  readonly predictor: string;
  /** The trace written for a failure. */
  readonly trace: string;
  readonly seconds: number;
  /** The one line of a protocol failure (conformDut's failureLine). */
  readonly failureLine: string;
}

/** What to say about one configuration's result. */
export function configReport(r: ConformResult, c: ReportContext): ConformConfigReport {
  const preset = c.preset;
  switch (r.kind) {
    case 'pass':
      return {
        preset,
        verdict: 'pass',
        runs: r.runs,
        requests: r.requests,
        seconds: c.seconds,
        endedEarly: r.endedEarly,
        restarts: r.restarts,
      };
    case 'refused':
      return { preset, verdict: 'refused', error: r.error };
    case 'halted':
      return { preset, verdict: 'skipped', reason: `stopped after ${r.runs} runs: ${r.reason}` };
    case 'mismatch':
    case 'failure': {
      const shrunk: Shrunk = {
        run: r.index + 1,
        step: r.kind === 'mismatch' ? r.run.mismatch.step : r.run.step,
        message: r.kind === 'mismatch' ? r.run.mismatch.message : c.failureLine,
        shrinks: r.shrinks,
        foundLength: r.foundLength,
        length: r.counterexample.length,
        restarts: r.restarts,
        shrinkRestarts: r.shrinkRestarts,
        endedEarly: r.endedEarly,
        seed: r.seed,
        path: r.path,
        counterexample: r.counterexample.map(formatEvent),
        trace: c.trace,
        ...(r.stoppedBy === undefined ? {} : { note: `shrinking stopped early: ${r.stoppedBy}` }),
      };
      if (r.kind === 'failure') {
        return {
          preset,
          verdict: 'failure',
          kind: r.run.failure.kind,
          request: r.run.request,
          detail: r.run.failure.detail,
          stderr: r.run.stderr,
          ...shrunk,
        };
      }
      const m = r.run.mismatch;
      return {
        preset,
        verdict: 'mismatch',
        expected: formatObservation(m.expected),
        actual: formatObservation(m.actual),
        ...(m.cause === undefined ? {} : { cause: m.cause }),
        ...shrunk,
      };
    }
  }
}

/** "N of M runs ended early: …" (empty when none did). */
function endedEarlyLine(e: EndedEarly, runs: number, predictor: string): string {
  if (e.runs === 0) return '';
  const parts = (['abort', 'undefined', 'stall'] as const).filter((k) => e[k] > 0).map((k) => `${e[k]} ${k}`);
  return `${e.runs} of ${runs} runs ended early: ${parts.join(', ')} (${predictor} predicts the design stops there; the rest of each such run was not judged, and the DUT was restarted)`;
}

/** How the text names the predictor: "the reference", or the implementation. */
const against = (predictor: string) => (predictor === 'reference' ? 'the reference' : predictor);

/** The replay command of a failure's trace. */
export function replayCommand(trace: string, command: string, predictor: string): string {
  const also = predictor === 'reference' ? '' : ` --against ${predictor}`;
  return `npx intcheck replay ${trace} --dut ${JSON.stringify(command)}${also}`;
}

/** The lines every shrunk failure prints after its first. */
function shrunkLines(r: Shrunk, command: string, predictor: string, runs: number): string[] {
  const ended = endedEarlyLine(r.endedEarly, r.run, predictor);
  return [
    ...(r.note === undefined ? [] : [`  ${r.note}`]),
    ...(ended === '' ? [] : [`  ${ended}`]),
    '  counterexample:',
    ...r.counterexample.map((e, i) => `  ${i === r.step ? '→' : ' '} ${String(i).padStart(3)}  ${e}`),
    `  trace:  ${r.trace}`,
    `  replay: ${replayCommand(r.trace, command, predictor)}`,
    `  fast-check: { seed: ${r.seed}, path: "${r.path}", endOnFailure: true } (run ${r.run} of up to ${runs})`,
  ];
}

/** "shrunk 5 times from 40 to 3 requests; the DUT was restarted 7 times". */
function shrinkWords(r: Shrunk, what: string): string {
  const times = r.shrinkRestarts === 1 ? 'once' : `${r.shrinkRestarts} times`;
  const restarted = r.shrinkRestarts === 0 ? '' : `; the DUT was restarted ${times} while shrinking`;
  return `shrunk ${r.shrinks} times from ${r.foundLength} to ${r.length} ${what}${restarted}`;
}

/** The text lines of one configuration's verdict; `runs` is the number of runs asked for. */
export function formatConform(
  dut: string,
  command: string,
  seed: number,
  predictor: string,
  runs: number,
  r: ConformConfigReport,
): string[] {
  const head = `dut ${dut} / ${r.preset}`;
  switch (r.verdict) {
    case 'pass': {
      const rate = r.seconds > 0 ? thousands(Math.round(r.requests / r.seconds)) : '—';
      const ended = endedEarlyLine(r.endedEarly, r.runs, predictor);
      return [
        `✓ ${head}: ${r.runs} runs conform to ${against(predictor)} (${thousands(r.requests)} requests in ${r.seconds.toFixed(2)} s, ${rate} requests/s) [seed ${seed}]`,
        ...(ended === '' ? [] : [`  ${ended}`]),
      ];
    }
    case 'refused':
      return [
        `⚠ ${head}: skipped, not counted as a pass: the DUT refused the configuration: ${JSON.stringify(r.error)}`,
      ];
    case 'skipped':
      return [
        `⚠ ${head}: not checked, not counted as a pass: ${r.reason}${r.how === undefined ? '' : `; ${r.how}`}`,
      ];
    case 'mismatch':
      return [
        `✗ ${head}: differs from ${against(predictor)} at step ${r.step} (run ${r.run}, ${shrinkWords(r, 'accesses')}) [seed ${seed}]`,
        `  ${r.message}`,
        ...shrunkLines(r, command, predictor, runs),
      ];
    case 'failure':
      return [
        `✗ ${head}: ${r.message} (${shrinkWords(r, 'accesses')}) [seed ${seed}]`,
        ...r.stderr.map((l) => `  DUT stderr: ${l}`),
        ...shrunkLines(r, command, predictor, runs),
      ];
  }
}

/** The closing summary line: configurations checked, skipped and refused. */
export function summaryLine(dut: string, c: ConfigurationCounts): string {
  const n = (k: number, what: string) => `${k} ${what}`;
  return `dut ${dut}: ${n(c.checked, c.checked === 1 ? 'configuration checked' : 'configurations checked')}, ${n(c.skipped, 'skipped')}, ${n(c.refused, 'refused')}`;
}
