/**
 * `intcheck check`: random storms against an implementation, every property after every step;
 * on failure the shrunk counterexample is saved as an ITF trace and the replay command printed.
 * `--protocol controller` drives the controller alone (lockstep with its model);
 * `--protocol wakeup` drives the whole wakeup system (software runtime over the controller, then
 * the §6 drain). `--workers N` spreads the runs over worker threads and `--shard i/n` runs only
 * the i-th of n contiguous slices of them; neither changes the verdict (engine/check/seededRuns.ts).
 */
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import type { Coverage } from '../../engine/coverage/coverage.ts';
import { coverageFor } from '../../protocols/coverageFor.ts';
import { findProperty, propertiesOf } from '../../protocols/registry.ts';
import {
  defaultSyscallPropertyIds,
  syscallPropertyIds,
} from '../../protocols/syscall/properties/selection.ts';
import { defaultWakeupPropertyIds, wakeupPropertyIds } from '../../protocols/wakeup/properties/selection.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { EXIT, UsageError } from '../errors.ts';
import {
  CHECK_PROTOCOLS,
  type CheckProtocolName,
  designNames,
  mutantNames,
  profileOption,
  protocolOption,
  resolveConfigs,
  resolveImpl,
  syscallMutantNames,
  wakeupMutantNames,
} from '../options.ts';
import { progressBar } from '../progress.ts';
import { checkControllerConfig } from './checkControllerConfig.ts';
import { writeCheckReport } from './checkHtmlReport.ts';
import { type CheckReport, type ConfigReport, formatResult, reportToJson } from './checkReport.ts';
import { checkRunOptions } from './checkRunOptions.ts';
import { checkSyscallConfig } from './checkSyscallConfig.ts';
import { runUipiCheck } from './checkUipi.ts';
import { checkWakeupConfig } from './checkWakeupConfig.ts';
import type { ConfigCheck } from './configCheck.ts';
import { collectIds } from './exploreProperties.ts';

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
  note?: string;
  report?: string;
  profile?: string;
  drain?: string[];
}

/** Each protocol's check of one configuration. */
const CHECKS: Readonly<Record<Exclude<CheckProtocolName, 'uipi'>, ConfigCheck>> = {
  controller: checkControllerConfig,
  wakeup: checkWakeupConfig,
  syscall: checkSyscallConfig,
};

/** Adds the `check` subcommand to `program`; its exit code goes to `setExit`. */
export function registerCheck(program: Command, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('run random storms against an implementation and check every property after every step')
    .requiredOption('--protocol <name>', `protocol to check: ${CHECK_PROTOCOLS.join(' | ')}`)
    .option('--impl <name>', `implementation (default: reference): ${designNames().join(', ')}`)
    .option(
      '--mutant <name>',
      `a seeded-bug implementation instead: ${mutantNames().join(', ')}; with --protocol wakeup also the runtime mutants ${wakeupMutantNames().join(', ')}; with --protocol syscall also ${syscallMutantNames().join(', ')}`,
    )
    .option('--preset <name>', 'configuration preset: small | published (default: small, then published)')
    .option('--config <file>', 'configuration JSON file (missing fields take the published values)')
    .option('--runs <n>', 'random storms per configuration', '1000')
    .option('--seed <n>', 'fast-check seed (default: INTCHECK_SEED or 42)')
    .option('--max-events <n>', 'longest storm', '80')
    .option('--property <id...>', 'check only these properties')
    .option('--workers <n>', 'worker threads to run storms on (1: this process)', '1')
    .option('--shard <i/n>', 'run only the i-th of n contiguous slices of the storms (0-based)')
    .option('--out <dir>', 'where counterexample traces are written', 'out')
    .option(
      '--profile <name>',
      'a storm profile the implementation declares (taic: well-formed); checks the properties it claims under it unless --property is given',
    )
    .option('--note <text>', "one line saying what a counterexample shows, written to its trace's #meta.note")
    .option(
      '--drain <names>',
      'UIPI: judge the liveness properties after these drains, one verdict each: fair | no-kernel-entry | all (comma list or repeated; default: the design’s, else fair)',
      collectIds,
    )
    .option('--json', 'print one JSON object instead of text')
    .option(
      '--report <file>',
      'also write a summary page: properties, storms, coverage, failures as timelines',
    )
    .action(async (flags: CheckFlags) => setExit(await runCheck(flags)));
}

/** Checks each configuration in turn, stopping at the first that fails; returns the exit code. */
async function runCheck(f: CheckFlags): Promise<number> {
  const protocol = protocolOption(f.protocol);
  if (protocol === 'uipi') return runUipiCheck(f); // its own implementations and configuration (checkUipi.ts)
  if (f.drain !== undefined) throw new UsageError('--drain: the named drains are those of --protocol uipi');
  const impl = resolveImpl(f, protocol);
  const known =
    protocol === 'controller'
      ? propertiesOf('controller').map((p) => p.id)
      : protocol === 'syscall'
        ? syscallPropertyIds()
        : wakeupPropertyIds();
  for (const id of f.property ?? []) {
    if (findProperty(id) === undefined || !known.includes(id))
      throw new UsageError(`--property: unknown property "${id}" for protocol ${protocol}`);
  }
  const profile = profileOption(f.profile, impl, protocol);
  const selected = f.property ?? (profile === undefined ? undefined : impl.profiles?.[profile]?.holds);
  const checked = selected
    ? known.filter((id) => selected.includes(id))
    : protocol === 'controller'
      ? known
      : protocol === 'syscall'
        ? defaultSyscallPropertyIds(impl)
        : defaultWakeupPropertyIds(impl);
  const { runs, seed, maxEvents, workers, shard, note, range } = checkRunOptions(f);
  const configs = resolveConfigs(f);
  const head: Omit<CheckReport, 'results' | 'ok'> = {
    protocol,
    implementation: impl.name,
    version: TOOL_VERSION,
    seed,
    runs,
    maxEvents,
    properties: checked,
    ...(shard ? { shard: { ...shard, ...range } } : {}),
  };
  const results: ConfigReport[] = [];
  const coverages: (Coverage | undefined)[] = [];
  const started = performance.now();
  for (const { name, cfg } of configs) {
    const bar = progressBar(`${impl.name} ${name}`, range.to - range.from, !f.json);
    const t0 = performance.now();
    const coverage = f.report === undefined ? undefined : coverageFor(protocol);
    coverages.push(coverage);
    const r = await CHECKS[protocol]({
      impl,
      preset: name,
      cfg,
      runs,
      range,
      seed,
      maxEvents,
      ...(selected ? { properties: selected } : {}),
      workers,
      out: f.out,
      ...(shard ? { shard } : {}),
      ...(note === undefined ? {} : { note }),
      ...(profile === undefined ? {} : { profile }),
      ...(coverage === undefined ? {} : { coverage }),
      onRun: (n) => bar.tick(n),
      seconds: () => (performance.now() - t0) / 1000,
    });
    bar.done();
    results.push(r);
    if (!f.json) for (const line of formatResult(head, r)) console.log(line);
    if (!r.ok) break;
  }
  const ok = results.every((r) => r.ok);
  if (f.json) console.log(reportToJson({ ok, ...head, results }));
  if (f.report !== undefined) {
    const seconds = (performance.now() - started) / 1000;
    writeCheckReport(f.report, { report: { ok, ...head, results }, coverages, impl, seconds, workers });
    if (!f.json) console.log(`report: ${f.report}`);
  }
  return ok ? EXIT.ok : EXIT.failed;
}
