/**
 * Shared option handling: configuration from --preset or --config, numbers, implementations.
 * Every refusal is a {@link UsageError} or ConfigError with one line naming the option.
 */
import type { ControllerImpl } from '../protocols/controller/designs/device.ts';
import { CONTROLLER_IMPLS } from '../protocols/controller/designs/registry.ts';
import {
  type Config,
  PRESET_NAMES,
  PRESETS,
  type PresetName,
} from '../protocols/controller/model/config/config.ts';
import { loadConfig } from '../protocols/controller/model/config/loadConfig.ts';
import { CONTROLLER_MUTANTS } from '../protocols/controller/mutants/controllerMutants.ts';
import { findSyscallMutant, SYSCALL_MUTANTS } from '../protocols/syscall/mutants/syscallMutants.ts';
import { findWakeupMutant, WAKEUP_MUTANTS } from '../protocols/wakeup/mutants/wakeupMutants.ts';
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

/** The protocols `intcheck check` runs, as `--protocol` names them. */
export const CHECK_PROTOCOLS = ['controller', 'wakeup', 'syscall', 'uipi'] as const;
export type CheckProtocolName = (typeof CHECK_PROTOCOLS)[number];

/** `--protocol NAME`: one of {@link CHECK_PROTOCOLS}. */
export function protocolOption(value: string): CheckProtocolName {
  const p = CHECK_PROTOCOLS.find((name) => name === value);
  if (p === undefined)
    throw new UsageError(`--protocol: unknown protocol "${value}" (known: ${CHECK_PROTOCOLS.join(', ')})`);
  return p;
}

const MUTANT_NAMES: ReadonlySet<string> = new Set(CONTROLLER_MUTANTS.map((m) => m.name));

/** The implementations `--impl` accepts: the reference and the published designs, not the mutants. */
export function designNames(): string[] {
  return CONTROLLER_IMPLS.filter((impl) => !MUTANT_NAMES.has(impl.name)).map((impl) => impl.name);
}

/** The runtime mutants of the wakeup system (only `--protocol wakeup` runs them). */
export function wakeupMutantNames(): string[] {
  return WAKEUP_MUTANTS.map((m) => m.name);
}

/** The mutants of the syscall protocol (only `--protocol syscall` runs them). */
export function syscallMutantNames(): string[] {
  return SYSCALL_MUTANTS.map((m) => m.name);
}

/**
 * The implementations `--mutant` accepts for `protocol`: the controller's seeded-bug catalogue,
 * and for the wakeup (syscall) protocol its runtime mutants first.
 */
export function mutantNames(protocol: CheckProtocolName = 'controller'): string[] {
  const controller = CONTROLLER_MUTANTS.map((m) => m.name);
  if (protocol === 'syscall') return [...syscallMutantNames(), ...controller];
  return protocol === 'wakeup' ? [...wakeupMutantNames(), ...controller] : controller;
}

/**
 * The implementation named by `--impl` (a design) or `--mutant` (a seeded bug) for `protocol`,
 * the reference when neither is given; a mutant under `--impl`, a design under `--mutant`, and
 * a runtime mutant outside the wakeup protocol are refused.
 */
export function resolveImpl(
  opts: { readonly impl?: string; readonly mutant?: string },
  protocol: CheckProtocolName = 'controller',
): ControllerImpl {
  if (opts.impl !== undefined && opts.mutant !== undefined) {
    throw new UsageError('--impl and --mutant cannot be used together');
  }
  if (opts.mutant !== undefined) return resolveMutant(opts.mutant, protocol);
  const name = opts.impl ?? 'reference';
  const impl = CONTROLLER_IMPLS.find((c) => c.name === name);
  if (impl !== undefined && !MUTANT_NAMES.has(name)) return impl;
  if (impl !== undefined || findWakeupMutant(name) !== undefined || findSyscallMutant(name) !== undefined)
    throw new UsageError(`--impl: "${name}" is a mutant: use --mutant ${name}`);
  throw new UsageError(`--impl: unknown implementation "${name}" (known: ${designNames().join(', ')})`);
}

/** The mutant `--mutant name` names for `protocol`. */
function resolveMutant(name: string, protocol: CheckProtocolName): ControllerImpl {
  const syscall = findSyscallMutant(name);
  if (syscall !== undefined && protocol === 'syscall') return syscall;
  if (syscall !== undefined)
    throw new UsageError(`--mutant: "${name}" is a mutant of the syscall system: use --protocol syscall`);
  const runtime = findWakeupMutant(name);
  if (runtime !== undefined && protocol === 'wakeup') return runtime;
  if (runtime !== undefined) {
    throw new UsageError(
      `--mutant: "${name}" is a runtime mutant of the wakeup system: use --protocol wakeup`,
    );
  }
  const m = CONTROLLER_MUTANTS.find((c) => c.name === name);
  if (m !== undefined) return m;
  if (designNames().includes(name))
    throw new UsageError(`--mutant: "${name}" is not a mutant: use --impl ${name}`);
  throw new UsageError(`--mutant: unknown mutant "${name}" (known: ${mutantNames(protocol).join(', ')})`);
}

/** One of `count` shards of a check's runs (`--shard index/count`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
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

/**
 * `--profile NAME`: a storm profile `impl` declares (ControllerImpl.profiles), for the controller
 * protocol only; undefined when not given.
 */
export function profileOption(
  value: string | undefined,
  impl: ControllerImpl | undefined,
  protocol: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (protocol !== 'controller')
    throw new UsageError('--profile: storm profiles are for --protocol controller');
  const names = Object.keys(impl?.profiles ?? {});
  if (!names.includes(value)) {
    const known = names.length === 0 ? 'it declares none' : `known: ${names.join(', ')}`;
    throw new UsageError(`--profile: ${impl?.name ?? 'the model'} has no profile "${value}" (${known})`);
  }
  return value;
}
