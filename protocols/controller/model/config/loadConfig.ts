import { ConfigError, readConfigJson } from '../../../../model/configFile.ts';
import { CONFIG_RANGES, type Config, INT_FIELDS, PUBLISHED } from './config.ts';

/** The JSON form of a configuration: every field optional, `base` a hex string. */
export type ConfigJson = { readonly [K in keyof Config]?: K extends 'base' ? string : number };

const KNOWN = new Set<string>([...INT_FIELDS, 'base']);

/**
 * Validates an untrusted value as a configuration (spec §1): a missing field takes the
 * `published` value; an unknown field, a non-integer, a value outside "allowed" or a base that is
 * not a 4 KiB-aligned hex string is refused with a {@link ConfigError} naming the field.
 */
export function parseConfig(input: unknown, defaults: Config = PUBLISHED): Config {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError('configuration: expected a JSON object');
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!KNOWN.has(key)) throw new ConfigError(`configuration field "${key}": unknown field`);
  }
  const out: Record<string, number | bigint> = { ...defaults };
  for (const field of INT_FIELDS) {
    const v = raw[field];
    if (v === undefined) continue;
    const { min, max } = CONFIG_RANGES[field];
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      throw new ConfigError(`configuration field "${field}": expected an integer, got ${JSON.stringify(v)}`);
    }
    if (v < min || v > max) {
      throw new ConfigError(`configuration field "${field}": ${v} is outside the allowed ${min}..${max}`);
    }
    out[field] = v;
  }
  if (raw.base !== undefined) out.base = parseBase(raw.base);
  return out as unknown as Config;
}

function parseBase(v: unknown): bigint {
  if (typeof v !== 'string' || !/^0x[0-9a-fA-F]{1,16}$/.test(v)) {
    throw new ConfigError(
      `configuration field "base": expected a hex string like "0x10000000", got ${JSON.stringify(v)}`,
    );
  }
  const base = BigInt(v);
  if (base % 0x1000n !== 0n) throw new ConfigError(`configuration field "base": ${v} is not 4 KiB aligned`);
  return base;
}

/** Reads and validates a configuration file; every failure is a one-line {@link ConfigError}. */
export function loadConfig(path: string, defaults: Config = PUBLISHED): Config {
  return parseConfig(readConfigJson(path), defaults);
}

/** The JSON form of a configuration (for traces' `#meta.config` and `--json` output), fields in a fixed order. */
export function configToJson(cfg: Config): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const field of INT_FIELDS) out[field] = cfg[field];
  out.base = `0x${cfg.base.toString(16)}`;
  return out;
}
