/**
 * Shared option handling: numbers, seeds, shards, and the controller family's configurations
 * (--preset / --config). Every refusal is a UsageError or ConfigError with one line naming the
 * option. What a protocol's options mean (implementations, presets, properties) is its
 * descriptor's business (protocols/index.ts).
 */
import type { Shard } from '../protocols/family/configCheck.ts';
import { UsageError } from './errors.ts';

export { type NamedConfig, resolveConfigs } from '../protocols/controller/model/config/resolveConfigs.ts';
export type { Shard };

/** A whole number within [min, max] given on the command line (or its default). */
export function intOption(
  name: string,
  value: string | undefined,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`${name}: expected a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${name}: ${n} is outside ${min}..${max}`);
  return n;
}

/** The default seed of every random check: INTCHECK_SEED when set, else a pinned value. */
export function defaultSeed(): number {
  const env = process.env.INTCHECK_SEED;
  return env === undefined || env === '' ? 42 : intOption('INTCHECK_SEED', env, 42, -(2 ** 31), 2 ** 31 - 1);
}

/** `--shard i/n`: 0 ≤ i < n, and no more shards than runs. */
export function shardOption(value: string | undefined, runs: number): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (m === null) throw new UsageError(`--shard: expected INDEX/COUNT such as 0/4, got "${value}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new UsageError(`--shard: the count of shards must be at least 1, got "${value}"`);
  if (index >= count) {
    throw new UsageError(`--shard: index ${index} is outside 0..${count - 1} of ${count} shards`);
  }
  if (count > runs) throw new UsageError(`--shard: ${count} shards for ${runs} runs leaves shards empty`);
  return { index, count };
}
