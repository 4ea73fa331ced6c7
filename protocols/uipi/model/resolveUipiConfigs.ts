/**
 * The UIPI configurations a command runs on, from `--preset NAME` or `--config FILE`: the preset,
 * or the file, or, when neither is given, small, skyloft and published (the cheap one first).
 * Every refusal is a one-line UsageError or ConfigError naming the option.
 */
import { UsageError } from '../../../model/badInput.ts';
import { UIPI_PRESET_NAMES, UIPI_PRESETS, type UipiConfig, type UipiPresetName } from './config.ts';
import { loadUipiConfig } from './loadUipiConfig.ts';

export interface NamedUipiConfig {
  /** A preset's name or the configuration file's path. */
  readonly name: string;
  readonly cfg: UipiConfig;
}

/** The order a check runs the presets in when none is asked for. */
const DEFAULT_ORDER: readonly UipiPresetName[] = ['small', 'skyloft', 'published'];

export function resolveUipiConfigs(opts: {
  readonly preset?: string;
  readonly config?: string;
}): NamedUipiConfig[] {
  if (opts.preset !== undefined && opts.config !== undefined)
    throw new UsageError('--preset and --config cannot be used together');
  if (opts.config !== undefined) return [{ name: opts.config, cfg: loadUipiConfig(opts.config) }];
  if (opts.preset !== undefined) {
    const p = UIPI_PRESET_NAMES.find((n) => n === opts.preset);
    if (p === undefined)
      throw new UsageError(
        `--preset: unknown UIPI preset "${opts.preset}" (known: ${UIPI_PRESET_NAMES.join(', ')})`,
      );
    return [{ name: p, cfg: UIPI_PRESETS[p] }];
  }
  return DEFAULT_ORDER.map((name) => ({ name, cfg: UIPI_PRESETS[name] }));
}
