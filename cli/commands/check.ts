/**
 * `intcheck check`: random storms against an implementation, every property after every step;
 * on failure the shrunk counterexample is saved as an ITF trace and the replay command printed.
 * `--workers N` spreads the runs over worker threads and `--shard i/n` runs only the i-th of n
 * contiguous slices of them; neither changes the verdict (see properties/check/seededRuns.ts).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { configToJson } from '../../model/config/loadConfig.ts';
import { formatEvent } from '../../model/events/formatEvent.ts';
import { rangeOf } from '../../properties/check/checkController.ts';
import { checkControllerParallel } from '../../properties/check/parallel/checkControllerParallel.ts';
import { shardRange } from '../../properties/check/seededRuns.ts';
import { findProperty, propertiesOf } from '../../properties/registry.ts';
import { controllerTrace } from '../../traces/controllerTrace.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
import { EXIT, UsageError } from '../errors.ts';
import {
  defaultSeed,
  designNames,
  intOption,
  mutantNames,
  resolveConfigs,
  resolveImpl,
  type Shard,
  shardOption,
} from '../options.ts';
import { progressBar } from '../progress.ts';
import { type CheckReport, type ConfigReport, formatResult, reportToJson } from './checkReport.ts';

/** The options as commander parses them (strings, checked in runCheck). */
interface CheckFlags {
  protocol: string;
  impl?: string;
  mutant?: string;
  preset?: string;
  config?: string;
  runs?: string;
  seed?: string;
  out: string;
  json?: boolean;
  property?: string[];
  maxEvents?: string;
  workers?: string;
  shard?: string;
}

/** Most worker threads `--workers` accepts. */
const MAX_WORKERS = 64;

/** Adds the `check` subcommand to `program`; its exit code goes to `setExit`. */
export function registerCheck(program: Command, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('run random storms against an implementation and check every property after every step')
    .requiredOption('--protocol <name>', 'protocol to check: controller')
    .option('--impl <name>', `implementation (default: reference): ${designNames().join(', ')}`)
    .option('--mutant <name>', `a seeded-bug implementation instead: ${mutantNames().join(', ')}`)
    .option('--preset <name>', 'configuration preset: small | published (default: small, then published)')
    .option('--config <file>', 'configuration JSON file (missing fields take the published values)')
    .option('--runs <n>', 'random storms per configuration', '1000')
    .option('--seed <n>', 'fast-check seed (default: INTCHECK_SEED or 42)')
    .option('--max-events <n>', 'longest storm', '80')
    .option('--property <id...>', 'check only these properties')
    .option('--workers <n>', 'worker threads to run storms on (1: this process)', '1')
    .option('--shard <i/n>', 'run only the i-th of n contiguous slices of the storms (0-based)')
    .option('--out <dir>', 'where counterexample traces are written', 'out')
    .option('--json', 'print one JSON object instead of text')
    .action(async (flags: CheckFlags) => setExit(await runCheck(flags)));
}

/** Checks each configuration in turn, stopping at the first that fails; returns the exit code. */
async function runCheck(f: CheckFlags): Promise<number> {
  if (f.protocol !== 'controller')
    throw new UsageError(`--protocol: unknown protocol "${f.protocol}" (known: controller)`);
  const impl = resolveImpl(f);
  const known = propertiesOf('controller').map((p) => p.id);
  for (const id of f.property ?? []) {
    if (findProperty(id) === undefined || !known.includes(id))
      throw new UsageError(`--property: unknown property "${id}" for protocol controller`);
  }
  const selected = f.property;
  const runs = intOption('--runs', f.runs, 1000, 1);
  const seed = intOption('--seed', f.seed, defaultSeed(), -(2 ** 31), 2 ** 31 - 1);
  const maxEvents = intOption('--max-events', f.maxEvents, 80, 1, 1_000_000);
  const workers = intOption('--workers', f.workers, 1, 1, MAX_WORKERS);
  const shard = shardOption(f.shard, runs);
  const configs = resolveConfigs(f);
  const range = shard ? shardRange(runs, shard.index, shard.count) : rangeOf({ runs });
  const head: Omit<CheckReport, 'results' | 'ok'> = {
    protocol: 'controller',
    implementation: impl.name,
    version: TOOL_VERSION,
    seed,
    runs,
    maxEvents,
    properties: selected ? known.filter((id) => selected.includes(id)) : known,
    ...(shard ? { shard: { ...shard, ...range } } : {}),
  };
  const results: ConfigReport[] = [];
  for (const { name, cfg } of configs) {
    const bar = progressBar(`${impl.name} ${name}`, range.to - range.from, !f.json);
    const t0 = performance.now();
    const result = await checkControllerParallel(
      {
        cfg,
        impl,
        runs,
        seed,
        range,
        maxEvents,
        ...(selected ? { properties: selected } : {}),
        onRun: (n) => bar.tick(n),
      },
      workers,
    );
    bar.done();
    const common = {
      preset: name,
      config: configToJson(cfg),
      runs: result.runs,
      events: result.events,
      seconds: (performance.now() - t0) / 1000,
    };
    let r: ConfigReport;
    if (result.ok) {
      r = { ...common, ok: true };
    } else {
      const v = result.failure.violation;
      const file = join(f.out, traceName(impl.name, v.property, name, shard));
      writeTrace(
        file,
        controllerTrace({
          cfg,
          implementation: impl.name,
          property: v.property,
          message: v.message,
          seed: result.seed,
          path: result.path,
          failingStep: v.step,
          initial: result.failure.initial,
          steps: result.failure.recorded,
        }),
      );
      const failure = {
        run: result.index,
        property: v.property,
        step: v.step,
        message: v.message,
        shrinks: result.shrinks,
        seed: result.seed,
        path: result.path,
        length: result.counterexample.length,
        counterexample: result.counterexample.map(formatEvent),
        trace: file,
      };
      r = { ...common, ok: false, failure };
    }
    results.push(r);
    if (!f.json) for (const line of formatResult(head, r)) console.log(line);
    if (!r.ok) break;
  }
  const ok = results.every((r) => r.ok);
  if (f.json) console.log(reportToJson({ ok, ...head, results }));
  return ok ? EXIT.ok : EXIT.failed;
}

/** The trace file of a failure; a shard's carries its number, so shards sharing `--out` do not collide. */
function traceName(impl: string, property: string, preset: string, shard: Shard | undefined): string {
  const where = preset.replace(/[^\w.-]+/g, '_');
  const suffix = shard ? `--shard-${shard.index}-of-${shard.count}` : '';
  return `controller--${impl}--${property}--${where}${suffix}.itf.json`;
}
