/**
 * Shared option handling: configuration from --preset or --config, numbers, implementations.
 * Every refusal is a {@link UsageError} or ConfigError with one line naming the option.
 */
import { type Config, PRESET_NAMES, PRESETS, type PresetName } from '../model/config/config.ts';
import { loadConfig } from '../model/config/loadConfig.ts';
import { UsageError } from './errors.ts';

export interface NamedConfig {
  /** "small", "published" or the configuration file's path. */
  readonly name: string;
  readonly cfg: Config;
}

/**
 * The configurations a command runs on: the preset, or the file, or — when neither is given —
 * `small` then `published` (the cheap one first).
 */
export function resolveConfigs(opts: { readonly preset?: string; readonly config?: string }): NamedConfig[] {
  if (opts.preset !== undefined && opts.config !== undefined) {
    throw new UsageError('--preset and --config cannot be used together');
  }
  if (opts.config !== undefined) return [{ name: opts.config, cfg: loadConfig(opts.config) }];
  if (opts.preset !== undefined) {
    if (!isPreset(opts.preset)) {
      throw new UsageError(`--preset: unknown preset "${opts.preset}" (known: ${PRESET_NAMES.join(', ')})`);
    }
    return [{ name: opts.preset, cfg: PRESETS[opts.preset] }];
  }
  return PRESET_NAMES.map((name) => ({ name, cfg: PRESETS[name] }));
}

function isPreset(s: string): s is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(s);
}

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
