/**
 * The configurations a command runs on, from `--preset NAME` or `--config FILE`: the preset, or
 * the file, or, when neither is given, `small` then `published` (the cheap one first). Every
 * refusal is a one-line UsageError or ConfigError naming the option.
 */
import { UsageError } from '../../../../model/badInput.ts';
import { type Config, PRESET_NAMES, PRESETS, type PresetName } from './config.ts';
import { loadConfig } from './loadConfig.ts';

export interface NamedConfig {
  /** "small", "published" or the configuration file's path. */
  readonly name: string;
  readonly cfg: Config;
}

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
