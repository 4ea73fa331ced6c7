/**
 * Reads a `check --json` report back (for `intcheck merge`), checking every field it relies on;
 * a file that is not such a report is bad input with one line naming the file and the field.
 */
import { readFileSync } from 'node:fs';
import type { EndedEarly } from '../engine/check/endedEarly.ts';
import { UsageError } from '../model/badInput.ts';
import type {
  CheckProtocol,
  CheckReport,
  ConfigReport,
  FailurePhase,
  FailureReport,
  ShardInfo,
} from './checkReport.ts';

/** Where a wakeup failure may have happened. */
const PHASES: readonly FailurePhase[] = ['storm', 'drain', 'quiescence'];

type Json = Readonly<Record<string, unknown>>;

/** The report in `file` of one of `protocols` (protocols/index.ts's names), or a UsageError naming what is wrong with it. */
export function readReport(file: string, protocols: readonly string[]): CheckReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`merge: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`merge: ${file} is not JSON (expected the output of check --json)`);
  }
  const bad = (what: string): never => {
    throw new UsageError(`merge: ${file} is not a check report: ${what}`);
  };
  return parseReport(json, protocols, bad);
}

function parseReport(json: unknown, protocols: readonly string[], bad: (what: string) => never): CheckReport {
  const o = record(json, 'the top level', bad);
  const protocol: CheckProtocol =
    protocols.find((p) => p === o.protocol) ?? bad(`"protocol" is not one of ${protocols.join(', ')}`);
  const props = o.properties;
  if (!Array.isArray(props) || !props.every((p) => typeof p === 'string'))
    bad('"properties" is not a list of ids');
  const results = o.results;
  if (!Array.isArray(results)) bad('"results" is not a list');
  const shard = o.shard === undefined ? undefined : parseShard(record(o.shard, '"shard"', bad), bad);
  return {
    ok: bool(o, 'ok', bad),
    protocol,
    implementation: str(o, 'implementation', bad),
    version: str(o, 'version', bad),
    seed: int(o, 'seed', bad),
    runs: int(o, 'runs', bad),
    maxEvents: int(o, 'maxEvents', bad),
    properties: props as string[],
    ...(shard ? { shard } : {}),
    results: (results as unknown[]).map((r, i) => parseResult(record(r, `results[${i}]`, bad), bad)),
  };
}

function parseShard(o: Json, bad: (what: string) => never): ShardInfo {
  return {
    index: int(o, 'index', bad),
    count: int(o, 'count', bad),
    from: int(o, 'from', bad),
    to: int(o, 'to', bad),
  };
}

function parseResult(o: Json, bad: (what: string) => never): ConfigReport {
  const config = record(o.config, '"config"', bad);
  for (const v of Object.values(config))
    if (typeof v !== 'number' && typeof v !== 'string')
      bad('"config" has a value that is not a number or a string');
  const common = {
    preset: str(o, 'preset', bad),
    config: config as Record<string, number | string>,
    runs: int(o, 'runs', bad),
    events: int(o, 'events', bad),
    endedEarly: parseEnded(record(o.endedEarly, '"endedEarly"', bad), bad),
    seconds: num(o, 'seconds', bad),
  };
  if (bool(o, 'ok', bad)) return { ...common, ok: true };
  return { ...common, ok: false, failure: parseFailure(record(o.failure, '"failure"', bad), bad) };
}

function parseEnded(o: Json, bad: (what: string) => never): EndedEarly {
  return {
    runs: int(o, 'runs', bad),
    stall: int(o, 'stall', bad),
    abort: int(o, 'abort', bad),
    undefined: int(o, 'undefined', bad),
  };
}

function parseFailure(o: Json, bad: (what: string) => never): FailureReport {
  const cx = o.counterexample;
  if (!Array.isArray(cx) || !cx.every((e) => typeof e === 'string'))
    bad('"counterexample" is not a list of events');
  const why = o.explanation;
  if (why !== undefined && (!Array.isArray(why) || !why.every((e) => typeof e === 'string')))
    bad('"explanation" is not a list of lines');
  const phase =
    o.phase === undefined
      ? undefined
      : (PHASES.find((p) => p === o.phase) ?? bad(`"phase" is not one of ${PHASES.join(', ')}`));
  return {
    run: int(o, 'run', bad),
    property: str(o, 'property', bad),
    step: int(o, 'step', bad),
    ...(phase === undefined ? {} : { phase }),
    message: str(o, 'message', bad),
    ...(why === undefined ? {} : { explanation: why as string[] }),
    shrinks: int(o, 'shrinks', bad),
    seed: int(o, 'seed', bad),
    path: str(o, 'path', bad),
    length: int(o, 'length', bad),
    counterexample: cx as string[],
    trace: str(o, 'trace', bad),
  };
}

function record(v: unknown, what: string, bad: (what: string) => never): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(`${what} is not an object`);
  return v as Json;
}

function str(o: Json, key: string, bad: (what: string) => never): string {
  const v = o[key];
  return typeof v === 'string' ? v : bad(`"${key}" is not a string`);
}

function num(o: Json, key: string, bad: (what: string) => never): number {
  const v = o[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : bad(`"${key}" is not a number`);
}

function int(o: Json, key: string, bad: (what: string) => never): number {
  const v = o[key];
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : bad(`"${key}" is not a whole number`);
}

function bool(o: Json, key: string, bad: (what: string) => never): boolean {
  const v = o[key];
  return typeof v === 'boolean' ? v : bad(`"${key}" is not true or false`);
}
