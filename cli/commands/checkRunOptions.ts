/**
 * The run options every `intcheck check` protocol shares (--runs, --seed, --max-events,
 * --workers, --shard, --note), validated once: a bad value is a one-line usage error naming the
 * option. The shard's range of run indices is computed here too.
 */
import { shardRange } from '../../engine/check/seededRuns.ts';
import { UsageError } from '../errors.ts';
import { defaultSeed, intOption, type Shard, shardOption } from '../options.ts';

/** Most worker threads `--workers` accepts. */
export const MAX_WORKERS = 64;

/** The option strings as commander hands them over. */
export interface RunFlags {
  readonly runs?: string;
  readonly seed?: string;
  readonly maxEvents?: string;
  readonly workers?: string;
  readonly shard?: string;
  readonly note?: string;
}

/** The validated run options, and the run indices this invocation checks. */
export interface RunOptions {
  readonly runs: number;
  readonly seed: number;
  readonly maxEvents: number;
  readonly workers: number;
  readonly shard: Shard | undefined;
  readonly note: string | undefined;
  readonly range: { readonly from: number; readonly to: number };
}

/** Validates `f`'s run options (see above). */
export function checkRunOptions(f: RunFlags): RunOptions {
  const runs = intOption('--runs', f.runs, 1000, 1);
  const seed = intOption('--seed', f.seed, defaultSeed(), -(2 ** 31), 2 ** 31 - 1);
  const maxEvents = intOption('--max-events', f.maxEvents, 80, 1, 1_000_000);
  const workers = intOption('--workers', f.workers, 1, 1, MAX_WORKERS);
  const shard = shardOption(f.shard, runs);
  const note = f.note?.trim();
  if (note !== undefined && (note === '' || /[\r\n]/.test(note)))
    throw new UsageError('--note: expected one non-empty line');
  const range = shard ? shardRange(runs, shard.index, shard.count) : { from: 0, to: runs };
  return { runs, seed, maxEvents, workers, shard, note, range };
}
