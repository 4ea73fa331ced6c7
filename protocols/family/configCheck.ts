/**
 * What `intcheck check` hands each protocol's check of one configuration, and what it gets back:
 * the options already parsed, and a {@link ConfigReport} with the trace written on failure. A
 * protocol joins the command by providing a {@link ConfigCheck}.
 */

import type { RunRange } from '../../engine/check/seededRuns.ts';
import type { Coverage } from '../../engine/coverage/coverage.ts';
import type { ConfigReport } from '../../report/checkReport.ts';
import type { ControllerImpl } from '../controller/designs/device.ts';
import type { CheckOptions } from '../controller/engine/checkController.ts';
import type { Config } from '../controller/model/config/config.ts';

/** One of `count` shards of a check's runs (`--shard index/count`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

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
