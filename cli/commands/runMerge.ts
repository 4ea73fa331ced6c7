/**
 * The work of `intcheck merge` (cli/commands/merge.ts registers the command): reading the shards'
 * reports, checking that they fit together, and the merged report.
 */
import { addEnded, NONE_ENDED } from '../../engine/check/endedEarly.ts';
import { shardRange } from '../../engine/check/seededRuns.ts';
import { protocolNames } from '../../protocols/index.ts';
import {
  type CheckReport,
  type ConfigReport,
  formatResult,
  reportToJson,
  type ShardInfo,
} from '../../report/checkReport.ts';
import { readReport } from '../../report/readReport.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import type { MergeFlags } from './merge.ts';

/** A report and the file it came from (for error messages). */
export interface ShardReport {
  readonly file: string;
  readonly report: CheckReport;
}

/** Reads, merges and prints the reports; returns the merged verdict's exit code. */
export function runMerge(files: readonly string[], f: MergeFlags, io: Io): number {
  const merged = mergeReports(files.map((file) => ({ file, report: readReport(file, protocolNames()) })));
  if (f.json) io.out(reportToJson(merged));
  else for (const r of merged.results) for (const line of formatResult(merged, r)) io.out(line);
  return merged.ok ? EXIT.ok : EXIT.failed;
}

/** The fields every shard of one check shares. */
const SHARED = ['protocol', 'implementation', 'version', 'seed', 'runs', 'maxEvents', 'properties'] as const;

/** The report of the whole check from the reports of all its shards. */
function mergeReports(shards: readonly ShardReport[]): CheckReport {
  const first = shards[0];
  if (first === undefined) throw new UsageError('merge: no reports given');
  for (const s of shards) {
    for (const key of SHARED) {
      const a = JSON.stringify(first.report[key]);
      const b = JSON.stringify(s.report[key]);
      if (a !== b) throw new UsageError(`merge: ${s.file} does not fit ${first.file}: ${key} ${b} vs ${a}`);
    }
  }
  const ordered = inShardOrder(shards);
  const results: ConfigReport[] = [];
  for (let k = 0; ; k++) {
    const entries = ordered.map((s) => ({ file: s.file, shard: shardOf(s.report), r: s.report.results[k] }));
    if (entries.every((e) => e.r === undefined)) break;
    const merged = mergeConfig(entries);
    results.push(merged);
    if (!merged.ok) break;
  }
  const { shard: _shard, results: _results, ok: _ok, ...head } = first.report;
  return { ok: results.every((r) => r.ok), ...head, results };
}

/** The shards sorted by index, after checking each of 0..n-1 is there exactly once with its own runs. */
function inShardOrder(shards: readonly ShardReport[]): ShardReport[] {
  const first = shards[0];
  const count = first === undefined ? 0 : shardOf(first.report).count;
  const byIndex = new Map<number, ShardReport>();
  for (const s of shards) {
    const info = shardOf(s.report);
    const name = `shard ${info.index}/${info.count}`;
    if (info.count !== count)
      throw new UsageError(`merge: ${s.file} is ${name}, but ${first?.file} is of ${count}`);
    const seen = byIndex.get(info.index);
    if (seen !== undefined) throw new UsageError(`merge: ${name} is given twice (${seen.file}, ${s.file})`);
    const want = shardRange(s.report.runs, info.index, info.count);
    if (info.index < 0 || info.index >= count || info.from !== want.from || info.to !== want.to) {
      throw new UsageError(`merge: ${s.file} claims runs ${info.from}..${info.to - 1} as ${name}`);
    }
    byIndex.set(info.index, s);
  }
  const out: ShardReport[] = [];
  for (let i = 0; i < count; i++) {
    const s = byIndex.get(i);
    if (s === undefined) throw new UsageError(`merge: shard ${i}/${count} is missing`);
    out.push(s);
  }
  return out;
}

/** A report without `shard` is the whole check: shard 0 of 1. */
function shardOf(report: CheckReport): ShardInfo {
  return report.shard ?? { index: 0, count: 1, from: 0, to: report.runs };
}

/** One configuration over all shards, in order: the first failing shard's failure, counts up to it. */
function mergeConfig(
  entries: readonly { file: string; shard: ShardInfo; r: ConfigReport | undefined }[],
): ConfigReport {
  let runs = 0;
  let events = 0;
  let endedEarly = NONE_ENDED;
  let seconds = 0;
  const firstEntry = entries.find((e) => e.r !== undefined);
  const first = firstEntry?.r;
  if (firstEntry === undefined || first === undefined) throw new UsageError('merge: no results to merge');
  for (const { file, shard, r } of entries) {
    if (r === undefined)
      throw new UsageError(`merge: ${file} has no result for configuration ${first.preset}`);
    if (r.preset !== first.preset) {
      throw new UsageError(
        `merge: ${file} checked ${r.preset} where ${firstEntry.file} checked ${first.preset}`,
      );
    }
    if (JSON.stringify(r.config) !== JSON.stringify(first.config)) {
      throw new UsageError(
        `merge: ${file} checked another ${r.preset} configuration than ${firstEntry.file}`,
      );
    }
    if (r.ok && r.runs !== shard.to - shard.from) {
      throw new UsageError(
        `merge: ${file} passes ${r.preset} on ${r.runs} runs, not its ${shard.to - shard.from}`,
      );
    }
    runs += r.runs;
    events += r.events;
    endedEarly = addEnded(endedEarly, r.endedEarly);
    seconds += r.seconds;
    if (!r.ok) return { ...r, runs, events, endedEarly, seconds };
  }
  return { preset: first.preset, config: first.config, ok: true, runs, events, endedEarly, seconds };
}
