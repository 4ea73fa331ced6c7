/**
 * What `intcheck check` hands each protocol's check of one configuration, and what it gets back:
 * the options already parsed, and a {@link ConfigReport} with the trace written on failure. A
 * protocol joins the command by providing a {@link ConfigCheck}.
 */

import type { RunRange } from '../../engine/check/seededRuns.ts';
import type { Coverage } from '../../engine/coverage/coverage.ts';
import type { ControllerImpl } from '../../protocols/controller/designs/device.ts';
import type { CheckOptions } from '../../protocols/controller/engine/checkController.ts';
import type { Config } from '../../protocols/controller/model/config/config.ts';
import type { Shard } from '../options.ts';
import type { CheckProtocol, ConfigReport } from './checkReport.ts';

/** One configuration's check, as the command line asked for it. */
export interface ConfigCheckArgs {
  readonly impl: ControllerImpl;
  /** "small", "published" or the configuration file's path. */
  readonly preset: string;
  readonly cfg: Config;
  /** Runs of the whole check, and the ones to execute (a shard's, or all). */
  readonly runs: number;
  readonly range: RunRange;
  readonly seed: number;
  readonly maxEvents: number;
  /** The properties asked for with --property; the protocol's default ones when absent. */
  readonly properties?: readonly string[];
  readonly workers: number;
  /** Where the counterexample trace is written. */
  readonly out: string;
  readonly shard?: Shard;
  /** `#meta.note` of the trace. */
  readonly note?: string;
  /** The implementation's storm profile (`--profile`; controller only). */
  readonly profile?: string;
  /** Counters of what the storms reach, when a report was asked for. */
  readonly coverage?: Coverage;
  readonly onRun: (done: number) => void;
  /** Seconds since the check of this configuration started. */
  readonly seconds: () => number;
}

/** The options every protocol's check takes, from the command line's (cfg as given). */
export function checkOptionsOf(a: ConfigCheckArgs): CheckOptions {
  return {
    cfg: a.cfg,
    impl: a.impl,
    runs: a.runs,
    seed: a.seed,
    range: a.range,
    maxEvents: a.maxEvents,
    ...(a.properties ? { properties: a.properties } : {}),
    onRun: a.onRun,
    ...(a.coverage ? { coverage: a.coverage } : {}),
    ...(a.profile === undefined ? {} : { profile: a.profile }),
  };
}

/** A protocol's check of one configuration. */
export type ConfigCheck = (a: ConfigCheckArgs) => Promise<ConfigReport>;

/**
 * The trace file of a failure, `<protocol>--<impl>--<property>--<preset>.itf.json`; a shard's
 * carries its number, so shards sharing `--out` do not collide.
 */
export function traceName(
  protocol: CheckProtocol,
  impl: string,
  property: string,
  preset: string,
  shard: Shard | undefined,
): string {
  const where = preset.replace(/[^\w.-]+/g, '_');
  const suffix = shard ? `--shard-${shard.index}-of-${shard.count}` : '';
  return `${protocol}--${impl}--${property}--${where}${suffix}.itf.json`;
}
