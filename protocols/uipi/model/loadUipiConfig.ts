/**
 * Loading and validating a UIPI configuration: a missing field takes the small preset's value;
 * an unknown field, a non-integer, a value outside its range, a drain that has no name here or an
 * inconsistent pair (more receivers than CPUs, a timer vector ≥ vectors) is refused with a
 * ConfigError naming the field.
 */

import { ConfigError, readConfigJson } from '../../../model/configFile.ts';
import {
  isUipiDrain,
  UIPI_CONFIG_RANGES,
  UIPI_DRAINS,
  UIPI_FIELDS,
  UIPI_SMALL,
  type UipiConfig,
} from './config.ts';

const KNOWN: ReadonlySet<string> = new Set([...UIPI_FIELDS, 'drain']);

/** Validates an untrusted value as a UIPI configuration. */
export function parseUipiConfig(input: unknown, defaults: UipiConfig = UIPI_SMALL): UipiConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError('uipi configuration: expected a JSON object');
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!KNOWN.has(key)) throw new ConfigError(`uipi configuration field "${key}": unknown field`);
  }
  const out: Record<string, number | string> = { ...defaults };
  for (const field of UIPI_FIELDS) {
    const v = raw[field];
    if (v === undefined) continue;
    const { min, max } = UIPI_CONFIG_RANGES[field];
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      throw new ConfigError(
        `uipi configuration field "${field}": expected an integer, got ${JSON.stringify(v)}`,
      );
    }
    if (v < min || v > max) {
      throw new ConfigError(
        `uipi configuration field "${field}": ${v} is outside the allowed ${min}..${max}`,
      );
    }
    out[field] = v;
  }
  const drain = raw.drain;
  if (drain !== undefined) {
    if (typeof drain !== 'string' || !isUipiDrain(drain))
      throw new ConfigError(
        `uipi configuration field "drain": expected one of ${UIPI_DRAINS.join(', ')}, got ${JSON.stringify(drain)}`,
      );
    out.drain = drain;
  }
  const cfg = out as unknown as UipiConfig;
  if (cfg.receivers > cfg.cpus) {
    throw new ConfigError(
      `uipi configuration field "receivers": ${cfg.receivers} receivers need at least as many cpus (${cfg.cpus})`,
    );
  }
  if (cfg.timer >= cfg.vectors) {
    throw new ConfigError(
      `uipi configuration field "timer": vector ${cfg.timer} is not below vectors (${cfg.vectors})`,
    );
  }
  return cfg;
}

/** Reads and validates a UIPI configuration file; every failure is a one-line ConfigError. */
export function loadUipiConfig(path: string): UipiConfig {
  return parseUipiConfig(readConfigJson(path));
}

/** The JSON form (traces' `#meta.config`, `--json`), fields in a fixed order, the drain last. */
export function uipiConfigToJson(cfg: UipiConfig): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const f of UIPI_FIELDS) out[f] = cfg[f];
  out.drain = cfg.drain;
  return out;
}
