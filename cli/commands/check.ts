/**
 * `intcheck check`: random storms against an implementation, every property after every step;
 * on failure the shrunk counterexample is saved as an ITF trace and the replay command printed.
 * Any protocol of protocols/index.ts: its descriptor resolves the implementation and the
 * configurations and checks each. `--workers N` spreads the runs over worker threads and
 * `--shard i/n` runs only the i-th of n contiguous slices of them; neither changes the verdict
 * (engine/check/seededRuns.ts).
 */
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import type { Coverage } from '../../engine/coverage/coverage.ts';
import {
  implementationOf,
  PROTOCOLS,
  propertyIdsOf,
  protocolNamed,
  protocolNames,
} from '../../protocols/index.ts';
import { type CheckReport, type ConfigReport, formatResult, reportToJson } from '../../report/checkReport.ts';
import { TOOL_VERSION } from '../../traces/toolVersion.ts';
import { EXIT } from '../errors.ts';
import { progressBar } from '../progress.ts';
import { writeCheckReport } from './checkHtmlReport.ts';
import { checkRunOptions } from './checkRunOptions.ts';

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
}

/** Adds the `check` subcommand to `program`; its exit code goes to `setExit`. */
export function registerCheck(program: Command, setExit: (code: number) => void): void {
  const designs = PROTOCOLS.map((p) => `${p.name}: ${p.designs.map((d) => d.name).join(', ')}`).join('; ');
  program
    .command('check')
    .description('run random storms against an implementation and check every property after every step')
    .requiredOption('--protocol <name>', `protocol to check: ${protocolNames().join(' | ')}`)
    .option('--impl <name>', `implementation (default: reference); ${designs}`)
    .option(
      '--mutant <name>',
      "a seeded-bug implementation instead: any of the protocol's mutants (intcheck mutants lists them)",
    )
    .option('--preset <name>', "configuration preset (default: each of the protocol's, cheapest first)")
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
    .option('--json', 'print one JSON object instead of text')
    .option(
      '--report <file>',
      'also write a summary page: properties, storms, coverage, failures as timelines',
    )
    .action(async (flags: CheckFlags) => setExit(await runCheck(flags)));
}

/** Checks each configuration in turn, stopping at the first that fails; returns the exit code. */
async function runCheck(f: CheckFlags): Promise<number> {
  const protocol = protocolNamed(f.protocol);
  const impl = implementationOf(protocol, f);
  const asked = propertyIdsOf(protocol, f.property);
  const profiled = f.profile === undefined ? undefined : protocol.profileProperties(impl, f.profile);
  const selected = asked ?? profiled;
  const known = protocol.properties.map((p) => p.id);
  const checked = selected ? known.filter((id) => selected.includes(id)) : protocol.defaultProperties(impl);
  const { runs, seed, maxEvents, workers, shard, note, range } = checkRunOptions(f);
  const configs = protocol.checkConfigs(f);
  const head: Omit<CheckReport, 'results' | 'ok'> = {
    protocol: protocol.name,
    implementation: impl,
    version: TOOL_VERSION,
    seed,
    runs,
    maxEvents,
    properties: [...checked],
    ...(shard ? { shard: { ...shard, ...range } } : {}),
  };
  const results: ConfigReport[] = [];
  const coverages: (Coverage | undefined)[] = [];
  const started = performance.now();
  for (const config of configs) {
    const bar = progressBar(`${impl} ${config.name}`, range.to - range.from, !f.json);
    const t0 = performance.now();
    const coverage = f.report === undefined ? undefined : protocol.coverage();
    coverages.push(coverage);
    const r = await config.check({
      impl,
      runs,
      range,
      seed,
      maxEvents,
      ...(selected ? { properties: selected } : {}),
      workers,
      out: f.out,
      ...(shard ? { shard } : {}),
      ...(note === undefined ? {} : { note }),
      ...(f.profile === undefined ? {} : { profile: f.profile }),
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
    writeCheckReport(f.report, { report: { ok, ...head, results }, coverages, seconds, workers });
    if (!f.json) console.log(`report: ${f.report}`);
  }
  return ok ? EXIT.ok : EXIT.failed;
}
