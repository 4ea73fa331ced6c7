/**
 * The report of `intcheck check` — one JSON object with `--json`, lines of text otherwise — and
 * of `intcheck merge`, which rebuilds from shards' reports exactly the report of the whole run.
 * A shard's report says which runs it covered and, per configuration, its own verdict.
 */

import { type EndedEarly, endedEarlyText } from '../engine/check/endedEarly.ts';
import { thousands } from '../model/thousands.ts';

/** A configuration's parameters as a report prints them (`base` a hex string). */
export type ConfigJson = Readonly<Record<string, number | string>>;

/** Which runs a shard covered: `index` of `count`, runs `from` to `to` (exclusive). */
export interface ShardInfo {
  readonly index: number;
  readonly count: number;
  readonly from: number;
  readonly to: number;
}

/** The protocol a report is of (a name of protocols/index.ts). */
export type CheckProtocol = string;

/** Where a wakeup run failed: on a storm event, on a drain step, or at quiescence after the drain. */
export type FailurePhase = 'storm' | 'drain' | 'quiescence';

/** The lowest failing run of one configuration and its shrunk counterexample. */
export interface FailureReport {
  /** The failing run, numbered from 1 in the whole check (as the text says "storm N"). */
  readonly run: number;
  readonly property: string;
  /** 0-based index of the failing step: an event of the counterexample, or (wakeup) a drain step after them. */
  readonly step: number;
  /** Wakeup checks only: where the run failed. */
  readonly phase?: FailurePhase;
  readonly message: string;
  /** Wakeup checks only: a few lines explaining the violation in domain words. */
  readonly explanation?: readonly string[];
  readonly shrinks: number;
  /** fast-check replay: `{ seed, path, endOnFailure: true }`. */
  readonly seed: number;
  readonly path: string;
  readonly length: number;
  /** The counterexample's events, one line each. */
  readonly counterexample: readonly string[];
  /** Where the ITF trace was written. */
  readonly trace: string;
}

/** One configuration's verdict; `runs` and `events` count up to the failing run included. */
export type ConfigReport =
  | {
      readonly preset: string;
      readonly config: ConfigJson;
      readonly ok: true;
      readonly runs: number;
      readonly events: number;
      /** Runs in which the design stopped (a stall, an abort, an undefined outcome), by how. */
      readonly endedEarly: EndedEarly;
      readonly seconds: number;
    }
  | {
      readonly preset: string;
      readonly config: ConfigJson;
      readonly ok: false;
      readonly runs: number;
      readonly events: number;
      readonly endedEarly: EndedEarly;
      readonly seconds: number;
      readonly failure: FailureReport;
    };

/** The whole report; `results` stops at the first configuration that fails. */
export interface CheckReport {
  readonly ok: boolean;
  readonly protocol: CheckProtocol;
  readonly implementation: string;
  /** intcheck's version (shards of different versions do not merge). */
  readonly version: string;
  readonly seed: number;
  /** Runs of the whole check, per configuration. */
  readonly runs: number;
  readonly maxEvents: number;
  /** Ids of the properties checked, in registry order. */
  readonly properties: readonly string[];
  /** Present in a shard's report only. */
  readonly shard?: ShardInfo;
  readonly results: readonly ConfigReport[];
}

/** The text lines of one configuration's verdict (printed as soon as it is known). */
export function formatResult(report: Omit<CheckReport, 'results' | 'ok'>, r: ConfigReport): string[] {
  const head = `${report.protocol} / ${report.implementation} / ${r.preset}`;
  const shard = report.shard
    ? `, shard ${report.shard.index}/${report.shard.count}: runs ${report.shard.from}..${report.shard.to - 1}`
    : '';
  const ended = endedEarlyText(r.endedEarly, r.runs, 'storms');
  const endedLine =
    ended === '' ? [] : [`  ${ended} (the design stopped there; each was judged up to that step)`];
  if (r.ok) {
    return [
      `✓ ${head}: ${report.properties.length} properties hold on ${r.runs} storms (${thousands(r.events)} events) in ${r.seconds.toFixed(2)} s [seed ${report.seed}${shard}]`,
      ...endedLine,
    ];
  }
  const f = r.failure;
  const where = f.phase === 'drain' ? ' in the drain' : f.phase === 'quiescence' ? ' at quiescence' : '';
  const why = f.explanation ?? [];
  const others = report.properties.length - 1;
  const before = r.runs - 1;
  return [
    `✗ ${head}: ${f.property} failed at step ${f.step}${where} (storm ${f.run}, shrunk ${f.shrinks} times to ${f.length} events) [seed ${report.seed}${shard}]`,
    `  ${f.message}`,
    ...(others > 0
      ? [
          before === 0
            ? `  the other ${others} properties were judged only on the failing storm (${thousands(r.events)} events), when the check stopped: not a full pass`
            : `  the other ${others} properties held in the ${before} storm${before === 1 ? '' : 's'} before it (${thousands(r.events)} events in all), when the check stopped: not a full pass`,
        ]
      : []),
    ...endedLine,
    ...(why.length > 0 ? ['  why:', ...why.map((line) => `    ${line}`)] : []),
    '  counterexample:',
    ...f.counterexample.map((e, i) => `  ${i === f.step ? '→' : ' '} ${String(i).padStart(3)}  ${e}`),
    `  trace:  ${f.trace}`,
    `  replay: npx intcheck replay ${f.trace}`,
    `  fast-check: { seed: ${f.seed}, path: "${f.path}", endOnFailure: true }`,
  ];
}

/** The report as the one line `--json` prints: keys in a fixed order, so equal reports are equal text. */
export function reportToJson(report: CheckReport): string {
  const { ok, protocol, implementation, version, seed, runs, maxEvents, properties, shard, results } = report;
  return JSON.stringify({
    ok,
    protocol,
    implementation,
    version,
    seed,
    runs,
    maxEvents,
    properties,
    ...(shard ? { shard: { index: shard.index, count: shard.count, from: shard.from, to: shard.to } } : {}),
    results: results.map(orderedResult),
  });
}

function orderedResult(r: ConfigReport): ConfigReport {
  const common = { preset: r.preset, config: r.config };
  const counts = {
    runs: r.runs,
    events: r.events,
    endedEarly: orderedEnded(r.endedEarly),
    seconds: r.seconds,
  };
  if (r.ok) return { ...common, ok: true, ...counts };
  const f = r.failure;
  return {
    ...common,
    ok: false,
    ...counts,
    failure: {
      run: f.run,
      property: f.property,
      step: f.step,
      ...(f.phase === undefined ? {} : { phase: f.phase }),
      message: f.message,
      ...(f.explanation === undefined ? {} : { explanation: f.explanation }),
      shrinks: f.shrinks,
      seed: f.seed,
      path: f.path,
      length: f.length,
      counterexample: f.counterexample,
      trace: f.trace,
    },
  };
}

/** `e` with its keys in a fixed order. */
function orderedEnded(e: EndedEarly): EndedEarly {
  return { runs: e.runs, stall: e.stall, abort: e.abort, undefined: e.undefined };
}

/**
 * The lines that say what a check did not cover: the configurations after the one that failed
 * (not checked), with the command that checks one, and the count of configurations checked and
 * skipped.
 */
export function coverageLines(
  results: readonly ConfigReport[],
  planned: readonly string[],
  rerun: (preset: string) => string,
): string[] {
  const skipped = planned.slice(results.length);
  const lines = skipped.map(
    (name) =>
      `${name} was not checked: the check stops at the first configuration that fails (run it: ${rerun(name)})`,
  );
  const checked = results.length;
  lines.push(`${checked} configuration${checked === 1 ? '' : 's'} checked, ${skipped.length} skipped`);
  return lines;
}
